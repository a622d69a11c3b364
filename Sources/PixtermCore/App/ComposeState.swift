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
    /// The gallery image an edit was started from (`e`), whose prompt the screen shows for
    /// reference while the instruction is typed.
    public var sourceReference: SourceReference?
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

    /// The source's prompt to show for reference: in edit mode, while that image is a source.
    public var referencePrompt: String? {
        guard operation == .edit, let sourceReference, sources.contains(sourceReference.path), !sourceReference.prompt.isEmpty else { return nil }
        return sourceReference.prompt
    }

    mutating func addSources(_ paths: [String]) {
        for path in paths where !sources.contains(path) { sources.append(path) }
    }
}

/// An image an edit starts from, and the prompt that made it.
public struct SourceReference: Hashable, Sendable {
    public let path: String
    public let prompt: String

    public init(path: String, prompt: String) {
        self.path = path
        self.prompt = prompt
    }
}
