import Testing
@testable import PixtermCore

@Suite struct PromptInputTests {
    private func makeInput(_ entries: [String], draft: String = "", limit: Int = 32_000) -> PromptInput {
        PromptInput(editor: makeEditor(draft, limit: limit), history: PromptHistory(entries: entries))
    }

    @Test func upAndDownWalkHistoryAndRestoreTheDraft() {
        var input = makeInput(["first", "second"], draft: "draf")
        input.apply(.type("t"), layoutWidth: 40)
        input.apply(.up, layoutWidth: 40)
        #expect(input.editor.text == "second")
        input.apply(.up, layoutWidth: 40)
        input.apply(.up, layoutWidth: 40)
        #expect(input.editor.text == "first")
        input.apply(.down, layoutWidth: 40)
        #expect(input.editor.text == "second")
        input.apply(.down, layoutWidth: 40)
        #expect(input.editor.text == "draft")
        input.apply(.undo, layoutWidth: 40)
        #expect(input.editor.text == "draf")
    }

    @Test func upInsideAMultiLinePromptMovesTheCaretFirst() {
        var input = makeInput(["old"], draft: "a\nb")
        input.apply(.up, layoutWidth: 40)
        #expect(input.editor.text == "a\nb")
        #expect(input.editor.caret.line == 0)
        input.apply(.up, layoutWidth: 40)
        #expect(input.editor.text == "old")
        input.apply(.down, layoutWidth: 40)
        #expect(input.editor.text == "a\nb")
    }

    @Test func reverseSearchIsIncrementalAndWalksOlderMatches() {
        var input = makeInput(["draw a cat", "paint a dog", "draw a dog"], draft: "mine")
        input.apply(.reverseSearch, layoutWidth: 40)
        for character in "dog" { input.apply(.type(character), layoutWidth: 40) }
        #expect(input.searchMatch == "draw a dog")
        input.apply(.reverseSearch, layoutWidth: 40)
        #expect(input.searchMatch == "paint a dog")
        input.apply(.reverseSearch, layoutWidth: 40)
        #expect(input.search?.isFailing == true)
        #expect(input.searchMatch == "paint a dog")
        input.apply(.backspace, layoutWidth: 40)
        #expect(input.search?.query == "do")
        #expect(input.searchMatch == "draw a dog")
        #expect(input.editor.text == "mine")
    }

    @Test func acceptingASearchLoadsTheMatchAndDownLeadsBackToTheDraft() {
        var input = makeInput(["draw a cat", "paint a dog", "draw a dog"], draft: "mine")
        input.apply(.reverseSearch, layoutWidth: 40)
        input.apply(.paste("PAINT"), layoutWidth: 40)
        #expect(input.submit() == nil)
        #expect(input.search == nil)
        #expect(input.editor.text == "paint a dog")
        input.apply(.down, layoutWidth: 40)
        #expect(input.editor.text == "draw a dog")
        input.apply(.down, layoutWidth: 40)
        #expect(input.editor.text == "mine")
    }

    @Test func otherKeysAcceptTheMatchThenAct() {
        var input = makeInput(["draw a cat"])
        input.apply(.reverseSearch, layoutWidth: 40)
        input.apply(.type("c"), layoutWidth: 40)
        input.apply(.home, layoutWidth: 40)
        #expect(input.search == nil)
        #expect(input.editor.text == "draw a cat")
        #expect(input.editor.caret.index == 0)
    }

    @Test func cancelRestoresThePromptFromBeforeTheSearch() {
        var input = makeInput(["draw a cat"], draft: "xyz")
        input.apply(.reverseSearch, layoutWidth: 40)
        input.apply(.type("c"), layoutWidth: 40)
        input.apply(.cancel, layoutWidth: 40)
        #expect(input.search == nil)
        #expect(input.editor.text == "xyz")
    }

    @Test func submitRecordsAndClearsButRefusesBlankOrOverLimitPrompts() {
        var input = makeInput(["old"], draft: "new prompt")
        #expect(input.submit() == "new prompt")
        #expect(input.editor.isEmpty)
        #expect(input.history.entries == ["old", "new prompt"])
        #expect(input.submit() == nil)

        var long = makeInput([], draft: "too long", limit: 3)
        #expect(long.submit() == nil)
        #expect(long.editor.text == "too long")
        #expect(long.history.entries.isEmpty)
    }
}

extension PromptInput {
    /// The history entry the running Ctrl+R search matches, which the tests check while searching.
    fileprivate var searchMatch: String? {
        search?.matchIndex.map { history.entries[$0] }
    }
}
