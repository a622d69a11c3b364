import Foundation
import Logging
import TestSupport
import Testing
@testable import PixapiKit

/// The log pixterm writes for `--log-file` and `--verbose`: one clean line per event, never the key.
@Suite struct SessionLogTests {
    let key = "sk-live-0123456789abcdef"

    private func logged(verbose: Bool = false, _ write: (inout Logger) -> Void) throws -> String {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var logger = SessionLog.logger(to: try LogSink.appending(to: dir.path("log")), verbose: verbose, redactor: Redactor(secrets: [key]))
        write(&logger)
        return try String(contentsOfFile: dir.path("log"), encoding: .utf8)
    }

    private struct EchoingError: Error, CustomStringConvertible {
        let text: String
        var description: String { text }
    }

    private struct Shown: CustomStringConvertible, Sendable {
        let text: String
        var description: String { text }
    }

    @Test func noPartOfALineCarriesTheKey() throws {
        let text = try logged { logger in
            logger[metadataKey: "session"] = "bearer \(key)"
            logger.info(
                "server said: invalid key \(key)",
                metadata: [
                    "body": "{\"error\":{\"message\":\"bad key \(key)\"}}",
                    "list": ["a", "\(key)", ["nested": "\(key)"]],
                    "shown": .stringConvertible(Shown(text: "x \(key)")),
                    "cut": "ends with sk-live-0123",
                ]
            )
            logger.log(level: .error, "failed", error: EchoingError(text: "echo \(key)"))
        }
        #expect(!text.contains("0123456789abcdef"), "\(text)")
        #expect(!text.contains("sk-live"), "\(text)")
        #expect(text.contains("[redacted]"))
        #expect(text.contains("server said: invalid key [redacted]"))
        #expect(text.split(separator: "\n").count == 2)
    }

    @Test func aLoggerBuiltElsewhereIsRedactedToo() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let sink = try LogSink.appending(to: dir.path("log"))
        var plain = Logger(label: "test") { _ in LineLogHandler(sink: sink) }
        plain[metadataKey: "set-before"] = "\(key)"
        let redacted = plain.redacting(Redactor(secrets: [key])).redacting(Redactor(secrets: [key]))
        redacted.info("key \(key)")
        let text = try String(contentsOfFile: dir.path("log"), encoding: .utf8)
        #expect(!text.contains(key), "\(text)")
        #expect(text.contains("key [redacted]") && text.contains("set-before=[redacted]"), "\(text)")
    }

    @Test func serverTextCannotMoveTheCursorOrSplitALine() throws {
        let text = try logged { logger in
            logger.info("bad \u{1B}]0;owned\u{07} request\u{1B}[2J\nforged line", metadata: ["reason": "x\r\ny\u{9B}31m"])
        }
        #expect(!text.contains("\u{1B}") && !text.contains("\u{07}") && !text.contains("\r") && !text.contains("\u{9B}"))
        #expect(text.split(separator: "\n").count == 1, "\(text)")
        #expect(text.contains("bad  request forged line"), "\(text)")
    }

    @Test func aLineHasTimeLevelSourceMessageAndSortedQuotedMetadata() throws {
        let text = try logged { logger in logger.info("request", metadata: ["status": "200", "method": "POST", "reason": "a b=\"c\""]) }
        let line = try #require(text.split(separator: "\n").first)
        #expect(line.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z info PixapiKitTests: request method=POST reason="a b=\\"c\\"" status=200/) != nil, "\(line)")
    }

    @Test func verboseAddsDebugDetail() throws {
        let quiet = try logged { logger in
            logger.debug("detail")
            logger.info("step")
        }
        #expect(!quiet.contains("detail") && quiet.contains("step"))
        let verbose = try logged(verbose: true) { logger in logger.debug("detail") }
        #expect(verbose.contains("debug") && verbose.contains("detail"))
    }

    @Test func durationsAreSecondsWithMilliseconds() {
        #expect("\(Logger.MetadataValue.seconds(.milliseconds(512)))" == "0.512s")
        #expect("\(Logger.MetadataValue.seconds(.seconds(65) + .microseconds(7_500)))" == "65.007s")
        #expect("\(Logger.MetadataValue.seconds(.zero))" == "0.000s")
    }
}

/// `--log-file PATH` opens its file the safe way.
@Suite struct LogFileTests {
    @Test func theFileIsCreatedPrivateAndAppendedTo() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try Data("earlier run\n".utf8).write(to: dir.file("log"))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: dir.path("log"))
        SessionLog.logger(to: try LogSink.appending(to: dir.path("log")), verbose: false, redactor: Redactor(secrets: [])).info("now")
        #expect(try String(contentsOfFile: dir.path("log"), encoding: .utf8).hasPrefix("earlier run\n"))
        #expect(try String(contentsOfFile: dir.path("log"), encoding: .utf8).contains("info PixapiKitTests: now"))

        _ = try LogSink.appending(to: dir.path("new"))
        let mode = try FileManager.default.attributesOfItem(atPath: dir.path("new"))[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func aSymbolicLinkIsNotFollowed() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try Data("precious\n".utf8).write(to: dir.file("target"))
        try FileManager.default.createSymbolicLink(atPath: dir.path("link"), withDestinationPath: dir.path("target"))
        let error = #expect(throws: PixapiError.self) { try LogSink.appending(to: dir.path("link")) }
        #expect(error?.kind == .invalidInput)
        #expect(error?.message.contains("symbolic link") == true, "\(error?.message ?? "")")
        #expect(try String(contentsOfFile: dir.path("target"), encoding: .utf8) == "precious\n")
    }

    @Test func aFIFOIsRefusedAtOnce() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        #expect(mkfifo(dir.path("fifo"), 0o600) == 0)
        let error = #expect(throws: PixapiError.self) { try LogSink.appending(to: dir.path("fifo")) }
        #expect(error?.message.contains("a FIFO") == true, "\(error?.message ?? "")")
    }

    @Test func aFolderOrAMissingFolderIsRefusedWithTheReason() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let folder = #expect(throws: PixapiError.self) { try LogSink.appending(to: dir.path("")) }
        #expect(folder?.message.contains("folder") == true, "\(folder?.message ?? "")")
        let missing = #expect(throws: PixapiError.self) { try LogSink.appending(to: dir.path("nowhere/log")) }
        #expect(missing?.message.contains("does not exist") == true, "\(missing?.message ?? "")")
    }
}
