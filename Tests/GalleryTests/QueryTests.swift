import Foundation
@testable import Gallery
import Testing

@Suite struct QueryTests {
    @Test func entriesAreListedNewestFirstAndPaged() throws {
        let fixture = try GalleryFixture()
        let prompts = (0..<7).map { "picture number \($0)" }
        for (offset, prompt) in prompts.enumerated().shuffled() { try fixture.save(prompt, created: day(Double(offset))) }

        let first = try fixture.store.page(limit: 3)
        #expect(first.total == 7)
        #expect(first.entries.map(\.prompt) == ["picture number 6", "picture number 5", "picture number 4"])
        let last = try fixture.store.page(limit: 3, offset: 6)
        #expect(last.entries.map(\.prompt) == ["picture number 0"])
        #expect(try fixture.store.page(limit: 3, offset: 9).entries.isEmpty)
    }

    @Test func modelAndSinceFilter() throws {
        let fixture = try GalleryFixture()
        try fixture.save("old two", model: "gpt-image-2", created: day(1))
        try fixture.save("new two", model: "gpt-image-2", created: day(5))
        try fixture.save("new one", model: "gpt-image-1", created: day(6))

        #expect(try fixture.store.page(GalleryQuery(model: "gpt-image-2"), limit: 10).entries.map(\.prompt) == ["new two", "old two"])
        #expect(try fixture.store.page(GalleryQuery(since: day(4)), limit: 10).entries.map(\.prompt) == ["new one", "new two"])
        let both = try fixture.store.page(GalleryQuery(model: "gpt-image-2", since: day(4)), limit: 10)
        #expect(both.entries.map(\.prompt) == ["new two"] && both.total == 1)
        #expect(try fixture.store.page(GalleryQuery(model: "dall-e"), limit: 10).total == 0)
    }

    @Test func searchMatchesEveryWordAsAPrefixIgnoringCaseAndAccents() throws {
        let fixture = try GalleryFixture()
        try fixture.save("A red fox in the snow", created: day(1))
        try fixture.save("Foxglove flowers at dawn", created: day(2))
        try fixture.save("Crème brûlée on a plate", created: day(3))

        func search(_ query: String) throws -> [String] { try fixture.store.page(GalleryQuery(text: query), limit: 10).entries.map(\.prompt) }
        #expect(try search("fox") == ["Foxglove flowers at dawn", "A red fox in the snow"])
        #expect(try search("FOX sno") == ["A red fox in the snow"])
        #expect(try search("creme brulee") == ["Crème brûlée on a plate"])
        #expect(try search("fox plate").isEmpty)
        #expect(try fixture.store.page(GalleryQuery(text: "fox"), limit: 1).total == 2)
        // Query syntax characters are searched for as text, never a syntax error.
        #expect(try search("\"fox* (snow) NEAR").isEmpty, "NEAR is a word here, and no prompt has it")
        #expect(try search("\"fox* (snow") == ["A red fox in the snow"])
        #expect(try search("  ,;  ").count == 3, "a query without words lists everything")
    }

    @Test func chineseAndJapaneseMatchAnywhereInTheirRun() throws {
        let fixture = try GalleryFixture()
        try fixture.save("雪の中の赤い狐", created: day(1))
        try fixture.save("一只在雪地里的红狐狸", created: day(2))
        try fixture.save("赤い花 with a fox", created: day(3))

        func search(_ query: String) throws -> [String] { try fixture.store.page(GalleryQuery(text: query), limit: 10).entries.map(\.prompt) }
        #expect(try search("狐") == ["一只在雪地里的红狐狸", "雪の中の赤い狐"])
        #expect(try search("赤い狐") == ["雪の中の赤い狐"], "a run of characters must appear as written")
        #expect(try search("赤い") == ["赤い花 with a fox", "雪の中の赤い狐"])
        #expect(try search("狐狸") == ["一只在雪地里的红狐狸"])
        #expect(try search("赤い fo") == ["赤い花 with a fox"])
        #expect(try search("狐い").isEmpty)
    }

    @Test func entryIsFoundByIDRelativePathOrAbsolutePath() throws {
        let fixture = try GalleryFixture()
        let saved = try fixture.save("find me")
        #expect(try fixture.store.entry(matching: saved.id) == saved)
        #expect(try fixture.store.entry(matching: saved.relativePath) == saved)
        #expect(try fixture.store.entry(matching: saved.url.path) == saved)
        #expect(try fixture.store.entry(matching: "nope") == nil)
    }

    @Test func statsCountImagesAndCreditsPerDayMonthAndModel() throws {
        let fixture = try GalleryFixture()
        try fixture.save("a", model: "gpt-image-2", created: day(0), credits: 10)
        try fixture.save("b", model: "gpt-image-2", created: day(0, hour: 13), credits: 5)
        try fixture.save("c", model: "gpt-image-1", created: day(40), credits: 7)
        try fixture.save("d", model: "gpt-image-1", created: day(41), credits: nil)

        let stats = try fixture.store.stats()
        let formatter = DateFormatter()
        formatter.timeZone = .current
        formatter.dateFormat = "yyyy-MM-dd"
        let days = [day(41), day(40), day(0)].map(formatter.string)
        #expect(stats.byDay.map(\.key) == days)
        #expect(stats.byDay.map(\.images) == [1, 1, 2])
        #expect(stats.byDay.map(\.credits) == [0, 7, 15])
        formatter.dateFormat = "yyyy-MM"
        let months = Array(Set([day(0), day(40), day(41)].map(formatter.string))).sorted(by: >)
        #expect(stats.byMonth.map(\.key) == months)
        #expect(stats.byMonth.map(\.images).reduce(0, +) == 4)
        #expect(stats.byModel.map(\.key) == ["gpt-image-2", "gpt-image-1"])
        #expect(stats.byModel.map(\.credits) == [15, 7])
        #expect(stats.totalImages == 4 && stats.totalCredits == 22)
    }
}
