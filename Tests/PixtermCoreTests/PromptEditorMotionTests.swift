import Testing
@testable import PixtermCore

@Suite struct PromptEditorMotionTests {
    @Test func upAndDownKeepTheGoalColumnAcrossWideCharacters() {
        var editor = makeEditor("abcdef\n漢字漢字\nabcdef")
        editor.run(.up, .up, .home, .right, .right, .right)
        #expect(editor.caretPoint == VisualPoint(row: 0, column: 3))
        editor.run(.down)
        // Column 3 is the right half of 字: the caret stops before it, never inside.
        #expect(editor.caret == TextPosition(line: 1, index: 1))
        #expect(editor.caretPoint.column == 2)
        editor.run(.down)
        #expect(editor.caret == TextPosition(line: 2, index: 3))
    }

    @Test func goalColumnSurvivesShortRowsAndResetsOnOtherMoves() {
        var editor = makeEditor("abcdef\nab\nabcdef")
        editor.run(.up, .up, .end)
        editor.run(.down)
        #expect(editor.caret == TextPosition(line: 1, index: 2))
        editor.run(.down)
        #expect(editor.caret == TextPosition(line: 2, index: 6))
        editor.run(.up, .left, .up)
        #expect(editor.caret == TextPosition(line: 0, index: 1))
    }

    @Test func upAndDownWalkVisualRowsOfAWrappedLine() {
        var editor = makeEditor("aaaa bbbb cccc", width: 5)
        #expect(editor.rowTexts == ["aaaa ", "bbbb ", "cccc"])
        editor.run(.up)
        #expect(editor.caret == TextPosition(line: 0, index: 9))
        editor.run(.up)
        #expect(editor.caret == TextPosition(line: 0, index: 4))
        #expect(editor.isCaretOnFirstRow)
        editor.run(.up)
        #expect(editor.caret == TextPosition(line: 0, index: 4))
    }

    @Test func homeAndEndStopAtTheVisualRowThenTheLogicalLine() {
        var editor = makeEditor("aaaa bbbb cccc", width: 5)
        editor.run(.up, .home)
        #expect(editor.caret.index == 5)
        editor.run(.home)
        #expect(editor.caret.index == 0)
        editor.run(.end)
        #expect(editor.caret.index == 4)
        editor.run(.end)
        #expect(editor.caret.index == 14)
    }

    @Test func wordMovesSkipPunctuationAndTreatIdeographsAsWords() {
        var editor = makeEditor("say: hello, world")
        editor.run(.wordLeft)
        #expect(editor.caret.index == 12)
        editor.run(.wordLeft, .wordLeft)
        #expect(editor.caret.index == 0)
        editor.run(.wordRight)
        #expect(editor.caret.index == 3)
        editor.run(.wordRight)
        #expect(editor.caret.index == 10)

        var cjk = makeEditor("漢字abc")
        cjk.run(.wordLeft)
        #expect(cjk.caret.index == 2)
        cjk.run(.wordLeft)
        #expect(cjk.caret.index == 1)
    }

    @Test func wordMovesCrossLineBreaks() {
        var editor = makeEditor("one\ntwo")
        editor.run(.home, .wordLeft)
        #expect(editor.caret == TextPosition(line: 0, index: 0))
        editor.run(.wordRight, .wordRight)
        #expect(editor.caret == TextPosition(line: 1, index: 3))
    }
}
