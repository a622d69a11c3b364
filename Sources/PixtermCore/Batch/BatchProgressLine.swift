import Foundation
import PixapiKit

/// Where a running batch stands, for the progress line.
public struct BatchProgress: Sendable, Hashable {
    public var total: Int
    public var done = 0
    public var failed = 0
    public var unknown = 0
    public var running = 0
    /// Credits of the lines finished so far, as the ledger counts them.
    public var credits = 0
    /// Lines finished in this process (not those found done when resuming): what the ETA is paced on.
    public var finishedHere = 0

    public init(total: Int) {
        self.total = total
    }

    public var finished: Int { done + failed + unknown }
}

/// The one-line progress bar a batch redraws on a terminal:
/// `[=====>      ] 7/20  6 done  1 failed  4 running  60 credits  ETA 1m05s`.
public enum BatchProgressLine {
    /// The line for `progress` after `elapsed` seconds, never wider than `width - 1` columns (the
    /// last column would wrap on some terminals). Parts are dropped from the right, the bar first
    /// shrinks, so the counts stay readable on a narrow terminal.
    public static func text(_ progress: BatchProgress, elapsed: TimeInterval, width: Int) -> String {
        let room = max(0, width - 1)
        var parts = ["\(progress.finished)/\(progress.total)", "\(progress.done) done"]
        if progress.failed > 0 { parts.append("\(progress.failed) failed") }
        if progress.unknown > 0 { parts.append("\(progress.unknown) unknown") }
        parts.append("\(progress.running) running")
        parts.append(Plural.count(progress.credits, "credit"))
        parts.append("ETA \(eta(progress, elapsed: elapsed))")
        while parts.count > 1, parts.joined(separator: "  ").count > room { parts.removeLast() }
        let counts = parts.joined(separator: "  ")
        guard counts.count <= room else { return String(counts.prefix(room)) }
        let barWidth = min(30, room - counts.count - 3)
        guard barWidth >= 5 else { return counts }
        return bar(progress, width: barWidth) + " " + counts
    }

    /// `[====>     ]`, `width` columns in all.
    static func bar(_ progress: BatchProgress, width: Int) -> String {
        let inside = width - 2
        let filled = progress.total > 0 ? inside * progress.finished / progress.total : inside
        let head = filled < inside && filled > 0 ? ">" : ""
        let body = String(repeating: "=", count: filled - head.count)
        return "[" + body + head + String(repeating: " ", count: inside - filled) + "]"
    }

    /// Time left at the pace of the lines finished so far: `--` before the first one finishes.
    static func eta(_ progress: BatchProgress, elapsed: TimeInterval) -> String {
        let remaining = progress.total - progress.finished
        if remaining <= 0 { return "0s" }
        guard progress.finishedHere > 0, elapsed > 0 else { return "--" }
        let seconds = Int((elapsed / Double(progress.finishedHere) * Double(remaining)).rounded(.up))
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 { return "\(seconds / 60)m\(String(format: "%02d", seconds % 60))s" }
        return "\(seconds / 3600)h\(String(format: "%02d", seconds / 60 % 60))m"
    }
}
