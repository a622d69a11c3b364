import CImageCodecs

/// The one place that calls into CImageCodecs: turns its status codes and C buffers into Swift
/// values and `ImageCodecError`s, so each codec only states which C function to call.
enum NativeCodec {
    /// Larger images are refused before any pixel memory is allocated (400 MB of RGBA8).
    static let maxPixels: UInt64 = 100_000_000

    typealias Dimensions = (
        _ data: UnsafePointer<UInt8>, _ length: Int,
        _ width: UnsafeMutablePointer<UInt32>, _ height: UnsafeMutablePointer<UInt32>,
        _ err: UnsafeMutablePointer<CChar>, _ errLength: Int
    ) -> pxc_status

    typealias Decoder = (
        _ data: UnsafePointer<UInt8>, _ length: Int, _ width: UInt32, _ height: UInt32,
        _ out: UnsafeMutablePointer<UInt8>, _ capacity: Int,
        _ err: UnsafeMutablePointer<CChar>, _ errLength: Int
    ) -> pxc_status

    typealias Encoder = (
        _ rgba: UnsafePointer<UInt8>, _ width: UInt32, _ height: UInt32,
        _ out: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>, _ length: UnsafeMutablePointer<Int>,
        _ err: UnsafeMutablePointer<CChar>, _ errLength: Int
    ) -> pxc_status

    /// Asks for the output size first, so the pixels are decoded straight into the array that
    /// becomes `RGBAImage.pixels`: no second copy of a 33 MB 4K image.
    static func decode(
        _ bytes: UnsafeBufferPointer<UInt8>, format: String, dimensions: Dimensions, decoder: Decoder
    ) throws(ImageCodecError) -> RGBAImage {
        guard let input = bytes.baseAddress, !bytes.isEmpty else {
            throw ImageCodecError(kind: .corrupt, description: "The \(format) data is empty; the file was not written completely.")
        }
        var width: UInt32 = 0, height: UInt32 = 0
        var message = [CChar](repeating: 0, count: 256)
        var status = dimensions(input, bytes.count, &width, &height, &message, message.count)
        guard status == PXC_OK else { throw error(status, format: format, message: message) }
        let capacity = pxc_decode_capacity(width, height)
        let pixels = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            status = decoder(input, bytes.count, width, height, buffer.baseAddress!, capacity, &message, message.count)
            count = status == PXC_OK ? Int(width) * Int(height) * 4 : 0
        }
        guard status == PXC_OK else { throw error(status, format: format, message: message) }
        return RGBAImage(width: Int(width), height: Int(height), pixels: pixels)
    }

    typealias Verifier = (
        _ data: UnsafePointer<UInt8>, _ length: Int, _ maxPixels: UInt64,
        _ width: UnsafeMutablePointer<UInt32>, _ height: UnsafeMutablePointer<UInt32>,
        _ err: UnsafeMutablePointer<CChar>, _ errLength: Int
    ) -> pxc_status

    /// Walks the whole image without keeping its pixels; returns the size it decoded to.
    static func verify(_ bytes: [UInt8], format: String, using verifier: Verifier) throws(ImageCodecError) -> (width: Int, height: Int) {
        guard !bytes.isEmpty else {
            throw ImageCodecError(kind: .corrupt, description: "The \(format) data is empty; the file was not written completely.")
        }
        var width: UInt32 = 0, height: UInt32 = 0
        var message = [CChar](repeating: 0, count: 256)
        let status = bytes.withUnsafeBufferPointer { input in
            verifier(input.baseAddress!, input.count, maxPixels, &width, &height, &message, message.count)
        }
        guard status == PXC_OK else { throw error(status, format: format, message: message) }
        return (Int(width), Int(height))
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

    static func error(_ status: pxc_status, format: String, message: [CChar]) -> ImageCodecError {
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
