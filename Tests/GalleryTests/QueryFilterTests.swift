import Foundation
@testable import Gallery
import PixapiKit
import Testing

/// The filters beyond the text (model, size, quality, dates, credits), each order, and both
/// together with the full-text search, as `gallery list` and the filter bar ask for them.
@Suite struct QueryFilterTests {
    /// Five images: two models, two sizes, three qualities, credits from unknown to 40.
    func gallery() throws -> GalleryFixture {
        let fixture = try GalleryFixture()
        try fixture.save("red fox at dawn", model: "gpt-image-2", created: day(1), credits: 3, size: .pixels(width: 1024, height: 1024), quality: .low)
        try fixture.save("blue fox at noon", model: "gpt-image-1.5", created: day(2), credits: 40, size: .pixels(width: 1536, height: 1024), quality: .high)
        try fixture.save("lighthouse at dusk", model: "gpt-image-2", created: day(3), credits: 10, size: .pixels(width: 1024, height: 1024), quality: .medium)
        try fixture.save("fox in a lighthouse", model: "gpt-image-2", created: day(4), credits: nil, size: .pixels(width: 1536, height: 1024), quality: .high)
        try fixture.save("snow owl", model: "gpt-image-1.5", created: day(5), credits: 40, size: .pixels(width: 1024, height: 1024), quality: .auto)
        return fixture
    }

    func prompts(_ fixture: GalleryFixture, _ query: GalleryQuery, limit: Int = 10, offset: Int = 0) throws -> [String] {
        try fixture.store.page(query, limit: limit, offset: offset).entries.map(\.prompt)
    }

    @Test func sizeAndQualityEachNarrowTheList() throws {
        let fixture = try gallery()
        #expect(try prompts(fixture, GalleryQuery(size: "1536x1024")) == ["fox in a lighthouse", "blue fox at noon"])
        #expect(try prompts(fixture, GalleryQuery(quality: "high")) == ["fox in a lighthouse", "blue fox at noon"])
        #expect(try prompts(fixture, GalleryQuery(quality: "auto")) == ["snow owl"])
        #expect(try prompts(fixture, GalleryQuery(size: "1024x1024", quality: "low")) == ["red fox at dawn"])
        #expect(try fixture.store.page(GalleryQuery(size: "1024x1024"), limit: 1).total == 3)
        #expect(try prompts(fixture, GalleryQuery(size: "2048x2048")).isEmpty)
    }

    /// `since` keeps an image made at that very instant, `until` leaves it out.
    @Test func sinceIsInclusiveAndUntilExclusive() throws {
        let fixture = try gallery()
        #expect(try prompts(fixture, GalleryQuery(since: day(3))) == ["snow owl", "fox in a lighthouse", "lighthouse at dusk"])
        #expect(try prompts(fixture, GalleryQuery(until: day(3))) == ["blue fox at noon", "red fox at dawn"])
        #expect(try prompts(fixture, GalleryQuery(since: day(2), until: day(4))) == ["lighthouse at dusk", "blue fox at noon"])
        #expect(try prompts(fixture, GalleryQuery(since: day(3), until: day(3))).isEmpty)
    }

    /// Both bounds keep the image at the bound; an image of unknown cost matches no bound.
    @Test func creditBoundsAreInclusiveAndSkipUnknownCosts() throws {
        let fixture = try gallery()
        #expect(try prompts(fixture, GalleryQuery(minCredits: 10)) == ["snow owl", "lighthouse at dusk", "blue fox at noon"])
        #expect(try prompts(fixture, GalleryQuery(maxCredits: 10)) == ["lighthouse at dusk", "red fox at dawn"])
        #expect(try prompts(fixture, GalleryQuery(minCredits: 10, maxCredits: 10)) == ["lighthouse at dusk"])
        #expect(try prompts(fixture, GalleryQuery(minCredits: 0)).count == 4, "the image of unknown cost is not free")
        #expect(try fixture.store.page(GalleryQuery(), limit: 10).total == 5)
    }

    @Test func eachOrder() throws {
        let fixture = try gallery()
        #expect(try prompts(fixture, GalleryQuery(sort: .newest)) == ["snow owl", "fox in a lighthouse", "lighthouse at dusk", "blue fox at noon", "red fox at dawn"])
        #expect(try prompts(fixture, GalleryQuery(sort: .oldest)) == ["red fox at dawn", "blue fox at noon", "lighthouse at dusk", "fox in a lighthouse", "snow owl"])
        // Dearest first, the newer of two at 40 first, the unknown cost last.
        #expect(try prompts(fixture, GalleryQuery(sort: .cost)) == ["snow owl", "blue fox at noon", "lighthouse at dusk", "red fox at dawn", "fox in a lighthouse"])
        // Pages follow the order.
        #expect(try prompts(fixture, GalleryQuery(sort: .cost), limit: 2, offset: 2) == ["lighthouse at dusk", "red fox at dawn"])
        #expect(try prompts(fixture, GalleryQuery(sort: .oldest), limit: 2, offset: 4) == ["snow owl"])
    }

