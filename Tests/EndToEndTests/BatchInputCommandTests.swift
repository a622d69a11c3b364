import Foundation
import Testing
import TestSupport

/// Batch files as people really have them: written by a Windows editor (a byte order mark and
/// CRLF), or produced by a command (`pixterm batch <(make-prompts)`, a FIFO).
/// Serialized: each test runs pixterm processes and a simulator; run together they starve the
/// timed tests of other suites.
@Suite(.serialized) struct BatchInputCommandTests {
    typealias Setup = BatchCommandTests.Setup

    @Test func aByteOrderMarkIsNotPartOfTheFirstLine() async throws {
        try await Setup.with { setup in
            try Data("\u{FEFF}{\"prompt\": \"a heron at dawn\"}\r\na fox\r\n".utf8).write(to: setup.dir.file("windows.txt"))
            let batch = try await setup.run(["batch", setup.dir.path("windows.txt"), "--yes", "-q", "low"])
            #expect(batch.status == 0, "\(batch.stderr)")
            // Without stripping the mark, the JSON line was sent as a plain prompt "\u{FEFF}{\"prompt\"...".
            #expect(await setup.posted().sorted() == ["a fox", "a heron at dawn"])
        }
    }

    @Test func aBatchFromACommandThroughAPipeIsRead() async throws {
        try await Setup.with { setup in
            // bash hands pixterm `/dev/fd/63`, a pipe with no size, as `<(...)` does at a prompt.
            let script = "exec \"$0\" batch <(printf 'piped one\\npiped two\\n') \"$@\""
            let batch = try await PixtermBinary.run(
                ["--yes", "-q", "low"], environment: setup.environment, wrapper: ["/bin/bash", "-c", script]
            )
            #expect(batch.status == 0, "\(batch.stderr)")
            #expect(!batch.stderr.contains("permission"), "\(batch.stderr)")
            #expect(await setup.posted().sorted() == ["piped one", "piped two"])
        }
    }

    @Test func standardInputThatCannotBeReadIsRefusedWithTheReason() async throws {
        try await Setup.with { setup in
            let batch = try await PixtermBinary.run(
                ["batch", "-", "--yes"], environment: setup.environment, wrapper: ["/bin/bash", "-c", "exec \"$0\" \"$@\" < /"]
            )
            // Before, reading a folder trapped (a crash with a backtrace) instead of saying why.
            #expect(batch.status == 2, "\(batch.stderr)")
            #expect(batch.stderr == "pixterm: cannot read standard input: Is a directory\n")
            #expect(await setup.posted().isEmpty)
        }
    }
}
