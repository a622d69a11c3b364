import Foundation
import PixapiKit

/// Settings that do not change while the UI runs.
public struct AppEnvironment: Sendable {
    public let catalog: ModelCatalog
    public let prices: PriceTable
    public let maxCredits: Int?
    /// Where a key would be read from, for the first-run screen (never the key itself).
    public let keyHelp: String
    public let galleryPath: String

    public init(catalog: ModelCatalog, prices: PriceTable, maxCredits: Int?, keyHelp: String, galleryPath: String) {
        self.catalog = catalog
        self.prices = prices
        self.maxCredits = maxCredits
        self.keyHelp = keyHelp
        self.galleryPath = galleryPath
    }
}

public enum Screen: Hashable, Sendable {
    case compose, gallery
}

/// Which part of the compose screen takes typed keys.
public enum Focus: Hashable, Sendable {
    case prompt
    case picker(PickerField)
    /// The edit-mode field where source image paths are typed or pasted.
    case sources
    case jobs
}

/// A question that must be answered before anything else happens.
public enum Confirmation: Hashable, Sendable {
    case spend(credits: Int, threshold: Int)
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
    public var focus: Focus = .prompt
    public var input: PromptInput
    public var settings: ComposeSettings
    public var operation: ImageOperation = .generate
    /// Edit mode's source images.
    public var sources: [String] = []
    public var sourceDraft = ""
    public var jobs: [Job] = []
    public var selectedJob = 0
    public var gallery = GalleryBrowser()
    public var message: StatusMessage?
    public var log: [String] = []
    public var isDemo: Bool
    /// A first Ctrl+C was pressed; a second one quits.
    public var interruptPending = false
    public var isQuitting = false
    /// A request waiting for the "spend N credits?" answer.
    var pendingSubmit: ImageRequest?

    public init(environment: AppEnvironment, history: PromptHistory = PromptHistory(entries: []), isDemo: Bool, hasKey: Bool) {
        let spec = try? environment.catalog.model(environment.catalog.defaultModel)
        input = PromptInput(editor: PromptEditor(text: "", limit: spec?.promptLimit ?? 32_000), history: history)
        settings = ComposeSettings(model: environment.catalog.defaultModel)
        self.isDemo = isDemo
        if !hasKey && !isDemo { overlay = .firstRun }
    }

    public func costPreview(_ environment: AppEnvironment) -> CostPreview {
        CostPreview(settings: settings, catalog: environment.catalog, prices: environment.prices, threshold: environment.maxCredits)
    }

    public var runningJobs: Int { jobs.filter(\.isPaidWorkInFlight).count }

    /// The focus order of the compose screen for the current mode.
    public var focusOrder: [Focus] {
        [.prompt] + PickerField.allCases.map(Focus.picker) + (operation == .edit ? [.sources] : []) + (jobs.isEmpty ? [] : [.jobs])
    }

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
