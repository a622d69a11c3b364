import CImageCodecs

/// The one place that calls into CImageCodecs: turns its status codes and C buffers into Swift
/// values and `ImageCodecError`s, so each codec only states which C function to call.
enum NativeCodec {
    /// Larger images are refused before any pixel memory is allocated (400 MB of RGBA8).
    static let maxPixels: UInt64 = 100_000_000

    typealias Decoder = (
        _ data: UnsafePointer<UInt8>, _ length: Int,
        _ out: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>,
        _ width: UnsafeMutablePointer<UInt32>, _ height: UnsafeMutablePointer<UInt32>,
        _ err: UnsafeMutablePointer<CChar>, _ errLength: Int
    ) -> pxc_status

    typealias Encoder = (
        _ rgba: UnsafePointer<UInt8>, _ width: UInt32, _ height: UInt32,
        _ out: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>, _ length: UnsafeMutablePointer<Int>,
        _ err: UnsafeMutablePointer<CChar>, _ errLength: Int
    ) -> pxc_status

    static func decode(_ bytes: [UInt8], format: String, using decoder: Decoder) throws(ImageCodecError) -> RGBAImage {
        guard !bytes.isEmpty else {
            throw ImageCodecError(kind: .corrupt, description: "The \(format) data is empty; the file was not written completely.")
        }
        var out: UnsafeMutablePointer<UInt8>?
        var width: UInt32 = 0, height: UInt32 = 0
        var message = [CChar](repeating: 0, count: 256)
        let status = bytes.withUnsafeBufferPointer { input in
            decoder(input.baseAddress!, input.count, &out, &width, &height, &message, message.count)
        }
        guard status == PXC_OK, let out else { throw error(status, format: format, message: message) }
        defer { pxc_free(out) }
        let count = Int(width) * Int(height) * 4
        return RGBAImage(width: Int(width), height: Int(height), pixels: Array(UnsafeBufferPointer(start: out, count: count)))
    }

    static func encode(_ image: RGBAImage, format: String, using encoder: Encoder) throws(ImageCodecError) -> [UInt8] {
        guard image.width > 0, image.height > 0, image.width <= Int(UInt32.max), image.height <= Int(UInt32.max) else {
            throw ImageCodecError(kind: .invalidInput, description: "Cannot encode a \(image.width)x\(image.height) image as \(format).")
        }
        var out: UnsafeMutablePointer<UInt8>?
        var length = 0
        var message = [CChar](repeating: 0, count: 256)
        let status = image.pixels.withUnsafeBufferPointer { rgba in
            encoder(rgba.baseAddress!, UInt32(image.width), UInt32(image.height), &out, &length, &message, message.count)
        }
        guard status == PXC_OK, let out else { throw error(status, format: format, message: message) }
        defer { pxc_free(out) }
        return Array(UnsafeBufferPointer(start: out, count: length))
    }

    private static func error(_ status: pxc_status, format: String, message: [CChar]) -> ImageCodecError {
        let detail = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return switch status {
        case PXC_TOO_LARGE:
            ImageCodecError(kind: .tooLarge, description: "The \(format) image is too large to open (\(detail)); pixterm stops at 100 megapixels.")
        case PXC_NO_MEMORY:
            ImageCodecError(kind: .outOfMemory, description: "Not enough memory to process the \(format) image (\(detail)).")
        case PXC_INVALID:
            ImageCodecError(kind: .invalidInput, description: "Invalid \(format) parameters: \(detail).")
        default:
            ImageCodecError(kind: .corrupt, description: "The \(format) data is damaged or truncated (\(detail)); re-download or re-export the image.")
        }
    }
}
