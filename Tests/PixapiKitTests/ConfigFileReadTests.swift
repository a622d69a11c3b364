import Foundation
import TestSupport
import Testing
@testable import PixapiKit

/// Reading `config.toml` through `PixtermSettings.load`: odd files are refused quickly and the
/// key never appears in what the user is told.
@Suite struct ConfigFileReadTests {
    private struct Home {
        let folder: TemporaryDirectory
        var config: URL { folder.file(".config/pixterm/config.toml") }

        init() throws {
            folder = try TemporaryDirectory("pixterm-config")
            try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        }

        func load() -> Result<PixtermSettings, PixapiError> {
            do throws(PixapiError) {
                return .success(try PixtermSettings.load(environment: ["HOME": folder.url.path]))
            } catch {
                return .failure(error)
            }
        }

        func remove() { folder.remove() }
    }

    private func failure(_ result: Result<PixtermSettings, PixapiError>) -> PixapiError? {
        if case let .failure(error) = result { return error }
        return nil
    }

    @Test func aConfigOverOneMebibyteIsRefusedNamingTheFile() throws {
        let home = try Home()
        defer { home.remove() }
        try Data(("api_key = \"k\"\n# " + String(repeating: "x", count: TOMLSubset.maxDocumentBytes)).utf8).write(to: home.config)
        let error = try #require(failure(home.load()))
        #expect(error.message.contains(home.config.path))
        #expect(error.message.contains("larger than 1 MiB"), "\(error.message)")
    }

    @Test func aFIFOAtTheConfigPathIsRefusedWithoutHanging() throws {
        let home = try Home()
        defer { home.remove() }
        #expect(mkfifo(home.config.path, 0o600) == 0)
        let run = try #require(finish(within: 5) { home.load() }, "loading settings with a FIFO as config.toml hung")
        let error = try #require(failure(run.value))
        #expect(error.message.contains("not a regular file"), "\(error.message)")
    }

    @Test func aCRLFConfigLoads() throws {
        let home = try Home()
        defer { home.remove() }
        try Data("api_key = \"from-windows\"\r\nmax_credits = 0x20\r\n".utf8).write(to: home.config)
        let settings = try home.load().get()
        #expect(settings.apiKey == "from-windows")
        #expect(settings.maxCredits == 32)
    }

    /// The reproduction: a missing quote printed the key in the parse error.
    @Test func anUnquotedKeyIsNotPrintedInTheError() throws {
        let home = try Home()
        defer { home.remove() }
        let secret = "sk-live-9f8e7d6c5b4a39281706"
        for line in ["api_key = \(secret)", "api_key = \"\(secret)", "api_key = '\(secret)"] {
            try Data((line + "\n").utf8).write(to: home.config)
            let error = try #require(failure(home.load()), "\(line) should be refused")
            #expect(!error.message.contains("sk-live"), "\(error.message)")
            #expect(!error.message.contains("9f8e7d"), "\(error.message)")
            #expect(error.message.contains("config line 1, column 11"), "\(error.message)")
        }
    }
}
