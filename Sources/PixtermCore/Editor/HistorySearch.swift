/// The state of a Ctrl+R incremental reverse search: what was typed and which entry matches.
public struct HistorySearch: Sendable, Equatable {
    public private(set) var query = ""
    /// Index in `PromptHistory.entries` of the match shown, if any.
    public private(set) var matchIndex: Int?
    /// True when the query (or the last Ctrl+R) found nothing more; the previous match stays shown.
    public private(set) var isFailing = false

    public init() {}

    /// Extends the query; the current match is kept while it still matches.
    mutating func append(_ text: String, in history: PromptHistory) {
        query += text
        find(before: (matchIndex ?? history.entries.count - 1) + 1, in: history)
    }

    /// Shortens the query and searches again from the newest entry.
    mutating func deleteLast(in history: PromptHistory) {
        guard !query.isEmpty else { return }
        query.removeLast()
        matchIndex = nil
        find(before: history.entries.count, in: history)
    }

    /// Ctrl+R again: the next older match.
    mutating func next(in history: PromptHistory) {
        find(before: matchIndex ?? history.entries.count, in: history)
    }

    private mutating func find(before index: Int, in history: PromptHistory) {
        if let found = history.lastIndex(matching: query, before: index) {
            matchIndex = found
            isFailing = false
        } else {
            isFailing = true
        }
    }
}
