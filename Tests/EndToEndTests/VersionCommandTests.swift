import Foundation
import Testing
import TestSupport

/// `pixterm --version` is answered before the argument parser is built; these pin that its answer
/// is exactly the parser's (which `generate --version` still goes through), and that other
/// argument lists mentioning `--version` keep the parser's behaviour.
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
}
