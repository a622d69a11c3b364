import Foundation
import PixapiKit
import TestSupport
import Testing
@testable import Gallery

/// The journal holds prompts and where each request went: its folder is 0700, its files 0600,
/// and credentials in a base URL never reach it.
@Suite struct JournalPrivacyTests {
    func mode(_ path: String) -> mode_t {
        var info = stat()
        _ = stat(path, &info)
        return info.st_mode & 0o777
    }

    @Test func aNewJournalIsPrivateAndKeepsNoCredentials() throws {
        let root = try TemporaryDirectory("pixterm-journal")
        defer { root.remove() }
        let directory = root.file("data/pixterm/journal")
        let journal = try TaskJournal(directory: directory)
        let request = ImageRequest(model: "gpt-image-2", prompt: "a private prompt")
        let id = try journal.open(request: request, mode: .sync, baseURL: URL(string: "https://alice:pa55word@gw.example/pix")!, cost: 1)
        #expect(mode(directory.path) == 0o700)
        #expect(mode(root.path("data/pixterm")) == 0o700, "folders it creates are private too")
        #expect(mode(directory.appendingPathComponent("\(id).json").path) == 0o600)
        let text = try String(contentsOf: directory.appendingPathComponent("\(id).json"), encoding: .utf8)
        #expect(!text.contains("pa55word") && !text.contains("alice"))
        #expect(journal.entry(id)?.baseURL == "https://gw.example/pix")
    }

    @Test func credentialsAnOlderPixtermWroteIntoAnEntryAreNotReadBack() throws {
        let root = try TemporaryDirectory("pixterm-journal")
        defer { root.remove() }
        let directory = root.file("journal")
        let journal = try TaskJournal(directory: directory)
        let id = try journal.open(request: ImageRequest(model: "gpt-image-2", prompt: "p"), mode: .sync, baseURL: URL(string: "https://gw.example/pix")!, cost: 1)
        let file = directory.appendingPathComponent("\(id).json")
        let old = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "https:\\/\\/gw.example", with: "https:\\/\\/alice:pa55word@gw.example")
            .replacingOccurrences(of: "https://gw.example", with: "https://alice:pa55word@gw.example")
        try old.write(to: file, atomically: true, encoding: .utf8)
        #expect(old.contains("pa55word"), "the entry on disk holds credentials, as an older pixterm wrote them")
        #expect(journal.entry(id)?.baseURL == "https://gw.example/pix")
        #expect(journal.openEntries().allSatisfy { !$0.baseURL.contains("pa55word") })
    }

    @Test func aJournalLeftOpenByAnOlderPixtermIsTightened() throws {
        let root = try TemporaryDirectory("pixterm-journal")
        defer { root.remove() }
        let directory = root.file("journal")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        chmod(directory.path, 0o755)
        let old = directory.appendingPathComponent("1-old.json")
        try Data("{}".utf8).write(to: old)
        chmod(old.path, 0o644)
        _ = try TaskJournal(directory: directory)
        #expect(mode(directory.path) == 0o700)
        #expect(mode(old.path) == 0o600)
    }
}
