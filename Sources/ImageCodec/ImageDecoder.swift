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
    /// Read straight into the array: going through `Data` copied every byte once more, 22 MB
    /// for a 4K PNG, on the path of every preview.
    public static func contents(of url: URL) throws(ImageCodecError) -> [UInt8] {
        func unreadable(_ code: Int32) -> ImageCodecError {
            ImageCodecError(kind: .unreadable, description: "\(url.path): cannot read the file (\(String(cString: strerror(code)))).")
        }
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw unreadable(errno) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw unreadable(errno) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw ImageCodecError(kind: .unreadable, description: "\(url.path): not a regular file.")
        }
        let size = Int(info.st_size)
        guard size > 0 else { return [] }
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < size {
                let got = read(descriptor, buffer.baseAddress! + count, size - count)
                if got > 0 {
                    count += got
                } else if got == 0 {
                    break
                } else if errno != EINTR {
                    failure = errno
                    break
                }
            }
        }
        if failure != 0 { throw unreadable(failure) }
        return bytes
    }

    /// The in-memory variant, for bytes that arrive over HTTP.
    public static func decode(_ bytes: [UInt8], maxDimensionHint: Int? = nil) throws(ImageCodecError) -> RGBAImage {
        switch ImageHeader.sniffFormat(bytes) {
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
