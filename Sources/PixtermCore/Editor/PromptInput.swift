import PixapiKit

/// The prompt field as the user sees it: the editor plus history recall (Up on the first row,
/// Down on the last) and Ctrl+R reverse search. The draft being typed is kept while browsing, so
/// Down past the newest entry brings it back intact, caret and undo included.
public struct PromptInput: Sendable {
    public private(set) var editor: PromptEditor
    public private(set) var history: PromptHistory
    /// Present while a Ctrl+R search is running; the UI shows its query.
    public private(set) var search: HistorySearch?

    /// Where history browsing stands: the entry shown and the draft to return to.
    private struct Recall: Sendable {
        var index: Int
        var draft: PromptEditor
    }

    private var recall: Recall?
    /// The prompt as it was when the search started, restored by `.cancel`.
    private var searchOrigin: PromptEditor?

    public init(editor: PromptEditor, history: PromptHistory) {
        self.editor = editor
        self.history = history
    }

    public mutating func apply(_ command: EditorCommand, layoutWidth: Int) {
        editor.setLayoutWidth(layoutWidth)
        if search != nil {
            applyWhileSearching(command, layoutWidth: layoutWidth)
            return
        }
        switch command {
        case .up where editor.isCaretOnFirstRow: recallOlder()
        case .down where editor.isCaretOnLastRow && recall != nil: recallNewer()
        case .reverseSearch:
            searchOrigin = editor
            search = HistorySearch()
        default: editor.apply(command, layoutWidth: layoutWidth)
        }
    }

    /// Takes the prompt for sending: records it in the history and clears the field. Returns nil
    /// (and changes nothing) when the prompt is blank or over the model's limit; during a search it
    /// accepts the match instead, so Enter never sends a prompt the user has not seen.
    /// The prompt box changed size: re-wrap and keep the caret in view.
    public mutating func setViewport(layoutWidth: Int, height: Int) {
        editor.setLayoutWidth(layoutWidth)
        editor.viewportHeight = height
    }

    /// Puts `text` in the editor as one undoable paste, replacing what was there (gallery "reuse").
    public mutating func replaceText(_ text: String) {
        search = nil
        recall = nil
        editor = PromptEditor(text: text, limit: editor.limit, layoutWidth: editor.layoutWidth, viewportHeight: editor.viewportHeight)
    }

    public mutating func submit() -> String? {
        if search != nil {
            acceptSearch()
            return nil
        }
        let prompt = editor.text
        guard !editor.isOverLimit, prompt.contains(where: { !$0.isWhitespace }) else { return nil }
        history.record(prompt)
        editor = freshEditor()
        recall = nil
        return prompt
    }

    private mutating func recallOlder() {
        let from = recall?.index ?? history.entries.count
        guard from > 0 else { return }
        show(entry: from - 1, draft: recall?.draft ?? editor)
    }

    private mutating func recallNewer() {
        guard let recall else { return }
        if recall.index + 1 < history.entries.count {
            show(entry: recall.index + 1, draft: recall.draft)
        } else {
            editor = recall.draft
            self.recall = nil
        }
    }

    private mutating func show(entry index: Int, draft: PromptEditor) {
        editor = freshEditor(text: history.entries[index])
        recall = Recall(index: index, draft: draft)
    }

    private mutating func applyWhileSearching(_ command: EditorCommand, layoutWidth: Int) {
        switch command {
        case .type(let character):
            search?.append(TerminalText.sanitized(String(character)), in: history)
        case .paste(let text):
            search?.append(TerminalText.sanitized(text), in: history)
        case .backspace:
            search?.deleteLast(in: history)
        case .reverseSearch:
            search?.next(in: history)
        case .cancel:
            editor = searchOrigin ?? editor
            endSearch()
        case .newline:
            acceptSearch()
        default:
            // Like readline: any other key takes the match and then acts on it.
            acceptSearch()
            apply(command, layoutWidth: layoutWidth)
        }
    }

    private mutating func acceptSearch() {
        if let index = search?.matchIndex, let origin = searchOrigin {
            show(entry: index, draft: recall?.draft ?? origin)
        }
        endSearch()
    }

    private mutating func endSearch() {
        search = nil
        searchOrigin = nil
    }

    /// A new editor with the current one's limit and geometry, caret at the end of `text`.
    private func freshEditor(text: String = "") -> PromptEditor {
        PromptEditor(text: text, limit: editor.limit, layoutWidth: editor.layoutWidth, viewportHeight: editor.viewportHeight)
    }
}
