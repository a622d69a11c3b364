import Foundation
@testable import Gallery
import PixapiKit
import TestSupport
import Testing

/// A journal folder in the temp directory, removed afterwards.
final class JournalFixture {
    let directory: URL

    init() {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("pixterm-journal-\(UUID().uuidString.prefix(8))")
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// A journal as one process sees it; dropping it releases its claims, as a process exit does.
    func journal(now: @escaping @Sendable () -> Date = { Date() }) throws -> TaskJournal { try TaskJournal(directory: directory, now: now) }

    var jsonFiles: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".json") } }
}

@Suite struct JournalTests {
    static let request = ImageRequest(model: "gpt-image-2", prompt: "a lighthouse", n: 2)
    static let base = URL(string: "http://127.0.0.1:9/")!

    @Test func lifecycleOpenTaskSavedClose() throws {
        let fixture = JournalFixture()
        let journal = try fixture.journal()
        let id = try journal.open(request: Self.request, mode: .async, baseURL: Self.base, cost: 24)

        var entry = try #require(journal.openEntries().first)
        #expect(entry.id == id && entry.state == .pending && entry.taskID == nil && entry.cost == 24)
        #expect(entry.request == Self.request && entry.baseURL == Self.base.absoluteString)
        #expect(entry.nextStep == .unknownOutcome)

        try journal.recordTaskID("task-9", entry: id)
        entry = try #require(journal.entry(id))
        #expect(entry.state == .submitted && entry.taskID == "task-9")
        #expect(entry.nextStep == .poll(taskID: "task-9"))
        #expect(entry.updated >= entry.created)

        try journal.recordSaved(index: 1, path: "/g/b.png", entry: id)
        try journal.recordSaved(index: 0, path: "/g/a.png", entry: id)
        #expect(journal.entry(id)?.saved == [0: "/g/a.png", 1: "/g/b.png"])

        try journal.close(entry: id)
        #expect(journal.openEntries().isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.directory.path).isEmpty, "no lock file is left either")
        #expect(throws: GalleryError.self) { try journal.recordSaved(index: 0, path: "/x", entry: id) }
    }

    @Test func aSyncEntryWithATaskIDIsStillAnUnknownOutcome() throws {
        let fixture = JournalFixture()
        let journal = try fixture.journal()
        let id = try journal.open(request: Self.request, mode: .sync, baseURL: Self.base, cost: nil)
        try journal.recordTaskID("odd", entry: id)
        #expect(journal.entry(id)?.nextStep == .unknownOutcome)
    }

    @Test func eachEntryKeepsItsOwnIdempotencyKey() throws {
        let fixture = JournalFixture()
        let journal = try fixture.journal()
        let first = try journal.open(request: Self.request, mode: .sync, baseURL: Self.base, cost: 1)
        let second = try journal.open(request: Self.request, mode: .sync, baseURL: Self.base, cost: 1)
        let given = try journal.open(request: Self.request, mode: .sync, baseURL: Self.base, cost: 1, idempotencyKey: "pixterm-given")
        let keys = [first, second].compactMap { journal.entry($0)?.idempotencyKey }
        #expect(keys.count == 2 && keys[0] != keys[1] && keys.allSatisfy { $0.hasPrefix("pixterm-") })
        #expect(journal.entry(given)?.idempotencyKey == "pixterm-given")
        try journal.recordTaskID("task-1", entry: first)
        #expect(journal.entry(first)?.idempotencyKey == keys[0], "updates keep the key")
    }

    @Test(arguments: [(JournalEntry.State.outcomeUnknown, JournalEntry.NextStep.unknownOutcome), (.paidNotDownloaded, .paidNotDownloaded)])
    func keptEntriesSayWhy(state: JournalEntry.State, next: JournalEntry.NextStep) throws {
        let fixture = JournalFixture()
        let journal = try fixture.journal()
        let id = try journal.open(request: Self.request, mode: .sync, baseURL: Self.base, cost: 2)
        try journal.keep(entry: id, as: state, note: "the answer was cut")
        let entry = try #require(try fixture.journal().openEntries().first, "kept, as another process sees it")
        #expect(entry.state == state && entry.nextStep == next && entry.note == "the answer was cut")
        try journal.recordTaskID("task-1", entry: id)
        #expect(journal.entry(id)?.state == .submitted && journal.entry(id)?.note == nil, "a knowing retry that got a task clears the old note")
    }

