import Logging

/// Removes the API key (and terminal control characters) from everything a log line carries
/// before the handler it wraps sees it: the message, every metadata value at any depth, and an
/// attached error. The key can arrive in server text that pixterm logs (an error body that
/// echoes it), so redaction sits in front of the writer, not at each call site.
///
/// It keeps the metadata itself, so the wrapped handler only ever holds cleaned text.
public struct RedactingLogHandler: LogHandler {
    private var wrapped: any LogHandler
    private let redactor: Redactor
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?

    public init(wrapping handler: any LogHandler, redactor: Redactor) {
        var inner = handler
        metadata = inner.metadata
        metadataProvider = inner.metadataProvider
        inner.metadata = [:]
        inner.metadataProvider = nil
        wrapped = inner
        self.redactor = redactor
    }

    public var logLevel: Logger.Level {
        get { wrapped.logLevel }
        set { wrapped.logLevel = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var all = metadata
        if let provided = metadataProvider?.get() { all.merge(provided) { $1 } }
        if let given = event.metadata { all.merge(given) { $1 } }
        if let error = event.error { all["error"] = .string("\(error)") }
        var cleaned = event
        cleaned.error = nil
        cleaned.message = Logger.Message(stringLiteral: redactor.clean(event.message.description))
        cleaned.metadata = all.isEmpty ? nil : clean(all)
        wrapped.log(event: cleaned)
    }

    private func clean(_ value: Logger.Metadata.Value) -> Logger.Metadata.Value {
        switch value {
        case let .string(text): .string(redactor.clean(text))
        case let .stringConvertible(item): .string(redactor.clean(item.description))
        case let .array(items): .array(items.map(clean))
        case let .dictionary(object): .dictionary(clean(object))
        }
    }

    /// Keys are cleaned too; two that clean to the same text keep the later value.
    private func clean(_ metadata: Logger.Metadata) -> Logger.Metadata {
        Dictionary(metadata.map { (redactor.clean($0.key), clean($0.value)) }) { $1 }
    }
}

extension Logger {
    /// A logger that emits nothing: the default wherever logging is optional.
    public static let disabled = Logger(label: "pixterm") { _ in SwiftLogNoOpLogHandler() }

    /// This logger with `redactor` applied before its handler sees anything; applying it twice
    /// is harmless.
    public func redacting(_ redactor: Redactor) -> Logger {
        var copy = self
        copy.handler = RedactingLogHandler(wrapping: handler, redactor: redactor)
        return copy
    }
}
