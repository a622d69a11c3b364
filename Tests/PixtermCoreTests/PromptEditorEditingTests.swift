import Testing
@testable import PixtermCore

@Suite struct PromptEditorEditingTests {
    @Test func caretMovesByWholeGraphemeClusters() {
        var editor = makeEditor("a👨‍👩‍👧b")
        editor.run(.home, .right, .right)
        #expect(editor.caret == TextPosition(line: 0, index: 2))
        #expect(editor.caretPoint.column == 3)
        editor.run(.left)
        #expect(editor.caretPoint.column == 1)
    }

    @Test func backspaceAndDeleteRemoveAWholeEmojiCluster() {
        var editor = makeEditor("a👍🏽🇯🇵")
        editor.run(.backspace)
        #expect(editor.text == "a👍🏽")
        editor.run(.home, .right, .deleteForward)
        #expect(editor.text == "a")
    }

    @Test func separatelyTypedScalarsJoinTheirCluster() {
        var editor = makeEditor()
        editor.typeEach("e")
        editor.run(.type("\u{301}"))
        #expect(editor.text == "e\u{301}")
        #expect(editor.caret.index == 1)
        editor.run(.type("🇯"), .type("🇵"))
        #expect(editor.caret.index == 2)
        #expect(editor.caretPoint.column == 3)
        editor.run(.backspace)
        #expect(editor.text == "e\u{301}")
    }

    @Test func pasteKeepsNewlinesAndDropsControlsAndEscapes() {
        var editor = makeEditor()
        editor.run(.paste("one\r\ntwo\rthree \u{1B}[31mred\u{1B}[0m\tx\u{7}"))
        #expect(editor.text == "one\ntwo\nthree red x")
        #expect(editor.caret == TextPosition(line: 2, index: 11))
    }

    @Test func pasteInTheMiddleSplitsTheLine() {
        var editor = makeEditor("ac")
        editor.run(.left, .paste("X\nY"))
        #expect(editor.text == "aX\nYc")
        #expect(editor.caret == TextPosition(line: 1, index: 1))
    }

    @Test func typedControlCharactersNeverReachTheBuffer() {
        var editor = makeEditor("a")
        editor.run(.type("\u{1B}"), .type("\u{7F}"), .type("\r"))
        #expect(editor.text == "a\n")
    }

    @Test func newlineBackspaceAndDeleteJoinAndSplitLines() {
        var editor = makeEditor("abcd")
        editor.run(.left, .left, .newline)
        #expect(editor.text == "ab\ncd")
        #expect(editor.caret == TextPosition(line: 1, index: 0))
        editor.run(.backspace)
        #expect(editor.text == "abcd")
        editor.run(.newline, .left, .deleteForward)
        #expect(editor.text == "abcd")
        #expect(editor.caret == TextPosition(line: 0, index: 2))
    }

    @Test func controlWDeletesTheWordBeforeTheCaret() {
        var editor = makeEditor("a red fox, ")
        editor.run(.deleteWordBackward)
        #expect(editor.text == "a red ")
        editor.run(.deleteWordBackward)
        #expect(editor.text == "a ")
        var cjk = makeEditor("漢字")
        cjk.run(.deleteWordBackward)
        #expect(cjk.text == "漢")
    }

    @Test func controlUAndControlKDeleteToLineEdges() {
        var editor = makeEditor("abc\ndef\nghi")
        editor.run(.up, .left)  // caret in "def" after "de"
        editor.run(.deleteToLineStart)
        #expect(editor.text == "abc\nf\nghi")
        editor.run(.deleteToLineEnd)
        #expect(editor.text == "abc\n\nghi")
        editor.run(.deleteToLineEnd)
        #expect(editor.text == "abc\nghi")
        #expect(editor.caret == TextPosition(line: 1, index: 0))
    }

    @Test func counterCountsUnicodeScalarsAgainstTheLimit() {
        var editor = makeEditor("héllo\n漢", limit: 8)
        #expect(editor.scalarCount == 7)
        #expect(!editor.isOverLimit)
        editor.run(.type("e"), .type("\u{301}"))
        #expect(editor.scalarCount == 9)
        #expect(editor.isOverLimit)
        editor.run(.backspace)
        #expect(editor.scalarCount == 7)
        #expect(makeEditor().isEmpty)
        #expect(!editor.isEmpty)
    }
}
