import PixapiKit

/// Which part of the compose screen takes typed keys.
public enum Focus: Hashable, Sendable {
    case prompt
    case picker(PickerField)
    /// The edit-mode field where source image paths are typed or pasted.
    case sources
    case jobs
}

/// The compose screen: the prompt, the request settings, edit mode's source images, and which
/// part takes typed keys.
public struct ComposeState: Sendable {
    public var focus: Focus = .prompt
    public var input: PromptInput
    public var settings: ComposeSettings
    public var operation: ImageOperation = .generate
    /// Edit mode's source images.
    public var sources: [String] = []
    public var sourceDraft = ""
    /// A request waiting for the "spend N credits?" answer.
    var pendingSubmit: ImageRequest?

    init(environment: AppEnvironment, history: PromptHistory) {
        let spec = try? environment.catalog.model(environment.catalog.defaultModel)
        input = PromptInput(editor: PromptEditor(text: "", limit: spec?.promptLimit ?? 32_000), history: history)
        settings = ComposeSettings(model: environment.catalog.defaultModel)
    }

    /// The focus order for the current mode; the jobs list only once it has a job.
    public func focusOrder(hasJobs: Bool) -> [Focus] {
        [.prompt] + PickerField.allCases.map(Focus.picker) + (operation == .edit ? [.sources] : []) + (hasJobs ? [.jobs] : [])
    }

    mutating func addSources(_ paths: [String]) {
        for path in paths where !sources.contains(path) { sources.append(path) }
    }
}
