import TestSupport
import Testing
@testable import PixtermCore

/// The editor keeps per-line caches (graphemes, glyph facts, soft-wrap rows) and takes shortcuts
/// for typed ASCII; after every edit of long random sessions they must equal what the text
/// computes from scratch, so a stale cache or a wrong shortcut fails here. (Lone regional
/// indicators are left out: seams pair them locally, while a fresh split pairs a whole run
/// from its start, a known difference this suite is not about.)
@Suite struct PromptEditorConsistencyTests {
    static let typed: [Character] = [
        "a", "b", " ", "x", ".", "漢", "字", "👍", "\u{1F3FD}", "e", "\u{301}", "\u{302}", "\u{200D}", "👩", "💻",
        "\u{FE0F}", "❤", "\r", "\n", "\t", "\u{1B}", "각", "\u{1100}", "\u{1161}",
    ]
    static let pasted = ["hello world", "line\nnext", "crlf\r\nand\rcr", "漢字 かな", "👨‍👩‍👧‍👦 family", "e\u{301}\u{302}", "\u{1B}[31mred", ""]

    /// The state a fresh computation gives for the editor's text.
    static func check(_ editor: PromptEditor, step: Int) {
        let text = editor.text
        let expectedLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(editor.lines.count == expectedLines.count, "step \(step)")
        for (line, expected) in zip(editor.lines, expectedLines) {
            #expect(line.characters == Array(expected), "step \(step): the buffer splits \(expected.debugDescription) differently")
            #expect(line.glyphs == line.characters.map(Glyph.init), "step \(step)")
            #expect(line.scalarCount == expected.unicodeScalars.count, "step \(step)")
            #expect(line.rowStarts == SoftWrap.rowStarts(of: line.glyphs, width: editor.layoutWidth), "step \(step): stale wrap")
        }
        #expect(editor.scalarCount == text.unicodeScalars.count, "step \(step)")
        let drawn = editor.rows(0..<editor.rowCount).flatMap { Array($0.text.unicodeScalars) }
        #expect(drawn == text.unicodeScalars.filter { $0 != "\n" }, "step \(step): the rows do not show the text")
        #expect(editor.caret.line < editor.lines.count && editor.caret.index <= editor.lines[editor.caret.line].count, "step \(step)")
    }

    @Test(arguments: [1, 2, 3, 4])
    func randomSessionsMatchAFreshComputation(seed: UInt64) {
        var generator = SeededGenerator(state: seed)
        var editor = makeEditor("start 漢字 e\u{301}", width: 12, height: 4)
        for step in 0..<600 {
            let width = Int.random(in: 0..<50, using: &generator) == 0 ? Int.random(in: 1...30, using: &generator) : editor.layoutWidth
            let command: EditorCommand
            switch Int.random(in: 0..<20, using: &generator) {
            case 0..<9: command = .type(Self.typed.randomElement(using: &generator)!)
            case 9: command = .paste(Self.pasted.randomElement(using: &generator)!)
            case 10: command = .newline
            case 11: command = .backspace
            case 12: command = .deleteForward
            case 13: command = [.left, .right, .up, .down, .home, .end, .wordLeft, .wordRight].randomElement(using: &generator)!
            case 14: command = .undo
            case 15: command = .redo
            case 16: command = .deleteWordBackward
            case 17: command = .moveTo(VisualPoint(row: Int.random(in: 0...8, using: &generator), column: Int.random(in: 0...20, using: &generator)))
            case 18: command = [.deleteToLineStart, .deleteToLineEnd].randomElement(using: &generator)!
            default: command = .type("a")
            }
            editor.apply(command, layoutWidth: width)
            Self.check(editor, step: step)
        }
    }

    @Test func typingASCIIAfterEveryKindOfClusterMatchesAFreshComputation() {
        for base in Self.typed {
            var editor = makeEditor(width: 5)
            editor.typeEach("ab")
            editor.apply(.type(base), layoutWidth: 5)
            editor.typeEach("c d")
            editor.run(.left, .left)
            editor.apply(.type(base), layoutWidth: 5)
            editor.typeEach("e")
            Self.check(editor, step: 0)
        }
    }
}
