import Foundation

/// The images of a finished request, each either already on disk (from `b64_json`) or at a URL
/// that must be downloaded at once (result URLs expire).
public struct ImageResult: Sendable, Hashable {
    public enum Payload: Sendable, Hashable {
        /// Decoded into a staging file; move it into the gallery.
        case file(URL)
        /// Download it with `PixapiClient.download`.
        case url(URL)
    }

    public struct Item: Sendable, Hashable {
        public let index: Int
        public let payload: Payload
        public let revisedPrompt: String?
    }

    public let created: Date?
    public let items: [Item]
    /// `output_format` when the server said (`png`, `jpeg`, `webp`); otherwise read the file.
    public let outputFormat: String?

    public init(created: Date?, items: [Item], outputFormat: String?) {
        self.created = created
        self.items = items
        self.outputFormat = outputFormat
    }

    /// Builds a result from a parsed image response object (`{created, data: [...]}`), mapping spool
    /// placeholders to their files. Unknown fields are ignored, as the contract asks.
    static func parse(_ object: [String: Any], spooled: [URL]) throws(PixapiError) -> ImageResult {
        guard let data = object["data"] as? [[String: Any]] else {
            throw PixapiError(.malformedResponse, "the server's response has no image list (\"data\")")
        }
        var items: [Item] = []
        for (index, entry) in data.enumerated() {
            let revised = (entry["revised_prompt"] as? String).map { TerminalText.sanitized($0) }
            if let b64 = entry["b64_json"] as? String {
                let prefix = ImageResponseSpooler.placeholderPrefix
                guard b64.hasPrefix(prefix), let slot = Int(b64.dropFirst(prefix.count)), spooled.indices.contains(slot) else {
                    throw PixapiError(.malformedResponse, "image \(index + 1) in the server's response could not be decoded")
                }
                items.append(Item(index: index, payload: .file(spooled[slot]), revisedPrompt: revised))
            } else if let text = entry["url"] as? String, let url = URL(string: text), let scheme = url.scheme?.lowercased(),
                scheme == "https" || scheme == "http"
            {
                items.append(Item(index: index, payload: .url(url), revisedPrompt: revised))
            } else {
                throw PixapiError(.malformedResponse, "image \(index + 1) in the server's response has neither a url nor b64_json")
            }
        }
        guard !items.isEmpty else {
            throw PixapiError(.malformedResponse, "the server answered with no images")
        }
        let created = (object["created"] as? NSNumber).map { Date(timeIntervalSince1970: $0.doubleValue) }
        return ImageResult(created: created, items: items, outputFormat: object["output_format"] as? String)
    }
}

/// One look at an async task.
public struct TaskSnapshot: Sendable, Hashable {
    public enum Status: Sendable, Hashable {
        /// Anything that is not terminal: `submitted`, `queued`, `in_progress`, `processing`, ...
        case running(String)
        case completed(ImageResult)
        case failed(PixapiError)
    }

    public let id: String
    public let status: Status
    /// 0-100 when the server said.
    public let progress: Int?
    public let model: String?

    static func parse(_ object: [String: Any], spooled: [URL]) throws(PixapiError) -> TaskSnapshot {
        guard let id = object["id"] as? String, !id.isEmpty else {
            throw PixapiError(.malformedResponse, "the server's task answer has no task id")
        }
        let statusText = (object["status"] as? String)?.lowercased() ?? "unknown"
        let progress = (object["progress"] as? NSNumber).map { max(0, min(100, $0.intValue)) }
        let status: Status
        switch statusText {
        case "completed":
            // Images under `result`, falling back to a top-level `data` (the contract).
            let source = (object["result"] as? [String: Any]).flatMap { $0["data"] == nil ? nil : $0 } ?? object
            status = .completed(try ImageResult.parse(source, spooled: spooled))
        case "failed":
            let fields = (object["error"] as? [String: Any]) ?? [:]
            let message = (fields["message"] as? String) ?? "the task failed without a reason"
            let code = fields["code"].map { "\($0)" }
            status = .failed(
                PixapiError(
                    .taskFailed, "task \(id) failed: \(message)", code: code, requestID: fields["request_id"] as? String
                ))
        default:
            status = .running(TerminalText.sanitized(statusText))
        }
        return TaskSnapshot(id: TerminalText.sanitized(id), status: status, progress: progress, model: object["model"] as? String)
    }
}
