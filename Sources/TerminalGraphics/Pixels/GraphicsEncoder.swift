import ImageCodec

/// The bytes that show one image in a cell rectangle and take it away again. A curses UI keeps
/// the rectangle blank in its own frame, writes `draw` after each flush of the frame, and writes
/// `erase` before it reuses the cells; `upload` goes out once before the first `draw`, and
/// `release` when the image will not come back.
public struct GraphicsPlacement: Sendable, Hashable {
    /// The image's name in the terminal (kitty): the same id is the same stored data.
    public var imageID: UInt32
    /// kitty: the image data, stored in the terminal under the image id. Empty otherwise.
    public var upload: [UInt8]
    /// Draws the picture; the cursor ends where it was.
    public var draw: [UInt8]
    /// Removes the picture and leaves blank cells (kitty: keeps the stored data).
    public var erase: [UInt8]
    /// kitty: frees the stored image. Empty otherwise.
    public var release: [UInt8]
    /// The cells the picture covers: the top-left part of the rectangle asked for, since the
    /// image keeps its aspect ratio.
    public var cells: CellRect
}

/// Turns images into terminal output for one detected method. Pixel images are first scaled
/// down to the pixels of the cells they will fill, so a 1024x1024 original costs only what the
/// screen can show.
public struct GraphicsEncoder: Sendable {
    public var method: GraphicsMethod
    public var passthrough: Bool
    public var placeholders: Bool
    public var cellSize: CellPixelSize
    /// For half blocks only.
    public var colorMode: ColorMode
    public var sixel: SixelEncoder

    public init(
        method: GraphicsMethod, passthrough: Bool = false, placeholders: Bool = false,
        cellSize: CellPixelSize = .fallback, colorMode: ColorMode = .truecolor, sixel: SixelEncoder = SixelEncoder()
    ) {
        self.method = method
        self.passthrough = passthrough
        self.placeholders = placeholders
        self.cellSize = cellSize
        self.colorMode = colorMode
        self.sixel = sixel
    }

    /// Encodes with what detection chose; its reported cell size beats `cellSize`.
    public init(detection: GraphicsDetection, cellSize: CellPixelSize, colorMode: ColorMode) {
        self.init(
            method: detection.method, passthrough: detection.passthrough, placeholders: detection.placeholders,
            cellSize: detection.cellSize ?? cellSize, colorMode: colorMode
        )
    }

    /// `image` fitted into `rect`. `imageID` names the image in the terminal (kitty); give each
    /// image on screen its own, from 1 to 255 so placeholder colours survive any tmux setup.
    public func placement(of image: RGBAImage, in rect: CellRect, imageID: UInt32) throws(ImageCodecError) -> GraphicsPlacement {
        try picture(of: image, maxColumns: rect.width, maxRows: rect.height, imageID: imageID).placement(in: rect)
    }

    /// `image` fitted into `maxColumns` x `maxRows` cells and encoded once, to be placed
    /// wherever it is shown (see `EncodedPicture`).
    public func picture(of image: RGBAImage, maxColumns: Int, maxRows: Int, imageID: UInt32) throws(ImageCodecError) -> EncodedPicture {
        try encode(image, maxColumns: maxColumns, maxRows: maxRows, imageID: imageID, inline: false)
    }

    /// The cells an image of this size covers once fitted into `maxColumns` x `maxRows`, so a
    /// caller can choose where the picture goes (centre it) before paying for the encoding.
    public func cells(imageWidth: Int, imageHeight: Int, maxColumns: Int, maxRows: Int) -> (columns: Int, rows: Int) {
        if method == .blocks {
            let grid = CellFit.fit(imageWidth: imageWidth, imageHeight: imageHeight, maxColumns: maxColumns, maxRows: maxRows)
            return (grid.columns, grid.rows)
        }
        let fit = pixelFit(imageWidth: imageWidth, imageHeight: imageHeight, maxColumns: maxColumns, maxRows: maxRows)
        return (fit.columns, fit.rows)
    }

    /// Output for printing at the cursor in a scrolling terminal (`pixterm preview`): the picture
    /// and a newline, leaving the cursor on the line below it.
    public func inline(_ image: RGBAImage, maxColumns: Int, maxRows: Int, imageID: UInt32) throws(ImageCodecError) -> [UInt8] {
        try encode(image, maxColumns: maxColumns, maxRows: maxRows, imageID: imageID, inline: true).inline
    }

