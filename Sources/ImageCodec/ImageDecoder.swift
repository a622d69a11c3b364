import Foundation

/// Opens an image file whatever its format, for callers that only want pixels.
public enum ImageDecoder {
    /// Picks the codec from the file's magic bytes, not its extension, because gallery files and
    /// downloads are sometimes misnamed. `maxDimensionHint` is passed to decoders that can use it.
    public static func decode(contentsOf url: URL, maxDimensionHint: Int? = nil) throws(ImageCodecError) -> RGBAImage {
        let bytes = try contents(of: url)
        do {
            return try decode(bytes, maxDimensionHint: maxDimensionHint)
        } catch {
            throw error.about(file: url.path)
        }
    }

    /// The whole file, with a read failure reported as an `ImageCodecError` like decode failures.
    /// Only a regular file is read: a FIFO or a device named like an image is refused at once
    /// rather than waited on (see `RegularFile`).
    public static func contents(of url: URL, followLinks: Bool = true) throws(ImageCodecError) -> [UInt8] {
        do {
            return try RegularFile.read(url, followLinks: followLinks)
        } catch {
            throw ImageCodecError(kind: .unreadable, description: "\(url.path): \(error.reason).")
        }
    }

    /// The in-memory variant, for bytes that arrive over HTTP.
    public static func decode(_ bytes: [UInt8], maxDimensionHint: Int? = nil) throws(ImageCodecError) -> RGBAImage {
        try bytes.withUnsafeBufferPointer { bytes throws(ImageCodecError) in try decode(bytes, maxDimensionHint: maxDimensionHint) }
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, maxDimensionHint: Int?) throws(ImageCodecError) -> RGBAImage {
        switch ImageHeader.sniffFormat(Array(bytes.prefix(12))) {
        case .png:
            return try PNGCodec.decode(bytes)
        case .jpeg:
            return try JPEGCodec.decode(bytes, maxDimensionHint: maxDimensionHint)
        case .webp:
            throw ImageCodecError(kind: .unsupportedFormat, description: "WebP images cannot be shown yet; convert it to PNG or JPEG (or request PNG output).")
        case nil:
            throw ImageCodecError(kind: .unsupportedFormat, description: "Not a PNG, JPEG or WebP image (unrecognised first bytes).")
        }
    }
}
