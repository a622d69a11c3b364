import Foundation
import Gallery
import TestSupport
import Testing

/// The runs of `pixterm batch` in the spend ledger: numbered per batch, the latest found again,
/// and one process at a time per batch.
@Suite struct BatchRunLedgerTests {
    @Test func runsOfOneBatchAreNumberedAndTheLatestIsFound() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let ledger = try SpendLedger(directory: dir.url)
        #expect(try ledger.latestBatchRun(content: "abc") == nil)
        let first = try ledger.startBatchRun(content: "abc", path: "a.txt", lines: 20)
        let other = try ledger.startBatchRun(content: "def", path: "b.txt", lines: 3)
        let second = try ledger.startBatchRun(content: "abc", path: "moved/a.txt", lines: 20)
        #expect(first.id == "abc-1" && first.number == 1)
        #expect(other.id == "def-1")
        #expect(second.id == "abc-2" && second.number == 2)
        // Another connection, as another process has, reads the same runs.
        let reopened = try SpendLedger(directory: dir.url)
        #expect(try reopened.latestBatchRun(content: "abc")?.id == second.id)
        #expect(try reopened.latestBatchRun(content: "abc")?.path == "moved/a.txt")
        #expect(try reopened.latestBatchRun(content: "def")?.lines == 3)
    }

    @Test func oneProcessAtATimeRunsABatch() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let ledger = try SpendLedger(directory: dir.url)
        var held = ledger.lockBatch(content: "abc")
        #expect(held != nil)
        #expect(ledger.lockBatch(content: "abc") == nil, "a second holder is refused")
        #expect(ledger.lockBatch(content: "def") != nil, "another batch is not")
        held = nil
        #expect(ledger.lockBatch(content: "abc") != nil, "free once the holder lets go")
        _ = held
    }
}
