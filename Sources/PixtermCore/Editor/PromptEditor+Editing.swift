import PixapiKit

/// Text changes. Every edit goes through `replace(_:with:)`, which keeps grapheme clusters whole
/// across the edit's seams and marks only the touched lines for re-layout.
extension PromptEditor {
    mutating func type(_ character: Character) {
        if character == "\n" || character == "\r\n" || character == "\r" {
            edit(.other, insert: "\n")
        } else {
            edit(.typing(isSpace: character.isWhitespace), insert: String(character))
        }
    }

    /// User text as the buffer may hold it: CR and CRLF become LF, other control characters and
    /// escape sequences are dropped so a paste cannot smuggle terminal commands into the prompt.
    static func cleaned(_ text: String) -> String {
        // Printable ASCII (almost every typed key) has nothing to clean.
        if text.utf8.allSatisfy({ (0x20..<0x7F).contains($0) }) { return text }
        let unified = text.replacing("\r\n", with: "\n").replacing("\r", with: "\n")
        return TerminalText.sanitized(unified, keepNewlines: true)
    }

    mutating func edit(_ kind: UndoHistory.EditKind, insert text: String) {
        let clean = Self.cleaned(text)
        guard !clean.isEmpty else { return }
        undoHistory.willEdit(kind, from: snapshot)
        caret = replace(caret..<caret, with: clean)
    }

    mutating func deleteBackward() {
        guard let start = position(before: caret) else { return }
        delete(from: start, kind: .deleteBackward)
    }

    mutating func deleteForward() {
        guard let end = position(after: caret) else { return }
        delete(from: end, kind: .deleteForward)
    }

    /// Ctrl+K: the rest of the line, or the line break itself when the caret is already at the end.
    mutating func deleteToLineEnd() {
        let lineEnd = TextPosition(line: caret.line, index: lines[caret.line].count)
        if caret != lineEnd {
            delete(from: lineEnd, kind: .other)
        } else if let nextLine = position(after: caret) {
            delete(from: nextLine, kind: .other)
        }
    }

    /// Removes the text between the caret and `other`, leaving the caret where the text was.
    mutating func delete(from other: TextPosition, kind: UndoHistory.EditKind) {
        guard other != caret else { return }
        undoHistory.willEdit(kind, from: snapshot)
        caret = replace(min(caret, other)..<max(caret, other), with: "")
    }

    /// Replaces `range` with `text` (already clean) and returns the position just after the
    /// inserted text.
    @discardableResult
    mutating func replace(_ range: Range<TextPosition>, with text: String) -> TextPosition {
        let start = range.lowerBound
        let end = range.upperBound
        // Typed text rarely holds a line break: finding none by its byte is far cheaper than splitting.
        let pieces =
            text.utf8.contains(UInt8(ascii: "\n"))
            ? text.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init) : [Array(text)]
        revision += 1
        if pieces.count == 1 && start.line == end.line {
            lines[start.line].replaceSubrange(start.index..<end.index, with: pieces[0])
        } else {
            let tail = Array(lines[end.line].characters[end.index...])
            var first = lines[start.line]
            first.replaceSubrange(start.index..<first.count, with: pieces[0] + (pieces.count == 1 ? tail : []))
            var replacement = [first]
            if pieces.count > 1 {
                replacement += pieces[1..<pieces.count - 1].map { LogicalLine($0) }
                replacement.append(LogicalLine(pieces[pieces.count - 1] + tail))
            }
            lines.replaceSubrange(start.line...end.line, with: replacement)
        }
        let lastLine = start.line + pieces.count - 1
        var after = TextPosition(line: lastLine, index: (pieces.count == 1 ? start.index : 0) + pieces[pieces.count - 1].count)
        if text.isEmpty {
            lines[start.line].mergeSeam(at: start.index)
            return start
        }
        lines[after.line].mergeSeam(at: after.index)
        if lines[start.line].mergeSeam(at: start.index), after.line == start.line {
            after.index -= 1
        }
        return after
    }
}
