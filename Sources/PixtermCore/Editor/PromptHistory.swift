import Foundation
import PixapiKit

/// Earlier prompts, oldest first, for Up/Down recall and Ctrl+R search. Storage stays at the edge:
/// the caller reads and writes the lines of `serialized` (one JSON string per line, so prompts
/// with newlines survive).
public struct PromptHistory: Sendable, Equatable {
    public private(set) var entries: [String]
    /// Oldest entries are dropped beyond this many.
    public let capacity: Int

    public init(entries: [String] = [], capacity: Int = 1000) {
        self.capacity = max(1, capacity)
        self.entries = []
        for entry in entries { record(entry) }
    }

    /// Adds a submitted prompt as the newest entry; blank prompts are skipped and an older copy of
    /// the same prompt is removed, so walking back never shows the same text twice.
    public mutating func record(_ prompt: String) {
        guard prompt.contains(where: { !$0.isWhitespace }) else { return }
        entries.removeAll { $0 == prompt }
        entries.append(prompt)
        if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
    }

    /// Reads history written by `serialized`. Lines that are not valid JSON strings are skipped
    /// rather than failing, so one damaged line cannot lose the rest; the text is sanitized since
    /// it will be drawn on the terminal.
    public static func load(from lines: some Sequence<String>, capacity: Int = 1000) -> PromptHistory {
        let decoder = JSONDecoder()
        let prompts = lines.compactMap { line in
            try? decoder.decode(String.self, from: Data(line.utf8))
        }
        return PromptHistory(entries: prompts.map { TerminalText.sanitized($0, keepNewlines: true) }, capacity: capacity)
    }

    /// One line per entry, oldest first, each a JSON string literal with no raw newline in it.
    public var serialized: [String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return entries.compactMap { entry in
            (try? encoder.encode(entry)).flatMap { String(data: $0, encoding: .utf8) }
        }
    }

    /// The newest entry before `index` that contains `query`, ignoring case; an empty query
    /// matches every entry.
    public func lastIndex(matching query: String, before index: Int) -> Int? {
        let needle = query.lowercased()
        return entries[..<min(index, entries.count)].lastIndex { needle.isEmpty || $0.lowercased().contains(needle) }
    }
}
