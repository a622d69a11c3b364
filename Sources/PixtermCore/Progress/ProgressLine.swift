import Foundation

/// A one-line progress bar redrawn in place on a terminal, `[=====>      ] 7/20  6 done  ETA 1m05s`:
/// the parts every progress line shares (the batch's, the gallery rebuild's), so they look alike
/// and fit the terminal the same way.
public enum ProgressLine {
    /// `parts` after a bar of `finished` out of `total`, never wider than `width - 1` columns (the
    /// last column would wrap on some terminals). Parts are dropped from the right, the bar first
    /// shrinks then goes, so the first part stays readable on a narrow terminal; without
    /// `showingBar` there is no bar at all.
    public static func text(_ parts: [String], finished: Int, total: Int, width: Int, showingBar: Bool = true) -> String {
        let room = max(0, width - 1)
        let counts = fitted(parts, room: room)
        let barWidth = min(30, room - DisplayWidth.of(counts) - 3)
        guard showingBar, barWidth >= 5 else { return counts }
        return bar(finished: finished, total: total, width: barWidth) + " " + counts
    }

    /// As many of `parts` as fit in `room` columns, two spaces apart; the first cut when alone
    /// it is too wide.
    static func fitted(_ parts: [String], room: Int) -> String {
        var parts = parts
        while parts.count > 1, DisplayWidth.of(parts.joined(separator: "  ")) > room { parts.removeLast() }
        return DisplayWidth.truncate(parts.joined(separator: "  "), toWidth: room)
    }

    /// `[====>     ]`, `width` columns in all; full when there is nothing to do.
    static func bar(finished: Int, total: Int, width: Int) -> String {
        let inside = width - 2
        let filled = total > 0 ? inside * min(finished, total) / total : inside
        let head = filled < inside && filled > 0 ? ">" : ""
        let body = String(repeating: "=", count: filled - head.count)
        return "[" + body + head + String(repeating: " ", count: inside - filled) + "]"
    }

    /// Time left for `remaining` units at the pace of `paced` units done in `elapsed` seconds:
    /// `--` before the first one is done.
    static func eta(remaining: Int, paced: Int, elapsed: TimeInterval) -> String {
        if remaining <= 0 { return "0s" }
        guard paced > 0, elapsed > 0 else { return "--" }
        let seconds = Int((elapsed / Double(paced) * Double(remaining)).rounded(.up))
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 { return "\(seconds / 60)m\(String(format: "%02d", seconds % 60))s" }
        return "\(seconds / 3600)h\(String(format: "%02d", seconds / 60 % 60))m"
    }
}
