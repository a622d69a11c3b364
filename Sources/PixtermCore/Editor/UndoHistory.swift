/// Bounded undo and redo of whole-buffer snapshots. Lines are copy-on-write arrays, so a snapshot
/// costs one reference per line until an edit touches that line.
struct UndoHistory: Sendable {
    struct Snapshot: Sendable {
        var lines: [LogicalLine]
        var caret: TextPosition
    }

    /// What an edit did, to decide whether it extends the previous undo step.
    enum EditKind: Sendable, Equatable {
        case typing(isSpace: Bool)
        case deleteBackward
        case deleteForward
        case other

        /// Typing continues a step until a space follows a word, so undo removes one word (with
        /// its leading space) at a time; runs of Backspace or Delete are one step each.
        func continues(_ previous: EditKind) -> Bool {
            switch (previous, self) {
            case let (.typing(previousIsSpace), .typing(isSpace)): return previousIsSpace || !isSpace
            case (.deleteBackward, .deleteBackward), (.deleteForward, .deleteForward): return true
            default: return false
            }
        }
    }

    private var undoStack: [Snapshot] = []
    private var redoStack: [Snapshot] = []
    private var lastEdit: EditKind?
    let capacity: Int

    init(capacity: Int = 100) {
        self.capacity = capacity
    }

    /// Records `state` as an undo point unless this edit continues the previous step.
    mutating func willEdit(_ kind: EditKind, from state: Snapshot) {
        redoStack.removeAll()
        defer { lastEdit = kind }
        if let lastEdit, kind.continues(lastEdit) { return }
        undoStack.append(state)
        if undoStack.count > capacity { undoStack.removeFirst(undoStack.count - capacity) }
    }

    /// Ends the current step: the next edit starts a new one (called on caret moves).
    mutating func breakCoalescing() {
        lastEdit = nil
    }

    mutating func undo(from state: Snapshot) -> Snapshot? {
        guard let previous = undoStack.popLast() else { return nil }
        redoStack.append(state)
        lastEdit = nil
        return previous
    }

    mutating func redo(from state: Snapshot) -> Snapshot? {
        guard let next = redoStack.popLast() else { return nil }
        undoStack.append(state)
        lastEdit = nil
        return next
    }
}
