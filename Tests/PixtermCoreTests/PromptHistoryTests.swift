import Testing
@testable import PixtermCore

@Suite struct PromptHistoryTests {
    @Test func recordSkipsBlanksMovesDuplicatesToNewestAndKeepsCapacity() {
        var history = PromptHistory(capacity: 3)
        for prompt in ["a", "  ", "b", "a", "c", "d"] { history.record(prompt) }
        #expect(history.entries == ["a", "c", "d"])
    }

    @Test func serializationRoundTripsNewlinesQuotesAndUnicode() {
        let history = PromptHistory(entries: ["line one\nline two", "say \"hi\" \\ 漢字 👍🏽", "a/b"])
        let lines = history.serialized
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { !$0.contains("\n") })
        #expect(PromptHistory.load(from: lines) == history)
    }

    @Test func loadSkipsDamagedLinesAndSanitizesEscapes() {
        let lines = ["\"first\"", "not json", "{\"x\":1}", "\"evil\\u001b]0;title\\u0007 text\""]
        #expect(PromptHistory.load(from: lines).entries == ["first", "evil text"])
    }

    @Test func searchFindsNewestMatchBeforeAnIndexIgnoringCase() {
        let history = PromptHistory(entries: ["Draw a cat", "paint a dog", "draw a dog"])
        #expect(history.lastIndex(matching: "DOG", before: 3) == 2)
        #expect(history.lastIndex(matching: "dog", before: 2) == 1)
        #expect(history.lastIndex(matching: "dog", before: 1) == nil)
        #expect(history.lastIndex(matching: "", before: 3) == 2)
    }
}
