import Foundation
import ImageCodec

/// Refuses a result file that is not a whole image, so a cut-short download or response never
/// reaches the gallery as a half picture.
enum ResultFileCheck {
    static func verify(_ file: URL, what: String) throws(PixapiError) {
        guard let handle = try? FileHandle(forReadingFrom: file) else {
            throw PixapiError(.io, "cannot read back \(file.path)")
        }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 64)) ?? Data())
        guard let format = ImageHeader.sniffFormat(head) else {
            throw PixapiError(.malformedResponse, "\(what) is not a PNG, JPEG or WebP image")
        }
        let size = (try? handle.seekToEnd()) ?? 0
        try? handle.seek(toOffset: size > 16 ? size - 16 : 0)
        let tail = [UInt8]((try? handle.readToEnd()) ?? Data())
        guard ImageHeader.hasCompleteEnding(format: format, tail: tail) else {
            throw PixapiError(.malformedResponse, "\(what) is incomplete (the file is cut short)")
        }
    }
}
