import Foundation
import Testing
import TestSupport

/// `--verbose` and `--log-file` as a user runs them, against `pixterm sim` on loopback.
final class LoggingCommandTests {
    static let key = "sk-e2e-logged-7d3a"
    let fixture: CommandFixture
    var sim: SimulatorProcess { fixture.sim }
    var dir: TemporaryDirectory { fixture.dir }

    init() throws { fixture = try CommandFixture() }

    private func run(_ arguments: [String]) async throws -> PixtermBinary.Output {
        try await fixture.run(arguments, key: Self.key)
    }

    @Test func theLogFileShowsRequestsARetryAndEveryJournalStepButNeverTheKey() async throws {
        // The 503's body echoes the key and carries escape sequences, as a hostile gateway's might.
        let echo = "busy \\u001b]0;owned\\u0007 for \(Self.key)"
        try sim.schedule(#"[{"kind":"status","status":503,"path":"/v1/async/images/generations","message":"\#(echo)"}]"#)
        let log = dir.path("pixterm.log")
        let output = try await run(["generate", "a fox", "-s", "1024x1024", "-q", "low", "--async", "--json", "--verbose", "--log-file", log])
        #expect(output.status == 0, "\(output.stderr)")

        let text = try String(contentsOfFile: log, encoding: .utf8)
        let lines = text.split(separator: "\n")
        let requests = lines.filter { $0.contains(": request ") && $0.contains("method=POST") }
        #expect(requests.count == 2, "\(text)")
        #expect(requests.first?.contains("status=503") == true && requests.last?.contains("status=200") == true, "\(text)")
        #expect(requests.allSatisfy { $0.contains("/v1/async/images/generations") && $0.contains("duration=") && $0.contains("received=") })
        #expect(lines.contains { $0.contains(" notice ") && $0.contains("retrying") && $0.contains("attempt=1") && $0.contains("wait=") && $0.contains("busy") })
        #expect(lines.contains { $0.contains("method=GET") && $0.contains("/v1/tasks/") }, "the polls")
        for step in ["journal: opened", "journal: task id recorded", "journal: image saved", "journal: closed"] {
            #expect(lines.contains { $0.contains(step) }, "\(step) missing from:\n\(text)")
        }
        #expect(lines.contains { $0.contains("AsyncHTTPClient") }, "--verbose adds the HTTP client's own debug lines")
        #expect(!text.contains(Self.key) && !output.stderr.contains(Self.key))
        #expect(!text.contains("\u{1B}") && !text.contains("\u{07}"))
        #expect(!output.stderr.contains("journal:"), "with --log-file nothing is logged to the terminal")
        let mode = try FileManager.default.attributesOfItem(atPath: log)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        // A second run appends: the file is a history, not overwritten.
        let again = try await run(["generate", "a fox", "-s", "1024x1024", "-q", "low", "--log-file", log])
        #expect(again.status == 0, "\(again.stderr)")
        let longer = try String(contentsOfFile: log, encoding: .utf8)
        #expect(longer.hasPrefix(text) && longer.count > text.count)
        #expect(!longer.dropFirst(text.count).contains(" debug "), "without --verbose the file gets info and above")
    }

    @Test func verboseWithoutALogFileWritesToStandardErrorOnly() async throws {
        let output = try await run(["generate", "a fox", "-s", "1024x1024", "-q", "low", "--json", "--verbose"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stderr.contains(": request ") && output.stderr.contains("journal: closed"), "\(output.stderr)")
        #expect(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) is [String], "stdout stays the paths alone")
        #expect(!output.stderr.contains(Self.key))

        let quiet = try await run(["generate", "a fox", "-s", "1024x1024", "-q", "low", "--json"])
        #expect(!quiet.stderr.contains(": request ") && !quiet.stderr.contains("journal:"), "no log without the options: \(quiet.stderr)")
    }

    @Test func aLogFileThatIsALinkAFIFOOrAFolderStopsTheCommandBeforeAnythingIsSent() async throws {
        try Data("someone else's file\n".utf8).write(to: dir.file("target"))
        try FileManager.default.createSymbolicLink(atPath: dir.path("link"), withDestinationPath: dir.path("target"))
        #expect(mkfifo(dir.path("fifo"), 0o600) == 0)
        try FileManager.default.createDirectory(at: dir.file("folder"), withIntermediateDirectories: true)
        for (path, says) in [("link", "symbolic link"), ("fifo", "a FIFO"), ("folder", "a folder")] {
            let output = try await run(["generate", "a fox", "-s", "1024x1024", "--log-file", dir.path(path)])
            #expect(output.status == 2, "\(path): \(output.stderr)")
            #expect(output.stderr.contains("cannot write the log to") && output.stderr.contains(says), "\(output.stderr)")
        }
        #expect(try String(contentsOfFile: dir.path("target"), encoding: .utf8) == "someone else's file\n")
        #expect(try sim.receivedRequests().isEmpty)
    }
}
