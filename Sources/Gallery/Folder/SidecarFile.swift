import Foundation
import ImageCodec
import PixapiKit

/// Reading a sidecar from the gallery folder, the one way sidecar text enters pixterm.
///
/// Anyone who can write to the folder can write a sidecar, so it is read like any untrusted
/// file (a regular file only, no link followed, bounded in size) and every text field is passed
/// through `TerminalText.sanitized` before anything else sees it: the index, `gallery show`, the
/// UI and `--json` all get clean text from here.
enum SidecarFile {
    /// Far above any real sidecar (a 32,000-character prompt written three times, escaped).
    static let sizeLimit = 4 << 20

    /// Why a sidecar that exists could not be used, for `gallery rebuild`'s report.
    struct Unreadable: Error, Sendable {
        let reason: String
    }

    /// The sidecar next to `image`, sanitized; `nil` when there is none.
    static func read(forImage image: URL) throws(Unreadable) -> Sidecar? {
        let bytes: [UInt8]
        do {
            bytes = try RegularFile.read(GalleryLayout.sidecarURL(for: image), limit: sizeLimit, followLinks: false)
        } catch {
            if error.kind == .missing { return nil }
            throw Unreadable(reason: error.reason)
        }
        do {
            // The fast reader takes the sidecars it is sure of; JSONDecoder the rest, with its messages.
            return try (SidecarJSON.decode(bytes) ?? Sidecar.decoder.decode(Sidecar.self, from: Data(bytes))).sanitized()
        } catch {
            throw Unreadable(reason: GalleryStore.describe(error))
        }
    }
}

extension Sidecar {
    /// Every text field without control characters or escape sequences; prompts keep their
    /// line breaks.
    func sanitized() -> Sidecar {
        var copy = self
        copy.id = TerminalText.sanitized(id)
        copy.prompt = TerminalText.sanitized(prompt, keepNewlines: true)
        copy.model = TerminalText.sanitized(model)
        copy.size = TerminalText.sanitized(size)
        copy.quality = TerminalText.sanitized(quality)
        copy.endpoint = TerminalText.sanitized(endpoint)
        copy.taskID = taskID.map { TerminalText.sanitized($0) }
        copy.requestID = requestID.map { TerminalText.sanitized($0) }
        copy.sourceImages = sourceImages.map { TerminalText.sanitized($0) }
        copy.mask = mask.map { TerminalText.sanitized($0) }
        copy.revisedPrompt = revisedPrompt.map { TerminalText.sanitized($0, keepNewlines: true) }
        copy.responseFormat = responseFormat.map { TerminalText.sanitized($0) }
        copy.format = format.map { TerminalText.sanitized($0) }
        copy.request = request?.sanitized()
        return copy
    }
}

extension ImageRequest {
    /// The request's text fields without control characters, for a request read back from a file.
    func sanitized() -> ImageRequest {
        var copy = self
        copy.model = TerminalText.sanitized(model)
        copy.prompt = TerminalText.sanitized(prompt, keepNewlines: true)
        copy.images = images.map { TerminalText.sanitized($0) }
        copy.mask = mask.map { TerminalText.sanitized($0) }
        copy.background = background.map { TerminalText.sanitized($0) }
        copy.outputFormat = outputFormat.map { TerminalText.sanitized($0) }
        copy.moderation = moderation.map { TerminalText.sanitized($0) }
        return copy
    }
}
