import Foundation
import Gallery
import PixapiKit

/// `pixterm spend --json`: one document with the rows, their total and, when a budget is set,
/// the spend the budgets count now.
struct SpendJSON: Encodable {
    /// A row's numbers, its key under the grouping's name (`"day": "2026-11-02"`, `"model": ...`).
    struct Row: Encodable {
        let grouping: SpendReport.Grouping?
        let row: SpendReport.Row

        private struct Key: CodingKey {
            let stringValue: String
            init(stringValue: String) { self.stringValue = stringValue }
            var intValue: Int? { nil }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            if let grouping { try container.encode(TerminalText.sanitized(row.key), forKey: Key(stringValue: grouping.rawValue)) }
            let numbers = [
                "requests": row.requests, "images": row.images, "credits": row.credits, "unknownRequests": row.unknownRequests,
                "unknownCredits": row.unknownCredits, "refusedRequests": row.refusedRequests,
            ]
            for (name, value) in numbers { try container.encode(value, forKey: Key(stringValue: name)) }
            // To a hundredth of a cent: sums of prices like 0.1 would otherwise print 0.30000000000000004.
            try container.encode((row.usd * 10_000).rounded() / 10_000, forKey: Key(stringValue: "usd"))
        }
    }

    struct Budget: Encodable {
        let daily: Int?
        let monthly: Int?
        let today: Int
        let month: Int
    }

    let by: String
    let since: Date
    let rows: [Row]
    let total: Row
    let budget: Budget?

    init(report: SpendReport, since: Date, budgets: Budgets, spent: SpendTotals?) {
        by = report.grouping.rawValue
        self.since = since
        rows = report.rows.map { Row(grouping: report.grouping, row: $0) }
        total = Row(grouping: nil, row: report.total)
        budget = spent.map { Budget(daily: budgets.daily, monthly: budgets.monthly, today: $0.today, month: $0.month) }
    }
}
