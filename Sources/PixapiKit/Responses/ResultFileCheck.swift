import Foundation
import ImageCodec

/// Refuses a result file that is not a whole image, so a cut-short download, a response padded
/// with junk or garbage behind a valid header never reaches the gallery.
enum ResultFileCheck {
    /// Checks, in order: the size cap, a PNG/JPEG/WebP header, a complete ending, then a decode
    /// of all the data (`ImageVerifier`) at the size the header claims.
    static func verify(_ file: URL, what: String, maxBytes: Int) throws(PixapiError) {
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        guard size <= maxBytes else {
            throw PixapiError(.malformedResponse, "\(what) is \(BodyTransfer.sizeText(size)), over the \(BodyTransfer.sizeText(maxBytes)) pixterm accepts; not saved")
        }
        let bytes: [UInt8]
        do { bytes = try ImageDecoder.contents(of: file) } catch {
            throw PixapiError(.io, "cannot read back \(file.path)")
        }
        guard let format = ImageHeader.sniffFormat(Array(bytes.prefix(16))) else {
            throw PixapiError(.malformedResponse, "\(what) is not a PNG, JPEG or WebP image; not saved")
        }
        guard ImageHeader.hasCompleteEnding(format: format, tail: Array(bytes.suffix(16))) else {
            throw PixapiError(.malformedResponse, "\(what) is incomplete (the file is cut short); not saved")
        }
        let name = format.rawValue.uppercased()
        guard let header = ImageHeader.parse(Array(bytes.prefix(65_536))) else {
            throw PixapiError(.malformedResponse, "\(what) has no readable \(name) header; not saved")
        }
        let decoded: ImageHeader
        do { decoded = try ImageVerifier.verify(bytes) } catch {
            throw PixapiError(.malformedResponse, "\(what) does not decode as the \(name) it claims to be (\(error.description)); not saved")
        }
        guard decoded.format == header.format, decoded.width == header.width, decoded.height == header.height else {
            throw PixapiError(
                .malformedResponse,
                "\(what) claims \(header.width)x\(header.height) in its header but decodes as \(decoded.width)x\(decoded.height); not saved"
            )
        }
    }
}
