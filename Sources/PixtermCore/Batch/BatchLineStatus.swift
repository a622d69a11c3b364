import Foundation
import Gallery

/// Where a line of an earlier batch run stands, read from its ledger rows and the journal: what
/// `--resume` does with it, and whether the run still has lines to send.
public enum BatchLineStatus: Sendable, Hashable {
    /// No request was ever sent for it, or every one was refused (nothing charged): send it.
    case notSent
    /// Reserved in the ledger but the process died before writing its journal entry, so it was
    /// never sent: settle these rows `refused`, then send the line.
    case diedBeforeSending(entries: [String])
    /// Charged: its images are in the gallery (or were, before a deletion).
    case charged(entry: String)
    /// Its journal entry is still open: claim it, then resume its task (or report why not).
    case open(entry: String)
    /// Sent and its answer lost, and the journal entry is gone (dismissed): never sent again.
    case unknown(entry: String)

    /// Whether `--resume` still has work to do for it.
    public var isUnfinished: Bool {
        switch self {
        case .notSent, .diedBeforeSending, .open: true
        case .charged, .unknown: false
        }
    }

    /// The status of each of `lines` from the run's ledger rows; `hasJournalEntry` says whether
    /// a request's journal entry is still on disk.
    public static func of(lines: [Int], rows: [LedgerEntry], hasJournalEntry: (String) -> Bool) -> [Int: BatchLineStatus] {
        let byLine = Dictionary(grouping: rows.filter { $0.line != nil }) { $0.line ?? 0 }
        var statuses: [Int: BatchLineStatus] = [:]
        for line in lines {
            statuses[line] = status(of: byLine[line] ?? [], hasJournalEntry: hasJournalEntry)
        }
        return statuses
    }

    private static func status(of rows: [LedgerEntry], hasJournalEntry: (String) -> Bool) -> BatchLineStatus {
        if let charged = rows.first(where: { $0.state == .charged }) { return .charged(entry: charged.id) }
        let live = rows.filter { $0.state == .sent || $0.state == .unknown }
        if let open = live.first(where: { hasJournalEntry($0.id) }) { return .open(entry: open.id) }
        if let unknown = live.first(where: { $0.state == .unknown }) { return .unknown(entry: unknown.id) }
        if !live.isEmpty { return .diedBeforeSending(entries: live.map(\.id)) }
        return .notSent
    }
}
