import Foundation
import PixapiKit

/// A filter value as typed that cannot be used. The message says what is wrong with the value
/// without naming the field: the caller does (`--size` on the command line, "size" in the
/// filter bar).
public struct GalleryQueryInputError: Error, Equatable, Sendable {
    public let message: String
}

/// Filter values as people type them, read one way for `gallery list` and `gallery search`
/// flags and for the UI's filter bar.
public enum GalleryQueryInput {
    /// `1024x1024` (also `1024X1024`, `1024×1024`), as the index stores sizes. `auto` is refused:
    /// an image asked for as `auto` is listed by the size the server chose.
    public static func size(_ text: String) throws(GalleryQueryInputError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.lowercased() != "auto" else {
            throw GalleryQueryInputError(message: "auto is not a stored size: images asked for as auto are listed by the size the server chose, like 1024x1024")
        }
        guard let size = try? ImageSize.parse(trimmed), case .pixels = size else {
            throw GalleryQueryInputError(message: "\"\(TerminalText.sanitized(trimmed))\" is not a size like 1024x1024 (WIDTHxHEIGHT in pixels)")
        }
        return size.description
    }

    /// One of the qualities a request can ask for (`low`, `medium`, `high`, `auto`).
    public static func quality(_ text: String) throws(GalleryQueryInputError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let quality = Quality(rawValue: trimmed) else {
            throw GalleryQueryInputError(message: "\"\(TerminalText.sanitized(trimmed))\" is not a quality; use \(list(Quality.allCases.map(\.rawValue)))")
        }
        return quality.rawValue
    }

    /// `newest`, `oldest` or `cost`.
    public static func sort(_ text: String) throws(GalleryQueryInputError) -> GalleryQuery.Sort {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let sort = GalleryQuery.Sort(rawValue: trimmed) else {
            throw GalleryQueryInputError(message: "\"\(TerminalText.sanitized(trimmed))\" is not an order; use \(list(GalleryQuery.Sort.allCases.map(\.rawValue)))")
        }
        return sort
    }

    /// A day (`2026-11-01`, from local midnight), a moment in ISO 8601 (`2026-11-01T09:30:00Z`),
    /// or an age counted back from `now` (`36h`, `7d`, `2w`).
    public static func date(_ text: String, now: Date) throws(GalleryQueryInputError) -> Date {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let unit = trimmed.last, let amount = Double(trimmed.dropLast()), amount >= 0, amount.isFinite {
            let seconds: Double? =
                switch unit {
                case "h": 3600
                case "d": 86_400
                case "w": 7 * 86_400
                default: nil
                }
            if let seconds { return now.addingTimeInterval(-amount * seconds) }
        }
        if let date = dayFormatter().date(from: trimmed) { return date }
        if let moment = try? Date(trimmed.uppercased(), strategy: .iso8601) { return moment }
        throw GalleryQueryInputError(message: "\"\(TerminalText.sanitized(trimmed))\" is not a day like 2026-11-01, an ISO 8601 time, or an age like 36h, 7d or 2w")
    }

    /// Credits per image: a whole number, 0 or more.
    public static func credits(_ text: String) throws(GalleryQueryInputError) -> Int {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let credits = Int(trimmed), credits >= 0, !trimmed.hasPrefix("+") else {
            throw GalleryQueryInputError(message: "\"\(TerminalText.sanitized(trimmed))\" is not a whole number of credits (0 or more)")
        }
        return credits
    }

    /// How a date filter is shown again for editing: a day when it is a local midnight, else the
    /// moment in ISO 8601 to the second; `date(_:now:)` reads either back.
    public static func text(for date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        if calendar.startOfDay(for: date) == date { return dayFormatter().string(from: date) }
        return date.formatted(.iso8601)
    }

    /// `yyyy-MM-dd` in the local time zone. Made per use: a formatter is not `Sendable`.
    private static func dayFormatter() -> DateFormatter {
        let day = DateFormatter()
        day.locale = Locale(identifier: "en_US_POSIX")
        day.timeZone = .current
        day.dateFormat = "yyyy-MM-dd"
        return day
    }

    private static func list(_ words: [String]) -> String {
        words.dropLast().joined(separator: ", ") + " or " + (words.last ?? "")
    }
}

extension GalleryQuery {
    /// True when `until` is not after `since`: no image can be made in that range.
    public var hasEmptyDateRange: Bool {
        guard let since, let until else { return false }
        return until <= since
    }

    /// True when the least credits asked for is more than the most.
    public var hasEmptyCreditRange: Bool {
        guard let minCredits, let maxCredits else { return false }
        return minCredits > maxCredits
    }
}
