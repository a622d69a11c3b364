import Foundation

/// The local calendar day a request was made on, as `YYYY-MM-DD`: what "today" and "this month"
/// mean to the budgets and the ledger. Kept as text so a month is a prefix and days sort.
public enum LedgerDay {
    public static func key(_ date: Date, timeZone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// `YYYY-MM` of a day key.
    public static func month(_ day: String) -> String { String(day.prefix(7)) }
}
