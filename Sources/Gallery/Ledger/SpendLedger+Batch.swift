import Foundation
import GRDB

/// One run of `pixterm batch`: a batch file sent once, line by line. Its requests carry its
/// `id` in the ledger (`LedgerEntry.batch`), so a resumed run knows which lines went out.
public struct BatchRun: Sendable, Hashable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "batch_run"

    /// `<content>-<number>`: the batch's hash and which run of it.
    public let id: String
    /// What names the batch: its file's content and its lines' defaults, hashed (`BatchFile.key`).
    public let content: String
    /// 1 for the first run of this content, then 2, 3...
    public let number: Int
    /// Where the file was read from (`-` for standard input), for messages.
    public let path: String
    /// How many requests the file holds.
    public let lines: Int
    public let created: Date
}

/// The exclusive right to run one batch in this data folder, held while a
/// `pixterm batch` runs it: a second pixterm on the same content (with or without `--resume`)
/// is refused instead of sending its lines a second time. The kernel frees it when the process dies.
public final class BatchRunLock: Sendable {
    private let lock: FileLock

    init?(_ file: URL) {
        guard let lock = FileLock(file, wait: false) else { return nil }
        self.lock = lock
    }
}

extension SpendLedger {
    /// The latest run of the batch `content` names, if it was ever run here.
    public func latestBatchRun(content: String) throws(GalleryError) -> BatchRun? {
        try read { db in try BatchRun.filter(Column("content") == content).order(Column("number").desc).fetchOne(db) }
    }

    /// Records a new run of `content`, numbered after the runs before it (in one transaction, so
    /// two processes cannot take the same number).
    public func startBatchRun(content: String, path: String, lines: Int, now: Date = Date()) throws(GalleryError) -> BatchRun {
        try write { db in
            let last = try Int.fetchOne(db, sql: "SELECT MAX(number) FROM batch_run WHERE content = ?", arguments: [content]) ?? 0
            let run = BatchRun(id: "\(content)-\(last + 1)", content: content, number: last + 1, path: path, lines: lines, created: now)
            try run.insert(db)
            return run
        }
    }

    /// Takes the run lock of the batch `content` names; `nil` while another process holds it.
    public func lockBatch(content: String) -> BatchRunLock? {
        BatchRunLock(URL(fileURLWithPath: pool.path).deletingLastPathComponent().appendingPathComponent("batch-\(content).lock"))
    }
}
