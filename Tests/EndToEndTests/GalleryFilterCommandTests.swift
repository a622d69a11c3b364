import Foundation
import Testing
import TestSupport

/// `gallery list` and `gallery search` with the filters and orders, run as a user would on a
/// temp gallery of known sizes, qualities, dates and costs.
@Suite struct GalleryFilterCommandTests {
    struct Setup {
        let dir: TemporaryDirectory
        let gallery: URL
        var environment: [String: String] { dir.isolatedEnvironment(["PIXTERM_GALLERY": gallery.path]) }

        init() throws {
            dir = try TemporaryDirectory()
            gallery = dir.url.appendingPathComponent("gallery")
            let seed = GallerySeed(folder: gallery)
            try seed.image("2026/10/01/100000-a-fox-aaaa0001-0.png", id: "aaaa0001-0", prompt: "A fox in the snow", model: "gpt-image-2", created: "2026-10-01T10:00:00Z", credits: 12)
            try seed.image(
                "2026/10/20/100000-foxglove-bbbb0002-0.png", id: "bbbb0002-0", prompt: "Foxglove at dawn", model: "gpt-image-1", created: "2026-10-20T10:00:00Z", credits: 40,
                size: "1536x1024", quality: "high")
            try seed.image(
                "2026/11/02/100000-owl-cccc0003-0.png", id: "cccc0003-0", prompt: "An owl at night", model: "gpt-image-2", created: "2026-11-02T10:00:00Z", credits: nil,
                size: "1536x1024", quality: "high")
            try seed.image("2026/11/03/100000-fox-dddd0004-0.png", id: "dddd0004-0", prompt: "A fox at noon", model: "gpt-image-2", created: "2026-11-03T10:00:00Z", credits: 7, quality: "medium")
        }

        func run(_ arguments: [String]) async throws -> PixtermBinary.Output { try await PixtermBinary.run(arguments, environment: environment) }

        func ids(_ arguments: [String]) async throws -> [String] {
            let output = try await run(arguments + ["--json"])
            #expect(output.status == 0, "\(arguments): \(output.stderr)")
            let page = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
            return ((page["entries"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String }
        }
    }

    @Test func listFiltersBySizeQualityDateRangeAndCredits() async throws {
        let setup = try Setup()
        defer { setup.dir.remove() }
        #expect(try await setup.ids(["gallery", "list", "--size", "1536x1024"]) == ["cccc0003-0", "bbbb0002-0"])
        #expect(try await setup.ids(["gallery", "list", "--quality", "high"]) == ["cccc0003-0", "bbbb0002-0"])
        #expect(try await setup.ids(["gallery", "list", "--quality", "medium"]) == ["dddd0004-0"])
        // --since is inclusive, --until exclusive.
        #expect(try await setup.ids(["gallery", "list", "--since", "2026-10-20T10:00:00Z", "--until", "2026-11-03T10:00:00Z"]) == ["cccc0003-0", "bbbb0002-0"])
        #expect(try await setup.ids(["gallery", "list", "--until", "2026-10-20"]) == ["aaaa0001-0"])
        // Credit bounds are inclusive; the image of unknown cost matches none.
        #expect(try await setup.ids(["gallery", "list", "--min-credits", "12"]) == ["bbbb0002-0", "aaaa0001-0"])
        #expect(try await setup.ids(["gallery", "list", "--max-credits", "12"]) == ["dddd0004-0", "aaaa0001-0"])
        #expect(try await setup.ids(["gallery", "list", "--model", "gpt-image-2", "--quality", "high", "--size", "1536x1024"]) == ["cccc0003-0"])

        let text = try await setup.run(["gallery", "list", "--quality", "high", "--limit", "1"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("cccc0003-0") && text.stdout.contains("1536x1024"))
        #expect(text.stdout.contains("(1 of 2; --limit shows more)"))
    }

    @Test func listSortsNewestOldestOrByCost() async throws {
        let setup = try Setup()
        defer { setup.dir.remove() }
        #expect(try await setup.ids(["gallery", "list", "--sort", "newest"]) == ["dddd0004-0", "cccc0003-0", "bbbb0002-0", "aaaa0001-0"])
        #expect(try await setup.ids(["gallery", "list", "--sort", "oldest"]) == ["aaaa0001-0", "bbbb0002-0", "cccc0003-0", "dddd0004-0"])
        #expect(try await setup.ids(["gallery", "list", "--sort", "cost"]) == ["bbbb0002-0", "aaaa0001-0", "dddd0004-0", "cccc0003-0"])
        #expect(try await setup.ids(["gallery", "list", "--sort", "cost", "--limit", "1"]) == ["bbbb0002-0"])
    }

    @Test func searchTakesTheSameFilters() async throws {
        let setup = try Setup()
        defer { setup.dir.remove() }
        #expect(try await setup.ids(["gallery", "search", "fox"]) == ["dddd0004-0", "bbbb0002-0", "aaaa0001-0"])
        #expect(try await setup.ids(["gallery", "search", "fox", "--model", "gpt-image-2", "--sort", "oldest"]) == ["aaaa0001-0", "dddd0004-0"])
        #expect(try await setup.ids(["gallery", "search", "fox", "--quality", "high"]) == ["bbbb0002-0"])
        #expect(try await setup.ids(["gallery", "search", "fox", "--sort", "cost", "--max-credits", "12"]) == ["aaaa0001-0", "dddd0004-0"])
        let refused = try await setup.run(["gallery", "search", "fox", "--sort", "price"])
        #expect(refused.status == 64 && refused.stderr.contains("--sort: \"price\" is not an order; use newest, oldest or cost"))
    }

    /// Each value that cannot be used is refused before the gallery is read, naming the option
    /// and saying what it takes.
    @Test func invalidValuesAreRefusedWithWhatIsWrong() async throws {
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
