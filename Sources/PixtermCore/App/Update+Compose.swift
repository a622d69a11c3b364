import Foundation
import PixapiKit

extension AppState {
    /// The compose screen's own keys first, then the focused part's table.
    mutating func handleComposeKey(_ key: InputKey, environment: AppEnvironment) -> [Effect] {
        if let command = KeyMaps.compose(searching: compose.input.search != nil).command(for: key) {
            return perform(command)
        }
        switch compose.focus {
        case .prompt: return handlePromptKey(key, environment: environment)
        case let .picker(field): return handlePickerKey(key, field, environment: environment)
        case .sources: return handleSourcesKey(key, environment: environment)
        case .jobs: return handleJobsKey(key, environment: environment)
        }
    }

    private mutating func perform(_ command: ComposeCommand) -> [Effect] {
        switch command {
        case .nextFocus: moveFocus(by: 1)
        case .previousFocus: moveFocus(by: -1)
        case .openGallery: return openGallery()
        case .toggleEditMode:
            compose.operation = compose.operation == .edit ? .generate : .edit
            note(compose.operation == .edit ? "edit mode: add source images in the Sources field (Tab to it)" : "generate mode")
            if compose.operation == .generate, compose.focus == .sources { compose.focus = .prompt }
        case .back:
            if message != nil { message = nil } else if compose.focus != .prompt { compose.focus = .prompt }
        }
        return []
    }

    private mutating func moveFocus(by delta: Int) {
        let order = compose.focusOrder(hasJobs: !jobs.isEmpty)
        let index = order.firstIndex(of: compose.focus) ?? 0
        compose.focus = order[(index + delta + order.count) % order.count]
    }

    private mutating func handlePromptKey(_ key: InputKey, environment: AppEnvironment) -> [Effect] {
        guard let command = KeyMaps.prompt.command(for: key) else { return [] }
        let edit: EditorCommand
        switch command {
        case .type:
            guard case let .character(char) = key else { return [] }
            edit = .type(char)
        case .paste:
            guard case let .paste(text) = key else { return [] }
            edit = .paste(text)
        case .submit:
            if compose.input.search != nil {
                _ = compose.input.submit()
                return []
            }
            return submit(environment: environment)
        case .newline: edit = .newline
        case .backspace: edit = .backspace
        case .deleteForward: edit = .deleteForward
        case .left: edit = .left
        case .right: edit = .right
        case .up: edit = .up
        case .down: edit = .down
        case .home: edit = .home
        case .end: edit = .end
        case .wordLeft: edit = .wordLeft
        case .wordRight: edit = .wordRight
        case .deleteWordBackward: edit = .deleteWordBackward
        case .deleteToLineStart: edit = .deleteToLineStart
        case .deleteToLineEnd: edit = .deleteToLineEnd
        case .undo: edit = .undo
        case .redo: edit = .redo
        case .reverseSearch: edit = .reverseSearch
        case .cancelSearch: edit = .cancel
        }
        compose.input.apply(edit, layoutWidth: compose.input.editor.layoutWidth)
        return []
    }

    private mutating func handlePickerKey(_ key: InputKey, _ field: PickerField, environment: AppEnvironment) -> [Effect] {
        guard let command = KeyMaps.picker(typingSize: isTypingText).command(for: key) else { return [] }
        let catalog = environment.catalog
        switch command {
        case .previous: compose.settings.step(field, by: -1, in: catalog)
        case .next: compose.settings.step(field, by: 1, in: catalog)
        case .submit: return submit(environment: environment)
        case .quit: return requestQuit()
        case .backspace:
            if field == .size, case let .custom(text) = compose.settings.size { compose.settings.size = .custom(String(text.dropLast())) }
        case .paste:
            if field == .size, case let .custom(typed) = compose.settings.size, case let .paste(text) = key {
                compose.settings.size = .custom(String((typed + TerminalText.sanitized(text)).prefix(16)))
            }
        case .type:
            guard case let .character(char) = key else { return [] }
            if field == .size, case let .custom(text) = compose.settings.size {
                if text.count < 16, char.isNumber || "xX×*".contains(char) { compose.settings.size = .custom(text + (char == "*" ? "x" : String(char))) }
            } else if field == .n, let digit = char.wholeNumberValue, digit >= 1 {
                compose.settings.n = min(digit, (try? catalog.model(compose.settings.model).maxN) ?? digit)
            }
        }
        return []
    }

    private mutating func handleSourcesKey(_ key: InputKey, environment: AppEnvironment) -> [Effect] {
        guard let command = KeyMaps.sources.command(for: key) else { return [] }
        switch command {
        case .type:
            if case let .character(char) = key { compose.sourceDraft.append(char) }
        case .paste:
            guard case let .paste(text) = key else { return [] }
            // A pasted list of paths (one per line, or dragged from a file manager) adds them all.
            let paths = PathList.parse(TerminalText.sanitized(text, keepNewlines: true), home: environment.home)
            if paths.count > 1 || text.contains("\n") { compose.addSources(paths) } else { compose.sourceDraft += paths.first ?? "" }
        case .backspace:
            if compose.sourceDraft.isEmpty {
                if !compose.sources.isEmpty { compose.sources.removeLast() }
            } else {
                compose.sourceDraft.removeLast()
            }
        case .add:
            if compose.sourceDraft.trimmingCharacters(in: .whitespaces).isEmpty { return submit(environment: environment) }
            compose.addSources(PathList.parse(compose.sourceDraft, home: environment.home))
            compose.sourceDraft = ""
        case .clear: compose.sourceDraft = ""
        }
        return []
    }
}