    /// Every condition must hold, with the words of the full-text search too; the total counts
    /// only what all of them select.
    @Test func filtersComposeWithTheTextSearchAndEachOther() throws {
        let fixture = try gallery()
        #expect(try prompts(fixture, GalleryQuery(text: "fox", model: "gpt-image-2")) == ["fox in a lighthouse", "red fox at dawn"])
        #expect(try prompts(fixture, GalleryQuery(text: "fox", quality: "high", sort: .oldest)) == ["blue fox at noon", "fox in a lighthouse"])
        #expect(try prompts(fixture, GalleryQuery(text: "lighthouse", maxCredits: 40)) == ["lighthouse at dusk"])
        #expect(try prompts(fixture, GalleryQuery(text: "fox", sort: .cost)) == ["blue fox at noon", "red fox at dawn", "fox in a lighthouse"])
        let narrow = GalleryQuery(text: "fox", model: "gpt-image-2", size: "1024x1024", quality: "low", since: day(1), until: day(2), minCredits: 3, maxCredits: 3)
        let page = try fixture.store.page(narrow, limit: 10)
        #expect(page.entries.map(\.prompt) == ["red fox at dawn"] && page.total == 1)
        #expect(try fixture.store.page(GalleryQuery(text: "fox", model: "gpt-image-1.5"), limit: 10).total == 1)
        #expect(try prompts(fixture, GalleryQuery(text: "owl", quality: "low")).isEmpty)
    }
}

/// Filter values as typed on the command line or in the filter bar.
@Suite struct QueryInputTests {
    @Test func sizesQualitiesAndOrdersAreReadOrRefusedWithTheReason() throws {
        #expect(try GalleryQueryInput.size(" 1536X1024 ") == "1536x1024")
        #expect(try GalleryQueryInput.size("1024×1536") == "1024x1536")
        #expect(throws: GalleryQueryInputError.self) { try GalleryQueryInput.size("12x") }
        #expect(throws: GalleryQueryInputError.self) { try GalleryQueryInput.size("0x10") }
        #expect(throws: GalleryQueryInputError(message: "auto is not a stored size: images asked for as auto are listed by the size the server chose, like 1024x1024")) {
            try GalleryQueryInput.size("auto")
        }
        #expect(try GalleryQueryInput.quality("HIGH") == "high")
        #expect(throws: GalleryQueryInputError(message: "\"ultra\" is not a quality; use low, medium, high or auto")) { try GalleryQueryInput.quality("ultra") }
        #expect(try GalleryQueryInput.sort("cost") == .cost)
        #expect(throws: GalleryQueryInputError(message: "\"random\" is not an order; use newest, oldest or cost")) { try GalleryQueryInput.sort("random") }
        #expect(try GalleryQueryInput.credits("12") == 12)
        #expect(throws: GalleryQueryInputError.self) { try GalleryQueryInput.credits("-1") }
        #expect(throws: GalleryQueryInputError.self) { try GalleryQueryInput.credits("ten") }
    }

    @Test func datesAreDaysMomentsOrAgesAndReadBackFromTheirText() throws {
        let now = day(10)
        #expect(try GalleryQueryInput.date("7d", now: now) == day(3))
        #expect(try GalleryQueryInput.date("36h", now: now) == now.addingTimeInterval(-36 * 3600))
        #expect(try GalleryQueryInput.date("2w", now: now) == day(-4))
        #expect(try GalleryQueryInput.date("2026-06-01T09:30:00Z", now: now) == Date(timeIntervalSince1970: 1_780_306_200))
        let midnight = try GalleryQueryInput.date("2026-11-01", now: now)
        #expect(Calendar.current.startOfDay(for: midnight) == midnight)
        #expect(GalleryQueryInput.text(for: midnight) == "2026-11-01")
        #expect(try GalleryQueryInput.date(GalleryQueryInput.text(for: day(3)), now: now) == day(3))
        #expect(throws: GalleryQueryInputError.self) { try GalleryQueryInput.date("tomorrow", now: now) }
    }

    @Test func emptyRangesAreNamed() {
        #expect(GalleryQuery(since: day(2), until: day(2)).hasEmptyDateRange)
        #expect(!GalleryQuery(since: day(2), until: day(3)).hasEmptyDateRange)
        #expect(GalleryQuery(minCredits: 5, maxCredits: 4).hasEmptyCreditRange)
        #expect(!GalleryQuery(minCredits: 5, maxCredits: 5).hasEmptyCreditRange)
    }
}
