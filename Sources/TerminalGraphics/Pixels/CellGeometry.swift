import Foundation

/// The size of one terminal cell in pixels: pixel images are scaled to exactly the cells they
/// cover, so nothing larger than the screen area ever crosses a (possibly slow) SSH link.
public struct CellPixelSize: Sendable, Hashable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// What most terminals use at common font sizes; used when the terminal will not say.
    public static let fallback = CellPixelSize(width: 10, height: 20)

    public var description: String { "\(width)x\(height) px" }

    /// From a TIOCGWINSZ result; nil when the terminal leaves the pixel fields at zero (many do).
    public static func from(columns: Int, rows: Int, pixelWidth: Int, pixelHeight: Int) -> CellPixelSize? {
        guard columns > 0, rows > 0, pixelWidth >= columns, pixelHeight >= rows else { return nil }
        return CellPixelSize(width: pixelWidth / columns, height: pixelHeight / rows)
    }

    /// Asks the kernel for the window size of `fileDescriptor` (a terminal).
    public static func fromWindowSize(of fileDescriptor: Int32) -> CellPixelSize? {
        var size = winsize()
        guard ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0 else { return nil }
        return from(columns: Int(size.ws_col), rows: Int(size.ws_row), pixelWidth: Int(size.ws_xpixel), pixelHeight: Int(size.ws_ypixel))
    }
}

/// The largest picture with the image's aspect ratio that fits a cell area, and the cells it
/// then covers (the last column and row may be partly empty).
public struct PixelFit: Sendable, Hashable {
    public let pixelWidth: Int
    public let pixelHeight: Int
    public let columns: Int
    public let rows: Int

    public init(imageWidth: Int, imageHeight: Int, maxColumns: Int, maxRows: Int, cell: CellPixelSize) {
        let boxWidth = max(1, maxColumns) * cell.width, boxHeight = max(1, maxRows) * cell.height
        let width = max(1, imageWidth), height = max(1, imageHeight)
        // Integer comparison of the two aspect ratios; rounding to nearest keeps 1:1 exact.
        if boxWidth * height <= boxHeight * width {
            pixelWidth = boxWidth
            pixelHeight = max(1, min(boxHeight, (boxWidth * height + width / 2) / width))
        } else {
            pixelHeight = boxHeight
            pixelWidth = max(1, min(boxWidth, (boxHeight * width + height / 2) / height))
        }
        columns = (pixelWidth + cell.width - 1) / cell.width
        rows = (pixelHeight + cell.height - 1) / cell.height
    }
}
