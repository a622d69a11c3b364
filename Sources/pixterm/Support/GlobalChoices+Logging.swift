import Foundation
import Logging
import PixapiKit

extension GlobalChoices {
    /// A command's logger: to `--log-file` when given (info, or debug with `--verbose`), else to
    /// standard error with `--verbose`, else nowhere. Opened before anything is sent, so a log
    /// file that cannot be written stops the command while it has cost nothing.
    func commandLogger(settings: PixtermSettings) throws(PixapiError) -> Logger {
        if let logFile { return SessionLog.logger(to: try LogSink.appending(to: logFile), verbose: verbose, redactor: Self.redactor(settings)) }
        return verbose ? SessionLog.logger(to: .standardError, verbose: true, redactor: Self.redactor(settings)) : .disabled
    }

    /// The UI's logger: ncurses owns the terminal, so the UI logs only to `--log-file`. The note
    /// says so when `--verbose` came without one, for the session log.
    func interfaceLogger(settings: PixtermSettings) throws(PixapiError) -> (logger: Logger, note: String?) {
        if let logFile {
            return (SessionLog.logger(to: try LogSink.appending(to: logFile), verbose: verbose, redactor: Self.redactor(settings)), nil)
        }
        return (.disabled, verbose ? "--verbose logs nothing here: the UI owns the terminal, so add --log-file PATH to keep a log" : nil)
    }

    /// Removes the configured key from every line, whichever client or journal step wrote it.
    private static func redactor(_ settings: PixtermSettings) -> Redactor { Redactor(secrets: [settings.apiKey]) }
}
