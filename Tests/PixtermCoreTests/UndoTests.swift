import Testing
@testable import PixtermCore

@Suite struct UndoTests {
    @Test func typingUndoesOneWordAtATime() {
        var editor = makeEditor()
        editor.typeEach("hello big world")
        editor.run(.undo)
        #expect(editor.text == "hello big")
        editor.run(.undo)
        #expect(editor.text == "hello")
        editor.run(.undo)
        #expect(editor.text == "")
        editor.run(.redo, .redo)
        #expect(editor.text == "hello big")
        #expect(editor.caret.index == 9)
    }

    @Test func caretMovesAndOtherEditKindsEndAStep() {
        var editor = makeEditor()
        editor.typeEach("ab")
        editor.run(.left)
        editor.typeEach("c")
        #expect(editor.text == "acb")
        editor.run(.undo)
        #expect(editor.text == "ab")

        var deleting = makeEditor()
        deleting.typeEach("abcd")
        deleting.run(.backspace, .backspace)
        deleting.run(.paste("XY"))
        deleting.run(.undo)
        #expect(deleting.text == "ab")
        deleting.run(.undo)
        #expect(deleting.text == "abcd")
        deleting.run(.undo)
        #expect(deleting.text == "")
    }

    @Test func aNewEditClearsRedo() {
        var editor = makeEditor()
        editor.typeEach("abc")
        editor.run(.undo)
        editor.typeEach("x")
        editor.run(.redo)
        #expect(editor.text == "x")
    }

    @Test func historyIsBounded() {
        var editor = makeEditor()
        editor.typeEach("a" + String(repeating: " a", count: 149))  // 150 steps
        for _ in 0..<200 { editor.run(.undo) }
        #expect(editor.text == "a" + String(repeating: " a", count: 49))
    }
}
