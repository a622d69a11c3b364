import Logging

/// Builds the logger that writes pixterm's log: a `LineLogHandler` behind a
/// `RedactingLogHandler`, so no line reaches the sink before the key and control characters
/// are gone. `verbose` adds debug detail (task status on every poll, AsyncHTTPClient's
/// connection events); otherwise requests, retries, timings and journal steps, at info.
public enum SessionLog {
    public static func logger(to sink: LogSink, verbose: Bool, redactor: Redactor) -> Logger {
        var logger = Logger(label: "pixterm") { _ in LineLogHandler(sink: sink) }.redacting(redactor)
        logger.logLevel = verbose ? .debug : .info
        return logger
    }
}
