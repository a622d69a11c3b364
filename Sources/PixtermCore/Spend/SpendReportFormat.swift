import Foundation
import Gallery
import PixapiKit

/// `pixterm spend`'s report as text: an aligned table for people, CSV for spreadsheets.
public enum SpendReportFormat {
    /// The table's lines: a header, a row per day, month or model, a total, then notes on the
    /// unknown-outcome and refused requests. Model names are sanitized, columns aligned by
    /// display width.
    public static func table(_ report: SpendReport) -> [String] {
        guard !report.rows.isEmpty else { return ["no paid requests in this period"] }
        let header = [report.grouping.rawValue, "requests", "images", "credits", "usd", "unknown"]
        let cells = (report.rows + [report.total]).map { row in
            [
                TerminalText.sanitized(row.key), String(row.requests), String(row.images), String(row.credits), dollars(row.usd),
                row.unknownCredits == 0 && row.unknownRequests == 0 ? "-" : String(row.unknownCredits),
            ]
        }
        let all = [header] + cells
        let widths = header.indices.map { column in all.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            let first = DisplayWidth.pad(cells[0], toWidth: widths[0])
            let numbers = cells.indices.dropFirst().map { String(repeating: " ", count: widths[$0] - DisplayWidth.of(cells[$0])) + cells[$0] }
            return ([first] + numbers).joined(separator: "  ")
        }
        var lines = [line(header)] + cells.dropLast().map(line)
        lines.append(String(repeating: "-", count: DisplayWidth.of(lines[0])))
        lines.append(line(cells[cells.count - 1]))
        let total = report.total
        if total.unknownRequests > 0 {
            lines.append(
                "unknown: \(total.unknownCredits) of these credits are for \(Plural.count(total.unknownRequests, "request")) whose outcome is not known: "
                    + "they may have been charged (`pixterm tasks` lists those still open)"
            )
        }
        if total.refusedRequests > 0 {
            lines.append("\(Plural.count(total.refusedRequests, "request")) refused or never sent, not charged and not counted")
        }
        return lines
    }

    /// Today's and this month's spend against the budgets that are set; nil when none is.
    public static func budgetLine(budgets: Budgets, spent: SpendTotals) -> String? {
        let parts = [
            budgets.daily.map { "today \(spent.today) of \(Plural.count($0, "credit")) (\(max(0, $0 - spent.today)) left)" },
            budgets.monthly.map { "this month \(spent.month) of \(Plural.count($0, "credit")) (\(max(0, $0 - spent.month)) left)" },
        ].compactMap { $0 }
        return parts.isEmpty ? nil : "budget: " + parts.joined(separator: ", ")
    }

    /// RFC 4180 CSV: a header naming the grouping, then one record per row (no total, so a
    /// spreadsheet's sums stay right), lines ending in CRLF.
    public static func csv(_ report: SpendReport) -> String {
        let header = [report.grouping.rawValue, "requests", "images", "credits", "usd", "unknown_requests", "unknown_credits", "refused_requests"]
        let records = report.rows.map { row in
            [
                csvField(TerminalText.sanitized(row.key)), String(row.requests), String(row.images), String(row.credits), String(format: "%.2f", row.usd),
                String(row.unknownRequests), String(row.unknownCredits), String(row.refusedRequests),
            ]
        }
        return ([header] + records).map { $0.joined(separator: ",") + "\r\n" }.joined()
    }

    /// A field quoted when it holds a comma, a quote or a line break, its quotes doubled.
    public static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `$1.25`.
    static func dollars(_ usd: Double) -> String { "$" + String(format: "%.2f", usd) }

}
