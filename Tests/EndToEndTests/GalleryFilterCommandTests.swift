import Foundation
import Testing
import TestSupport

/// `gallery list` and `gallery search` with the filters and orders, on `Setup`'s gallery plus
/// two images of other sizes and qualities, one of unknown cost.
extension GalleryCommandTests {
    /// The setup's gallery with an owl (gpt-image-2, 40 credits, high, 1536x1024, 2026-10-25)
    /// and a fox at noon (gpt-image-1, cost unknown, medium, 1536x1024, 2026-11-03).
    func filterSetup() throws -> Setup {
        let setup = try Setup()
        let seed = GallerySeed(folder: setup.gallery)
        try seed.image(
            "2026/10/25/100000-owl-dddd0004-0.png", id: "dddd0004-0", prompt: "An owl at night", model: "gpt-image-2", created: "2026-10-25T10:00:00Z", credits: 40,
            size: "1536x1024", quality: "high")
        try seed.image(
            "2026/11/03/100000-fox-eeee0005-0.png", id: "eeee0005-0", prompt: "A fox at noon", model: "gpt-image-1", created: "2026-11-03T10:00:00Z", credits: nil,
            size: "1536x1024", quality: "medium")
        return setup
    }

    /// Leaves out the hand-copied image, dated by its file time (now).
    static let before4November = ["--since", "2026-01-01T00:00:00Z", "--until", "2026-11-04T00:00:00Z", "--json"]

    @Test func listFiltersBySizeQualityDateRangeAndCredits() async throws {
        let setup = try filterSetup()
        defer { setup.dir.remove() }
        #expect(try await setup.ids(["gallery", "list", "--size", "1536x1024", "--json"]) == ["eeee0005-0", "dddd0004-0"])
        #expect(try await setup.ids(["gallery", "list", "--quality", "high", "--json"]) == ["dddd0004-0"])
        #expect(try await setup.ids(["gallery", "list", "--quality", "low", "--json"]) == ["cccc0003-0", "bbbb0002-0", "aaaa0001-0"])
        // --since is inclusive, --until exclusive.
        #expect(try await setup.ids(["gallery", "list", "--since", "2026-10-20T10:00:00Z", "--until", "2026-11-02T10:00:00Z", "--json"]) == ["dddd0004-0", "bbbb0002-0"])
        // Credit bounds are inclusive; an image of unknown cost matches none.
        #expect(try await setup.ids(["gallery", "list", "--min-credits", "12", "--json"]) == ["cccc0003-0", "dddd0004-0", "aaaa0001-0"])
        #expect(try await setup.ids(["gallery", "list", "--max-credits", "12", "--json"]) == ["cccc0003-0", "bbbb0002-0", "aaaa0001-0"])
        #expect(try await setup.ids(["gallery", "list", "--model", "gpt-image-2", "--quality", "high", "--size", "1536x1024", "--json"]) == ["dddd0004-0"])

        let text = try await setup.run(["gallery", "list", "--quality", "low", "--limit", "1"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("cccc0003-0  2026-11-02"))
        #expect(text.stdout.contains("(1 of 3; --limit shows more)"))
    }

    /// Newest, oldest, or dearest first (the newer of two at one price first, unknown costs last).
    @Test func listSortsNewestOldestOrByCost() async throws {
        let setup = try filterSetup()
        defer { setup.dir.remove() }
        let list = ["gallery", "list"] + Self.before4November
        #expect(try await setup.ids(list + ["--sort", "newest"]) == ["eeee0005-0", "cccc0003-0", "dddd0004-0", "bbbb0002-0", "aaaa0001-0"])
        #expect(try await setup.ids(list + ["--sort", "oldest"]) == ["aaaa0001-0", "bbbb0002-0", "dddd0004-0", "cccc0003-0", "eeee0005-0"])
        #expect(try await setup.ids(list + ["--sort", "cost"]) == ["dddd0004-0", "cccc0003-0", "aaaa0001-0", "bbbb0002-0", "eeee0005-0"])
        #expect(try await setup.ids(list + ["--sort", "cost", "--limit", "1"]) == ["dddd0004-0"])
    }

    @Test func searchTakesTheSameFilters() async throws {
        let setup = try filterSetup()
        defer { setup.dir.remove() }
        #expect(try await setup.ids(["gallery", "search", "fox", "--json"]) == ["eeee0005-0", "bbbb0002-0", "aaaa0001-0"])
        #expect(try await setup.ids(["gallery", "search", "fox", "--model", "gpt-image-1", "--sort", "oldest", "--json"]) == ["bbbb0002-0", "eeee0005-0"])
        #expect(try await setup.ids(["gallery", "search", "fox", "--quality", "medium", "--json"]) == ["eeee0005-0"])
        #expect(try await setup.ids(["gallery", "search", "fox", "--sort", "cost", "--max-credits", "12", "--json"]) == ["aaaa0001-0", "bbbb0002-0"])
        let refused = try await setup.run(["gallery", "search", "fox", "--sort", "price"])
        #expect(refused.status == 64 && refused.stderr.contains("--sort: \"price\" is not an order; use newest, oldest or cost"))
    }

    /// Each value that cannot be used is refused before the gallery is read, naming the option
    /// and saying what it takes.
    @Test func invalidFilterValuesAreRefusedWithWhatIsWrong() async throws {
        let setup = try Setup()
        defer { setup.dir.remove() }
        let cases: [([String], String)] = [
            (["--size", "1024"], "--size: \"1024\" is not a size like 1024x1024 (WIDTHxHEIGHT in pixels)"),
            (["--size", "auto"], "--size: auto is not a stored size"),
            (["--quality", "ultra"], "--quality: \"ultra\" is not a quality; use low, medium, high or auto"),
            (["--sort", "random"], "--sort: \"random\" is not an order; use newest, oldest or cost"),
            (["--until", "soon"], "--until: \"soon\" is not a day like 2026-11-01, an ISO 8601 time, or an age like 36h, 7d or 2w"),
            (["--since", "2026-11-01", "--until", "2026-10-01"], "--until 2026-10-01 is not after --since 2026-11-01, so no image can match"),
            (["--min-credits", "20", "--max-credits", "10"], "--min-credits 20 is more than --max-credits 10, so no image can match"),
            (["--min-credits=-1"], "--min-credits must be 0 or more (got -1)"),
        ]
        for (arguments, message) in cases {
            let output = try await setup.run(["gallery", "list"] + arguments)
            #expect(output.status == 64, "\(arguments)")
            #expect(output.stderr.contains("Error: " + message), "\(arguments): \(output.stderr)")
            #expect(output.stdout.isEmpty)
        }
    }
}
