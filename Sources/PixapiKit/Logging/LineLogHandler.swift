import Foundation
import Logging

/// Writes each log event as one line to a `LogSink`:
/// `2026-12-01T17:05:35.123Z info PixapiKit: request method=POST status=200 ...`, with the
/// metadata sorted by key and a value quoted when it has a space, a quote or an `=`.
///
/// It trusts its text to be clean; `SessionLog` puts it behind a `RedactingLogHandler`, which
/// removes the key and control characters first.
struct LineLogHandler: LogHandler {
    let sink: LogSink
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var all = metadata
        if let provided = metadataProvider?.get() { all.merge(provided) { $1 } }
        if let given = event.metadata { all.merge(given) { $1 } }
        sink.write(Self.line(event, metadata: all, at: Date()))
    }

    private static let timestamp = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    static func line(_ event: LogEvent, metadata: Logger.Metadata, at date: Date) -> String {
        var line = "\(date.formatted(timestamp)) \(event.level) \(event.source): \(event.message)"
        for (key, value) in metadata.sorted(by: { $0.key < $1.key }) {
            line += " \(key)=\(quoted("\(value)"))"
        }
        return line + "\n"
    }

    private static func quoted(_ text: String) -> String {
        guard text.isEmpty || text.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
