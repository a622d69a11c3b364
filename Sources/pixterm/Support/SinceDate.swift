import Foundation

/// The `--since` value: a day (`2026-11-01`, from local midnight), a moment in ISO 8601, or an
/// age (`36h`, `7d`, `2w`) counted back from now.
enum SinceDate {
    static func parse(_ text: String, now: Date = Date()) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let unit = trimmed.last, let amount = Double(trimmed.dropLast()), amount >= 0 {
            let seconds: Double? =
                switch unit {
                case "h": 3600
                case "d": 86_400
                case "w": 7 * 86_400
                default: nil
                }
            if let seconds { return now.addingTimeInterval(-amount * seconds) }
        }
        let day = DateFormatter()
        day.locale = Locale(identifier: "en_US_POSIX")
        day.timeZone = .current
        day.dateFormat = "yyyy-MM-dd"
        if let date = day.date(from: trimmed) { return date }
        return try? Date(text, strategy: .iso8601)
    }
}