    @Test func anEntryFromBeforeIdempotencyKeysGetsAStableOne() throws {
        let fixture = JournalFixture()
        let journal = try fixture.journal()
        let id = try journal.open(request: Self.request, mode: .sync, baseURL: Self.base, cost: 2)
        let file = fixture.directory.appendingPathComponent("\(id).json")
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        object["idempotencyKey"] = nil
        try JSONSerialization.data(withJSONObject: object).write(to: file)
        let first = try #require(journal.entry(id)?.idempotencyKey)
        #expect(first == journal.entry(id)?.idempotencyKey)
        #expect(journal.openEntries().map(\.id) == [id], "still listed")
    }

    @Test func failRemovesTheEntry() throws {
        let fixture = JournalFixture()
        let journal = try fixture.journal()
        let id = try journal.open(request: Self.request, mode: .async, baseURL: Self.base, cost: 1)
        try journal.fail(entry: id)
        #expect(journal.openEntries().isEmpty)
    }

    @Test func claimsAreExclusiveUntilTheOwnerGoesAway() throws {
        let fixture = JournalFixture()
        var owner: TaskJournal? = try fixture.journal()
        let id = try owner!.open(request: Self.request, mode: .async, baseURL: Self.base, cost: 1)
        let other = try fixture.journal()
        #expect(other.isClaimed(id))
        #expect(other.claim(id) == nil, "the process that opened it holds it")

        owner = nil  // the owner dies
        #expect(!other.isClaimed(id))
        let first = try #require(other.claim(id))
        #expect(first.entryID == id)
        let third = try fixture.journal()
        #expect(third.claim(id) == nil)
        #expect(other.claim(id) == nil, "a second claim in the same process is refused too")
        #expect(third.isClaimed(id))
        #expect(third.openEntries().map(\.id) == [id], "claimed entries are still listed")
    }

    @Test func aClaimHeldByAnotherProcessIsRespected() async throws {
        let fixture = JournalFixture()
        var owner: TaskJournal? = try fixture.journal()
        let id = try owner!.open(request: Self.request, mode: .async, baseURL: Self.base, cost: 1)
        owner = nil
        // Another process takes the entry's lock with flock(1), then becomes `sleep` keeping it.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/bin/sh")
        holder.arguments = ["-c", "exec 9>>\"$0\"; flock --exclusive 9; exec sleep 30", fixture.directory.appendingPathComponent("\(id).lock").path]
        try holder.run()
        defer {
            holder.terminate()
            holder.waitUntilExit()
        }
        let journal = try fixture.journal()
        let deadline = Date().addingTimeInterval(5)
        while !journal.isClaimed(id), Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(journal.isClaimed(id))
        #expect(journal.claim(id) == nil)
        holder.terminate()
        holder.waitUntilExit()
        #expect(journal.claim(id) != nil, "the kernel drops the lock when its process dies")
    }

    @Test func aClosedEntryCannotBeClaimed() throws {
        let fixture = JournalFixture()
        let journal = try fixture.journal()
        let id = try journal.open(request: Self.request, mode: .async, baseURL: Self.base, cost: 1)
        try journal.close(entry: id)
        #expect(try fixture.journal().claim(id) == nil)
        #expect(!FileManager.default.fileExists(atPath: fixture.directory.appendingPathComponent("\(id).lock").path))
    }

    @Test func entriesAreDatedByTheJournalsClock() throws {
        let fixture = JournalFixture()
        let clock = TestClock()
        let journal = try fixture.journal(now: { clock.now })
        let opened = clock.now
        let id = try journal.open(request: Self.request, mode: .async, baseURL: Self.base, cost: 1)
        clock.advance(by: 90)
        try journal.recordTaskID("task-1", entry: id)
        let entry = try #require(journal.entry(id))
        #expect(entry.created == opened && entry.updated == opened.addingTimeInterval(90))
        #expect(id.hasPrefix("\(Int(opened.timeIntervalSince1970))-"))
    }

    @Test func openEntriesAreOldestFirstAndSkipUnreadableFiles() throws {
        let fixture = JournalFixture()
        let clock = TestClock()
        let journal = try fixture.journal(now: { clock.now })
        let first = try journal.open(request: Self.request, mode: .async, baseURL: Self.base, cost: 1)
        clock.advance(by: 1)  // entry times are recorded to the second
        let second = try journal.open(request: Self.request, mode: .async, baseURL: Self.base, cost: 2)
        try Data("{ broken".utf8).write(to: fixture.directory.appendingPathComponent("garbage.json"))
        #expect(journal.openEntries().map(\.id) == [first, second])
    }
}
