import Foundation
import Gallery
import PixapiKit
import Testing
@testable import PixtermCore

/// Where each line of an earlier batch run stands, from its ledger rows and the journal: what
/// `--resume` sends, finishes, reports done, or leaves alone.
@Suite struct BatchLineStatusTests {
    static func row(_ id: String, line: Int, _ state: LedgerState) -> LedgerEntry {
        LedgerEntry(
            id: id, created: Date(timeIntervalSince1970: 1_000_000), request: ImageRequest(model: "gpt-image-2", prompt: "p"), mode: .async,
            cost: nil, state: state, batch: "run-1", line: line
        )
    }

    @Test func eachLineIsClassifiedFromItsRowsAndItsJournalEntry() {
        let rows = [
            Self.row("charged", line: 1, .charged),
            Self.row("open", line: 2, .sent),
            Self.row("died", line: 3, .sent),
            Self.row("lost", line: 4, .unknown),
            Self.row("refused", line: 5, .refused),
            Self.row("refused-then-charged-a", line: 7, .refused),
            Self.row("refused-then-charged-b", line: 7, .charged),
            Self.row("kept-unknown", line: 8, .unknown),
        ]
        let journal: Set = ["open", "kept-unknown"]
        let statuses = BatchLineStatus.of(lines: Array(1...8), rows: rows) { journal.contains($0) }
        #expect(statuses[1] == .charged(entry: "charged"))
        #expect(statuses[2] == .open(entry: "open"))
        #expect(statuses[3] == .diedBeforeSending(entries: ["died"]))
        #expect(statuses[4] == .unknown(entry: "lost"))
        #expect(statuses[5] == .notSent, "refused: nothing charged, so it is sent again")
        #expect(statuses[6] == .notSent, "no row: never sent")
        #expect(statuses[7] == .charged(entry: "refused-then-charged-b"))
        #expect(statuses[8] == .open(entry: "kept-unknown"), "an open journal entry is claimed, and the resume plan says what it is")
        #expect(statuses.filter { $0.value.isUnfinished }.keys.sorted() == [2, 3, 5, 6, 8])
    }
}
