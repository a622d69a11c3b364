import Foundation
import TestSupport
import Testing
@testable import PixapiKit

/// A config holding the key that others can read is warned about, the way ssh treats a private
/// key; credentials in the base URL are dropped before anything can show or send them.
@Suite struct SettingsWarningTests {
    /// A private XDG config folder with `text` as config.toml at `mode`; removed by the caller.
    func config(_ text: String, mode: mode_t) throws -> (root: TemporaryDirectory, file: URL, environment: [String: String]) {
        let root = try TemporaryDirectory("pixterm-settings")
        let file = root.file("pixterm/config.toml")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        chmod(file.path, mode)
        return (root, file, ["HOME": root.url.path, "XDG_CONFIG_HOME": root.url.path])
    }

    @Test func aConfigWithTheKeyThatOthersCanReadIsWarnedAbout() throws {
        let setup = try config("api_key = \"sk-file-secret-1\"\n", mode: 0o644)
        defer { setup.root.remove() }
        let settings = try PixtermSettings.load(environment: setup.environment)
        let warning = try #require(settings.warnings.first)
        #expect(settings.warnings.count == 1)
        #expect(warning.subject == "config")
        #expect(warning.problem == "\(setup.file.path) holds api_key but can be read by other users (mode 0644)")
        #expect(warning.fix == "chmod 600 \(setup.file.path)")
        #expect(!warning.description.contains("sk-file-secret"))
        #expect(settings.apiKey == "sk-file-secret-1", "the warning does not stop pixterm")
    }

    @Test func aPrivateConfigOrOneWithoutTheKeyIsQuiet() throws {
        let privateOne = try config("api_key = \"sk-file-secret-1\"\n", mode: 0o600)
        defer { privateOne.root.remove() }
        #expect(try PixtermSettings.load(environment: privateOne.environment).warnings.isEmpty)
        let keyless = try config("default_model = \"gpt-image-2\"\n", mode: 0o644)
        defer { keyless.root.remove() }
        #expect(try PixtermSettings.load(environment: keyless.environment).warnings.isEmpty)
    }

    @Test func writableOrForeignFilesAreSaidSoWithTheirFix() throws {
        let writable = try #require(PrivateFileCheck.warning(path: "/c/config.toml", mode: 0o100666, owner: 501, user: 501, holding: "api_key"))
        #expect(writable.problem == "/c/config.toml holds api_key but can be read or changed by other users (mode 0666)")
        let foreign = try #require(PrivateFileCheck.warning(path: "/c/my config.toml", mode: 0o100600, owner: 0, user: 501, holding: "api_key"))
        #expect(foreign.problem == "/c/my config.toml holds api_key but is owned by another user (uid 0, you are uid 501)")
        #expect(foreign.fix == "sudo chown 501 '/c/my config.toml' && chmod 600 '/c/my config.toml'")
        #expect(PrivateFileCheck.warning(path: "/c/config.toml", mode: 0o100600, owner: 501, user: 501, holding: "api_key") == nil)
        #expect(PrivateFileCheck.warning(path: "/c/config.toml", mode: 0o100400, owner: 501, user: 501, holding: "api_key") == nil)
    }

    @Test func credentialsInTheBaseURLAreDroppedAndSaidSo() throws {
        let settings = try PixtermSettings.load(environment: ["HOME": "/nonexistent", "PIXAPI_KEY": "k", "PIXAPI_BASE_URL": "https://alice:pa55word@gw.example:8443/pix"])
        #expect(settings.baseURL.absoluteString == "https://gw.example:8443/pix")
        let warning = try #require(settings.warnings.first)
        #expect(warning.subject == "base url")
        #expect(warning.problem.contains("PIXAPI_BASE_URL"))
        #expect(!warning.description.contains("pa55word") && !warning.description.contains("alice"))
        #expect(try settings.clientConfiguration().baseURL.absoluteString == "https://gw.example:8443/pix")
    }

    @Test func aRefusedBaseURLIsShownWithoutItsCredentials() {
        for text in ["ftp://alice:pa55word@gw.example/", "http://alice:pa55word@/x", "not a url://alice:pa55word@host/"] {
            do throws(PixapiError) {
                _ = try PixtermSettings.parseBaseURL(text)
                Issue.record("\(text) must be refused")
            } catch {
                #expect(!error.message.contains("pa55word"), "\(error.message)")
            }
        }
    }
}
