import Foundation
import Gallery
import PixapiKit

public enum Screen: Hashable, Sendable {
    case compose, gallery
}

/// A question that must be answered before anything else happens.
public enum Confirmation: Hashable, Sendable {
    case spend(credits: Int, threshold: Int)
    /// Send a request that would cross these budgets, this once; `threshold` is the max_credits
    /// limit when the request is above it too (one question with both reasons). The request is
    /// the prompt's, or that of the failed job `retrying` (`r`).
    case overBudget([BudgetRefusal], threshold: Int?, retrying: UUID? = nil)
    case quit(runningJobs: Int)
    /// Send a stopped job's request again under its journal entry's `Idempotency-Key`: it may
    /// have been charged already (`reason`), and may cost `credits` again.
    case retryKept(job: UUID, reason: KeptReason, credits: Int?)
}

public enum Overlay: Hashable, Sendable {
    case help
    case log
    case confirm(Confirmation)
    /// No key configured: where to put one, or try the demo.
    case firstRun
}

/// A line under the main area. Errors stay until dismissed with Esc; notes go at the next key.
public struct StatusMessage: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case note, error }
    public let kind: Kind
    public let text: String

    public init(kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }
}

/// Everything the UI shows, in one value.
public struct AppState: Sendable {
    public var screen: Screen = .compose
    public var overlay: Overlay?
    /// How far the help overlay is scrolled; back at the top each time it opens.
    public var helpScroll = HelpScroll()
    public var compose: ComposeState
    public var jobs: [Job] = []
    public var selectedJob = 0
    public var gallery = GalleryBrowser()
    /// The selected gallery image's source and edits, and their before/after comparison.
    public var lineage = LineageBrowser()
    /// The images of one request side by side, over the screen it was opened from.
    public var sheet: ContactSheet?
    /// Images deleted together (a sheet's keep), newest last: `u` restores each group as one.
    var trashBatches: [[GalleryEntry]] = []
    public var message: StatusMessage?
    public var log: [String] = []
    public var isDemo: Bool
    /// A first Ctrl+C was pressed; a second one quits.
    public var interruptPending = false
    /// The last click, for telling a double click (see `handleMouse`).
    public var lastClick: LastClick?
    /// The spend the budgets count, as last read from the ledger.
    public var spend = SpendSnapshot()

    public init(environment: AppEnvironment, history: PromptHistory = PromptHistory(entries: []), isDemo: Bool, hasKey: Bool) {
        compose = ComposeState(environment: environment, history: history)
        self.isDemo = isDemo
        if !hasKey && !isDemo { overlay = .firstRun }
    }

    public func costPreview(_ environment: AppEnvironment) -> CostPreview {
        CostPreview(
            settings: compose.settings, catalog: environment.catalog, prices: environment.prices, threshold: environment.maxCredits,
            budgets: environment.budgets, spent: spend.totals
        )
    }

    public var runningJobs: Int { jobs.filter(\.isPaidWorkInFlight).count }

    mutating func note(_ text: String) { message = StatusMessage(kind: .note, text: text) }

    mutating func fail(_ text: String) {
        message = StatusMessage(kind: .error, text: text)
        appendLog("error: \(text)")
    }

    mutating func appendLog(_ line: String) {
        log.append(TerminalText.sanitized(line))
        if log.count > 500 { log.removeFirst(log.count - 500) }
    }
}
