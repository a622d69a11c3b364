import CImageCodecs
import Foundation

/// Decoding straight to a thumbnail, for previews: the result is what `decode` followed by
/// `downscaled(toWidth:height:)` gives, pixel for pixel, but the common PNG (8-bit RGB or RGBA,
/// not interlaced) is area-averaged row by row as it is unfiltered, so the full-size RGBA image is
/// never built: for a 4K photo that is 33 MB less memory to fault in, fill and read back.
extension ImageDecoder {
    /// `targetSize` picks the thumbnail's size from the decoded size (which for a JPEG may be a
    /// DCT-scaled one, see `maxDimensionHint`). The file is read with `RegularFile.withContents`;
    /// errors are the ones `decode(contentsOf:)` reports.
    public static func decodeDownscaled(
        contentsOf url: URL, maxDimensionHint: Int? = nil, targetSize: (_ width: Int, _ height: Int) -> (width: Int, height: Int)
    ) throws(ImageCodecError) -> RGBAImage {
        let result: Result<RGBAImage, ImageCodecError>
        do {
            result = try RegularFile.withContents(url) { bytes in
                Result { () throws(ImageCodecError) in try decodeDownscaled(bytes, maxDimensionHint: maxDimensionHint, targetSize: targetSize) }
            }
        } catch {
            throw ImageCodecError(kind: .unreadable, description: "\(url.path): \(error.reason).")
        }
        do {
            return try result.get()
        } catch {
            throw error.about(file: url.path)
        }
    }

    /// The in-memory variant of `decodeDownscaled(contentsOf:maxDimensionHint:targetSize:)`.
    public static func decodeDownscaled(
        _ bytes: UnsafeBufferPointer<UInt8>, maxDimensionHint: Int? = nil, targetSize: (_ width: Int, _ height: Int) -> (width: Int, height: Int)
    ) throws(ImageCodecError) -> RGBAImage {
        if let thumbnail = summedWhileDecoding(bytes, targetSize: targetSize) { return thumbnail }
        let image = try decode(bytes, maxDimensionHint: maxDimensionHint)
        let target = targetSize(image.width, image.height)
        return image.downscaled(toWidth: target.width, height: target.height)
    }

    /// The PNG path: nil when the image is not one the C side sums while decoding (or is damaged,
    /// so the full decode reports why), or when it needs no downscaling at all.
    static func summedWhileDecoding(
        _ bytes: UnsafeBufferPointer<UInt8>, targetSize: (_ width: Int, _ height: Int) -> (width: Int, height: Int)
    ) -> RGBAImage? {
        guard let data = bytes.baseAddress, ImageHeader.sniffFormat(Array(bytes.prefix(8))) == .png else { return nil }
        var width: UInt32 = 0, height: UInt32 = 0
        guard pxc_png_dimensions(data, bytes.count, NativeCodec.maxPixels, &width, &height, nil, 0) == PXC_OK else { return nil }
        let (sourceWidth, sourceHeight) = (Int(width), Int(height))
        let target = targetSize(sourceWidth, sourceHeight)
        guard target.width > 0, target.height > 0, target.width != sourceWidth || target.height != sourceHeight,
            let sums = rowSums(bytes, width: sourceWidth, height: sourceHeight, columns: CoverageSpan.spans(source: sourceWidth, target: target.width))
        else { return nil }
        return RGBAImage.averaging(rowSums: sums, sourceWidth: sourceWidth, sourceHeight: sourceHeight, toWidth: target.width, height: target.height)
    }

    /// Pass 1 of the downscale (`RGBAImage.rowSums`) computed by the C decoder as it unfilters,
    /// or nil when it does not handle these bytes; `width` and `height` are the PNG's own.
    static func rowSums(_ bytes: UnsafeBufferPointer<UInt8>, width: Int, height: Int, columns: [CoverageSpan]) -> [Float]? {
        guard let data = bytes.baseAddress else { return nil }
        let spans = columns.map { pxc_span(first: UInt32($0.first), last: UInt32($0.last), first_weight: $0.firstWeight, last_weight: $0.lastWeight) }
        var summed = false
        let sums = [Float](unsafeUninitializedCapacity: height * spans.count * 4) { buffer, count in
            summed = pxc_png_row_sums(data, bytes.count, UInt32(width), UInt32(height), spans, spans.count, buffer.baseAddress!)
            count = summed ? buffer.count : 0
        }
        return summed ? sums : nil
    }
}
