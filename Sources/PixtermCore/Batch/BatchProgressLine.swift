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
/// `[=====>      ] 7/20  6 done  1 failed  4 running  60 credits  ETA 1m05s` (see `ProgressLine`).
public enum BatchProgressLine {
    /// The line for `progress` after `elapsed` seconds, never wider than `width - 1` columns. Parts
    /// are dropped from the right, the bar first shrinks, so the counts stay readable on a narrow
    /// terminal.
    public static func text(_ progress: BatchProgress, elapsed: TimeInterval, width: Int) -> String {
        var parts = ["\(progress.finished)/\(progress.total)", "\(progress.done) done"]
        if progress.failed > 0 { parts.append("\(progress.failed) failed") }
        if progress.unknown > 0 { parts.append("\(progress.unknown) unknown") }
        parts.append("\(progress.running) running")
        parts.append(Plural.count(progress.credits, "credit"))
        parts.append("ETA \(eta(progress, elapsed: elapsed))")
        return ProgressLine.text(parts, finished: progress.finished, total: progress.total, width: width)
    }

    /// `[====>     ]`, `width` columns in all.
    static func bar(_ progress: BatchProgress, width: Int) -> String {
        ProgressLine.bar(finished: progress.finished, total: progress.total, width: width)
    }

    /// Time left at the pace of the lines finished so far: `--` before the first one finishes.
    static func eta(_ progress: BatchProgress, elapsed: TimeInterval) -> String {
        ProgressLine.eta(remaining: progress.total - progress.finished, paced: progress.finishedHere, elapsed: elapsed)
    }
}