    /// The pixels a pixel method sends for `image` in `maxColumns` x `maxRows` cells: the image
    /// scaled down to the cells' pixels, or as it is when already smaller. Keeping this instead
    /// of the original (a thumbnail cache) encodes to the very same picture.
    public func sentPixels(of image: RGBAImage, maxColumns: Int, maxRows: Int) -> RGBAImage {
        guard maxColumns > 0, maxRows > 0, image.width > 0, image.height > 0 else { return image }
        let fit = pixelFit(imageWidth: image.width, imageHeight: image.height, maxColumns: maxColumns, maxRows: maxRows)
        let fits = image.width <= fit.pixelWidth && image.height <= fit.pixelHeight
        return fits ? image : image.downscaled(toWidth: fit.pixelWidth, height: fit.pixelHeight)
    }

    private func encode(_ image: RGBAImage, maxColumns: Int, maxRows: Int, imageID: UInt32, inline: Bool) throws(ImageCodecError) -> EncodedPicture {
        let kitty = method == .kitty
        var picture = EncodedPicture(
            imageID: imageID, release: kitty ? wrapped(KittyGraphics.deleteImage(imageID: imageID)) : [],
            deletePlacement: kitty && !placeholders ? wrapped(KittyGraphics.deletePlacement(imageID: imageID, placementID: 1)) : nil
        )
        guard maxColumns > 0, maxRows > 0, image.width > 0, image.height > 0 else { return picture }
        if method == .blocks {
            let grid = CellFit.fit(imageWidth: image.width, imageHeight: image.height, maxColumns: maxColumns, maxRows: maxRows)
            picture.lines = HalfBlockRenderer(mode: colorMode).render(image, columns: grid.columns, rows: grid.rows)
            (picture.columns, picture.rows) = (grid.columns, grid.rows)
            return picture
        }
        let fit = pixelFit(imageWidth: image.width, imageHeight: image.height, maxColumns: maxColumns, maxRows: maxRows)
        (picture.columns, picture.rows) = (fit.columns, fit.rows)
        // kitty and iTerm2 scale into the cells themselves, so a smaller image is sent as it is;
        // sixel pixels are screen pixels, so sixel gets exactly the fitted size.
        let sent = sentPixels(of: image, maxColumns: maxColumns, maxRows: maxRows)
        let scaled = method == .sixel ? sent.downscaled(toWidth: fit.pixelWidth, height: fit.pixelHeight) : sent
        switch method {
        case .kitty where placeholders:
            picture.upload =
                (KittyGraphics.transmit(png: try PNGCodec.encode(scaled), imageID: imageID)
                + [KittyGraphics.place(imageID: imageID, placementID: 1, columns: fit.columns, rows: fit.rows, virtual: true)])
                .flatMap(wrapped)
            picture.lines = KittyPlaceholder.rows(imageID: imageID, columns: fit.columns, rows: fit.rows)
        case .kitty where inline:
            // No id: a preview must not replace an earlier one still in the scrollback.
            let keys = "a=T,f=100,c=\(fit.columns),r=\(fit.rows),q=2"
            picture.body = KittyGraphics.commands(keys: keys, payload: try PNGCodec.encode(scaled)).flatMap(wrapped)
        case .kitty:
            picture.upload = KittyGraphics.transmit(png: try PNGCodec.encode(scaled), imageID: imageID).flatMap(wrapped)
            picture.body = wrapped(KittyGraphics.place(imageID: imageID, placementID: 1, columns: fit.columns, rows: fit.rows))
        case .iterm:
            picture.body = wrapped(ITermImage.inline(file: try PNGCodec.encode(scaled), columns: fit.columns, rows: fit.rows))
        case .sixel:
            picture.body = sixel.encode(scaled)
        case .blocks:
            break
        }
        return picture
    }

    private func pixelFit(imageWidth: Int, imageHeight: Int, maxColumns: Int, maxRows: Int) -> PixelFit {
        let limit = placeholders ? KittyPlaceholder.maxCells : Int.max
        return PixelFit(imageWidth: imageWidth, imageHeight: imageHeight, maxColumns: min(maxColumns, limit), maxRows: min(maxRows, limit), cell: cellSize)
    }

    private func wrapped(_ sequence: [UInt8]) -> [UInt8] {
        passthrough ? TmuxPassthrough.wrap(sequence) : sequence
    }
}
