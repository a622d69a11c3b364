import Foundation
import Testing
import TestSupport

/// `pixterm gallery ...` run as a user would, on a temp gallery with known contents.
@Suite struct GalleryCommandTests {
    /// A temp home with a gallery of three generated images and one copied in by hand.
    struct Setup {
        let dir: TemporaryDirectory
        let gallery: URL
        var environment: [String: String] { dir.isolatedEnvironment(["PIXTERM_GALLERY": gallery.path]) }

        init() throws {
            dir = try TemporaryDirectory()
            gallery = dir.url.appendingPathComponent("gallery")
            let seed = GallerySeed(folder: gallery)
            try seed.image("2026/10/01/100000-a-fox-aaaa0001-0.png", id: "aaaa0001-0", prompt: "A fox in the snow", model: "gpt-image-2", created: "2026-10-01T10:00:00Z", credits: 12)
            try seed.image("2026/10/20/100000-foxglove-bbbb0002-0.png", id: "bbbb0002-0", prompt: "Foxglove at dawn", model: "gpt-image-1", created: "2026-10-20T10:00:00Z", credits: 7)
            try seed.image("2026/11/02/100000-image-cccc0003-0.png", id: "cccc0003-0", prompt: "雪の中の赤い狐 \u{1B}]0;pwned\u{07}", model: "gpt-image-2", created: "2026-11-02T10:00:00Z", credits: 12)
            try seed.plainImage("imports/holiday.png")
        }

        func run(_ arguments: [String]) async throws -> PixtermBinary.Output { try await PixtermBinary.run(arguments, environment: environment) }

        func json(_ arguments: [String]) async throws -> [String: Any] {
            let output = try await run(arguments)
            #expect(output.status == 0, "\(arguments): \(output.stderr)")
            return try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        }

        func ids(_ arguments: [String]) async throws -> [String] {
            try await ((json(arguments)["entries"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String }
        }
    }

    @Test func listPagesFiltersAndPrintsJSON() async throws {
        let setup = try Setup()
        defer { setup.dir.remove() }
        let page = try await setup.json(["gallery", "list", "--limit", "2", "--json"])
        #expect(page["total"] as? Int == 4)
        let entries = try #require(page["entries"] as? [[String: Any]])
        #expect(entries.count == 2)
        // The hand-copied image is dated by its file time (now), so it comes first.
        #expect(entries.first?["hasSidecar"] as? Bool == false)
        #expect(entries.first?["size"] as? String == "8x6")
        #expect(entries.last?["id"] as? String == "cccc0003-0")
        #expect(entries.last?["created"] as? String == "2026-11-02T10:00:00Z")
        #expect((entries.last?["path"] as? String)?.hasPrefix(setup.gallery.path + "/2026/11/02/") == true)
        #expect(try await setup.ids(["gallery", "list", "--model", "gpt-image-2", "--json"]) == ["cccc0003-0", "aaaa0001-0"])
        #expect(try await setup.ids(["gallery", "list", "--since", "2026-10-15", "--model", "gpt-image-1", "--json"]) == ["bbbb0002-0"])

        let text = try await setup.run(["gallery", "list"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("aaaa0001-0  2026-10-01"))
        #expect(text.stdout.contains("12 cr"))
        #expect(!text.stdout.contains("\u{1B}"), "escape sequences from sidecars never reach the terminal")
        #expect(try await setup.run(["gallery", "list", "--since", "someday"]).status != 0)
    }

    @Test func searchFindsWordsPrefixesAndJapanese() async throws {
        let setup = try Setup()
        defer { setup.dir.remove() }
        #expect(try await setup.ids(["gallery", "search", "fox", "--json"]) == ["bbbb0002-0", "aaaa0001-0"])
        #expect(try await setup.ids(["gallery", "search", "fox sno", "--json"]) == ["aaaa0001-0"])
        #expect(try await setup.ids(["gallery", "search", "赤い狐", "--json"]) == ["cccc0003-0"])
        #expect(try await setup.ids(["gallery", "search", "zebra", "--json"]).isEmpty)
        let limited = try await setup.json(["gallery", "search", "fox", "--limit", "1", "--json"])
        #expect(limited["total"] as? Int == 2 && (limited["entries"] as? [Any])?.count == 1)
    }

    @Test func showPrintsSettingsAndAPreview() async throws {
        let setup = try Setup()
        defer { setup.dir.remove() }
        let shown = try await setup.json(["gallery", "show", "aaaa0001-0", "--json"])
        let sidecar = try #require(shown["sidecar"] as? [String: Any])
        #expect(sidecar["prompt"] as? String == "A fox in the snow")
        #expect(sidecar["creditsPerImage"] as? Int == 12)
        #expect((shown["entry"] as? [String: Any])?["model"] as? String == "gpt-image-2")

        let path = setup.gallery.appendingPathComponent("2026/11/02/100000-image-cccc0003-0.png").path
        let text = try await PixtermBinary.run(["gallery", "show", path], environment: setup.environment.merging(["TERM": "xterm-256color"]) { $1 })
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("cccc0003-0"))
        #expect(text.stdout.contains("12 credits per image"))
        #expect(text.stdout.contains("雪の中の赤い狐"))
        #expect(!text.stdout.contains("pwned\u{07}") && !text.stdout.contains("\u{1B}]"))
        let preview = try #require(text.stdout.components(separatedBy: "prompt").last)
        #expect(preview.contains("\u{1B}[") && (preview.contains("▀") || preview.contains("▄")), "a half-block preview follows the settings")
        let plain = try await PixtermBinary.run(["gallery", "show", "cccc0003-0", "--no-preview"], environment: setup.environment.merging(["TERM": "xterm-256color"]) { $1 })
        #expect(plain.status == 0 && plain.stdout.contains("雪の中の赤い狐"))
        #expect(!plain.stdout.contains("▀") && !plain.stdout.contains("▄") && !plain.stdout.contains("\u{1B}"))

        let missing = try await setup.run(["gallery", "show", "nope"])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("pixterm: no image nope in the gallery"))
    }

