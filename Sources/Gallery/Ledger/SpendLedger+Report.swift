import Foundation
import GRDB

/// What `pixterm spend` shows: the ledger's requests added up per day, month or model.
public struct SpendReport: Sendable, Hashable {
    public enum Grouping: String, Sendable, Hashable, CaseIterable {
        case day, month, model
    }

    /// The spend of one day, month or model.
    public struct Row: Sendable, Hashable {
        /// `YYYY-MM-DD`, `YYYY-MM` or the model's name (as recorded: sanitize before showing).
        public let key: String
        /// Requests that count: charged, in flight, or whose outcome is unknown.
        public let requests: Int
        public let images: Int
        public let credits: Int
        public let usd: Double
        /// The part of `requests` and `credits` whose outcome is unknown: sent, and maybe charged.
        public let unknownRequests: Int
        public let unknownCredits: Int
        /// Refused by the server or never sent: nothing was charged, so counted nowhere else.
        public let refusedRequests: Int

        public init(
            key: String, requests: Int, images: Int, credits: Int, usd: Double, unknownRequests: Int, unknownCredits: Int, refusedRequests: Int
        ) {
            self.key = key
            self.requests = requests
            self.images = images
            self.credits = credits
            self.usd = usd
            self.unknownRequests = unknownRequests
            self.unknownCredits = unknownCredits
            self.refusedRequests = refusedRequests
        }
    }

    public let grouping: Grouping
    /// Days and months oldest first; models by credits, dearest first.
    public let rows: [Row]

    public init(grouping: Grouping, rows: [Row]) {
        self.grouping = grouping
        self.rows = rows
    }

    /// Every row added up, keyed `total`.
    public var total: Row {
        rows.reduce(Row(key: "total", requests: 0, images: 0, credits: 0, usd: 0, unknownRequests: 0, unknownCredits: 0, refusedRequests: 0)) { sum, row in
            Row(
                key: sum.key, requests: sum.requests + row.requests, images: sum.images + row.images, credits: sum.credits + row.credits,
                usd: sum.usd + row.usd, unknownRequests: sum.unknownRequests + row.unknownRequests,
                unknownCredits: sum.unknownCredits + row.unknownCredits, refusedRequests: sum.refusedRequests + row.refusedRequests
            )
        }
    }
}

extension SpendLedger {
    /// Requests still `sent`: in flight, or left so by a process that died (then their outcome is
    /// unknown). Only the journal knows which have a live owner: the caller asks it.
    public func sentIDs() throws(GalleryError) -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT id FROM request WHERE state = 'sent'") }
    }

    /// The ledger's requests made at or after `since` (all when nil), added up per `grouping`.
    /// A `sent` request is in flight when `inFlight` has its id, else its outcome is unknown.
    public func report(since: Date?, by grouping: SpendReport.Grouping, inFlight: Set<String> = []) throws(GalleryError) -> SpendReport {
        let key: SQL =
            switch grouping {
            case .day: "day"
            case .month: "substr(day, 1, 7)"
            case .model: "model"
            }
        let order: SQL = grouping == .model ? "credits DESC, k" : "k"
        let live = Array(inFlight)
        let since = since ?? .distantPast
        let query: SQLRequest<GRDB.Row> = """
            SELECT k, SUM(counts) AS requests, SUM(counts * images) AS images, SUM(counts * credits) AS credits, SUM(counts * usd) AS usd,
                SUM(lost) AS unknownRequests, SUM(lost * credits) AS unknownCredits, SUM(NOT counts) AS refusedRequests
            FROM (
                SELECT \(key) AS k, images, credits, usd, state != 'refused' AS counts,
                    (state = 'unknown' OR (state = 'sent' AND id NOT IN \(live))) AS lost
                FROM request WHERE created >= \(since)
            )
            GROUP BY k ORDER BY \(order)
            """
        return try read { db in
            let rows = try query.fetchAll(db).map { row in
                SpendReport.Row(
                    key: row["k"], requests: row["requests"], images: row["images"], credits: row["credits"], usd: row["usd"],
                    unknownRequests: row["unknownRequests"], unknownCredits: row["unknownCredits"], refusedRequests: row["refusedRequests"]
                )
            }
            return SpendReport(grouping: grouping, rows: rows)
        }
    }
}
