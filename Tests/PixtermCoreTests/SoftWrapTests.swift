import Testing
@testable import PixtermCore

@Suite struct SoftWrapTests {
    @Test func wrapsAtSpacesAndHardBreaksLongWords() {
        #expect(makeEditor("hello world again", width: 12).rowTexts == ["hello world ", "again"])
        #expect(makeEditor("abcdefghij", width: 4).rowTexts == ["abcd", "efgh", "ij"])
        #expect(makeEditor("a verylongword", width: 6).rowTexts == ["a ", "verylo", "ngword"])
    }

    @Test func wideCharacterThatDoesNotFitMovesToTheNextRow() {
        let editor = makeEditor("ab漢字c", width: 3)
        #expect(editor.rowTexts == ["ab", "漢", "字c"])
        #expect(editor.rows(0..<editor.rowCount).allSatisfy { $0.width <= 3 })
    }

    @Test func cjkTextBreaksBetweenIdeographsWithoutSpaces() {
        let editor = makeEditor("漢字漢字漢", width: 5)
        #expect(editor.rowTexts == ["漢字", "漢字", "漢"])
        #expect(editor.caretPoint == VisualPoint(row: 2, column: 2))
    }

    @Test func aSpaceAtTheEdgeHangsSoTheNextWordStartsFlushLeft() {
        var editor = makeEditor("hello world", width: 5)
        #expect(editor.rowTexts == ["hello ", "world"])
        #expect(editor.caretPoint == VisualPoint(row: 1, column: 5))
        editor.run(.home, .left)
        #expect(editor.caretPoint == VisualPoint(row: 0, column: 5))
    }

    @Test func caretAfterAHangingSpaceGetsARowOfItsOwn() {
        let editor = makeEditor("hello ", width: 5)
        #expect(editor.rowTexts == ["hello ", ""])
        #expect(editor.caretPoint == VisualPoint(row: 1, column: 0))
    }

    @Test func logicalLinesWrapIndependentlyAndResizeRewraps() {
        var editor = makeEditor("one two three\nfour", width: 8)
        #expect(editor.rowTexts == ["one two ", "three", "four"])
        editor.setLayoutWidth(20)
        #expect(editor.rowTexts == ["one two three", "four"])
        #expect(editor.caretPoint == VisualPoint(row: 1, column: 4))
    }

    @Test func viewportScrollsToKeepTheCaretVisible() {
        var editor = makeEditor("1\n2\n3\n4\n5", width: 10, height: 2)
        #expect(editor.scrollTop == 3)
        #expect(editor.visibleRows.map(\.text) == ["4", "5"])
        editor.run(.up, .up, .up)
        #expect(editor.scrollTop == 1)
        #expect(editor.visibleRows.map(\.text) == ["2", "3"])
        editor.viewportHeight = 4
        #expect(editor.visibleRows.map(\.text) == ["2", "3", "4", "5"])
    }

    @Test func revisionChangesOnlyWithTheText() {
        var editor = makeEditor("abc")
        let start = editor.revision
        editor.run(.left, .home)
        #expect(editor.revision == start)
        editor.run(.type("x"))
        #expect(editor.revision > start)
    }
}
