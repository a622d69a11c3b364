import Foundation
import Gallery
import PixapiKit
import PixtermCore
import TerminalGraphics

/// The gallery's filter bar on the line above the list or grid, and the short form of the
/// filters in force that the gallery's title shows.
enum GalleryFilterBarView {
    /// Draws `bar` on `row` as `label value` fields, the focused one highlighted and always in
    /// view (fields before it give way on a narrow terminal), each a mouse target in `regions`.
    /// Returns where the caret goes in a typed field.
    static func draw(_ bar: GalleryFilterBar, into grid: inout CellGrid, row: Int, width: Int, regions: inout [MouseRegion]) -> GridPoint? {
        let fields = GalleryFilterBar.Field.allCases
        let shown = fields.map { field in (field, shownValue(bar.text(field), field)) }
        let widths = shown.map { DisplayWidth.of($0.0.label) + 1 + DisplayWidth.of($0.1) + 2 }
        var first = 0
        while first < bar.field.rawValue, widths[first...bar.field.rawValue].reduce(0, +) > width { first += 1 }
        var column = 0
        var cursor: GridPoint?
        for (field, value) in shown[first...] {
            let focused = field == bar.field
            let start = column
            column += grid.put(field.label + " ", row: row, column: column, style: focused ? Theme.title : Theme.dim, limit: width)
            let valueStyle = focused ? Theme.focusedValue : bar.text(field).isEmpty ? Theme.dim : Theme.text
            let written = grid.put(value, row: row, column: column, style: valueStyle, limit: width)
            if focused, !field.isClosed {
                cursor = GridPoint(row: row, column: min(column + (bar.text(field).isEmpty ? 0 : written), width - 1))
            }
            regions.append(MouseRegion(CellRect(row: row, column: start, width: min(column + written, width) - start, height: 1), .filterField(field)))
            column += written + 2
            if column >= width { break }
        }
        return cursor
    }

    /// A field's text, or what an empty one means.
    private static func shownValue(_ text: String, _ field: GalleryFilterBar.Field) -> String {
        guard text.isEmpty else { return TerminalText.sanitized(text) }
        return field == .sort ? "newest" : "any"
    }

    /// The filters and order in force other than the text, short: `gpt-image-2 · high ·
    /// since 2026-11-01 · ≤40 cr · by cost`; empty when there are none.
    static func summary(_ query: GalleryQuery) -> String {
        var parts = [query.model, query.size, query.quality].compactMap { $0.map { TerminalText.sanitized($0) } }
        if let since = query.since { parts.append("since " + shortDate(since)) }
        if let until = query.until { parts.append("until " + shortDate(until)) }
        switch (query.minCredits, query.maxCredits) {
        case let (min?, max?): parts.append("\(min)–\(max) cr")
        case let (min?, nil): parts.append("≥\(min) cr")
        case let (nil, max?): parts.append("≤\(max) cr")
        case (nil, nil): break
        }
        switch query.sort {
        case .newest: break
        case .oldest: parts.append("oldest first")
        case .cost: parts.append("by cost")
        }
        return parts.joined(separator: " · ")
    }

    /// A day, or a day and time when the bound is not a midnight.
    private static func shortDate(_ date: Date) -> String {
        let text = GalleryQueryInput.text(for: date)
        guard text.count > 10 else { return text }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
