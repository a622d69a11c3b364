import Foundation
import Testing
import TestSupport

/// `pixterm --version`, `pixterm` and `pixterm --demo` are answered before the argument parser is
/// built (`FastRoute`); these pin that their answers are exactly the parser's (which
/// `generate --version` and `pixterm ui` still go through), and that other argument lists
/// mentioning `--version` keep the parser's behaviour.
@Suite struct VersionCommandTests {
    @Test func bareVersionPrintsWhatTheParserPrints() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let fast = try await PixtermBinary.run(["--version"], environment: dir.isolatedEnvironment())
        let parsed = try await PixtermBinary.run(["generate", "--version"], environment: dir.isolatedEnvironment())
        #expect(parsed.status == 0, "\(parsed.stderr)")
        #expect(!parsed.stdout.isEmpty)
        #expect(fast.status == parsed.status)
        #expect(fast.stdout == parsed.stdout)
        #expect(fast.stderr == parsed.stderr)
    }

    @Test func versionWithAnExtraArgumentStaysWithTheParser() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let parsed = try await PixtermBinary.run(["generate", "--version"], environment: dir.isolatedEnvironment())
        let extra = try await PixtermBinary.run(["--version", "extra"], environment: dir.isolatedEnvironment())
        #expect(extra.status == 0, "\(extra.stderr)")
        #expect(extra.stdout == parsed.stdout)
        #expect(extra.stderr.isEmpty)
    }

    @Test func unknownVersionSpellingsStayErrors() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        for arguments in [["-V"], ["version"]] {
            let output = try await PixtermBinary.run(arguments, environment: dir.isolatedEnvironment())
            #expect(output.status == 64, "\(arguments): \(output.stderr)")
            #expect(output.stdout.isEmpty, "\(arguments)")
        }
    }

    /// The UI started without the parser fails as the parsed `ui` does: same message, same status.
    @Test func theUIStartedWithoutTheParserAnswersAsTheParsedOne() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        for (fast, parsed) in [([String](), ["ui"]), (["--demo"], ["ui", "--demo"])] {
            // Standard input is a pipe here, which the UI refuses.
            let direct = try await PixtermBinary.run(fast, environment: dir.isolatedEnvironment(), stdin: "")
            let viaParser = try await PixtermBinary.run(parsed, environment: dir.isolatedEnvironment(), stdin: "")
            #expect(direct.status == viaParser.status, "\(fast)")
            #expect(direct.stderr == viaParser.stderr, "\(fast)")
            #expect(direct.stdout == viaParser.stdout, "\(fast)")
            #expect(direct.status != 0 && direct.stderr.contains("the UI needs an interactive terminal"), "\(fast): \(direct.stderr)")
        }
    }
}