    @Test func rmMovesToTrashAndRestoreBringsBack() async throws {
        let setup = try Setup()
        defer { setup.dir.remove() }
        let removed = try await setup.run(["gallery", "rm", "bbbb0002-0"])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(removed.stdout.contains("pixterm gallery restore bbbb0002-0"))
        let trashed = setup.gallery.appendingPathComponent(".trash/2026/10/20/100000-foxglove-bbbb0002-0.png")
        #expect(FileManager.default.fileExists(atPath: trashed.path))
        #expect(FileManager.default.fileExists(atPath: trashed.path + ".json"))
        #expect(try await setup.json(["gallery", "list", "--json"])["total"] as? Int == 3)

        let restored = try await setup.run(["gallery", "restore", "bbbb0002-0"])
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(restored.stdout == setup.gallery.appendingPathComponent("2026/10/20/100000-foxglove-bbbb0002-0.png").path + "\n")
        #expect(try await setup.ids(["gallery", "search", "foxglove", "--json"]) == ["bbbb0002-0"])
        #expect(try await setup.run(["gallery", "restore", "bbbb0002-0"]).status == 1)
    }

    @Test func rebuildReportsCountsAndProblemsAndStatsAddUp() async throws {
        let setup = try Setup()
        defer { setup.dir.remove() }
        #expect(try await setup.run(["gallery", "list"]).status == 0)  // makes the index
        try FileManager.default.removeItem(at: setup.gallery.appendingPathComponent(".pixterm/index.sqlite"))
        try Data("{ not json".utf8).write(to: setup.gallery.appendingPathComponent("2026/10/01/100000-a-fox-aaaa0001-0.png.json"))
        let rebuilt = try await setup.run(["gallery", "rebuild"])
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        #expect(rebuilt.stdout.hasPrefix("indexed 4 images, 1 problem\n"))
        #expect(rebuilt.stdout.contains("100000-a-fox-aaaa0001-0.png.json: unreadable sidecar"))

        let stats = try await setup.json(["gallery", "stats", "--json"])
        #expect(stats["totalImages"] as? Int == 4)
        #expect(stats["totalCredits"] as? Int == 19, "the fox lost its sidecar, so only 7 + 12 are known")
        let models = try #require(stats["byModel"] as? [[String: Any]])
        #expect(models.map { $0["key"] as? String } == ["unknown", "gpt-image-2", "gpt-image-1"])
        #expect(models.map { $0["images"] as? Int } == [2, 1, 1])
        let months = try #require(stats["byMonth"] as? [[String: Any]])
        #expect(months.compactMap { $0["images"] as? Int }.reduce(0, +) == 4)
        #expect(months.contains { $0["key"] as? String == "2026-10" && $0["credits"] as? Int == 7 })
        let text = try await setup.run(["gallery", "stats"])
        #expect(text.stdout.hasPrefix("4 images, 19 credits\n"))
        #expect(text.stdout.contains("per model:"))
    }

    @Test func pathFollowsTheFlagThenTheEnvironment() async throws {
        let setup = try Setup()
        defer { setup.dir.remove() }
        #expect(try await setup.run(["gallery", "path"]).stdout == setup.gallery.path + "\n")
        let other = setup.dir.path("elsewhere")
        #expect(try await setup.run(["gallery", "path", "--gallery", other]).stdout == other + "\n")
        let fallback = try await PixtermBinary.run(["gallery", "path"], environment: setup.dir.isolatedEnvironment())
        #expect(fallback.stdout == setup.dir.path("data") + "/pixterm/gallery\n")
    }
}
