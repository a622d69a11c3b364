import Foundation
import ImageCodec
import Testing
import TestSupport

/// `pixterm generate` and `pixterm edit` as a user runs them, against `pixterm sim` on loopback.
final class ImageCommandTests {
    static let key = "sk-e2e-secret-4f1c"
    let fixture: CommandFixture
    var sim: SimulatorProcess { fixture.sim }
    var dir: TemporaryDirectory { fixture.dir }

    init() throws { fixture = try CommandFixture() }

    private func run(_ arguments: [String], key: String? = ImageCommandTests.key, stdin: String? = nil) async throws -> PixtermBinary.Output {
        try await fixture.run(arguments, key: key, stdin: stdin)
    }

    private func sidecar(of path: String) throws -> [String: Any] {
        let url = URL(fileURLWithPath: path).appendingPathExtension("json")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    private func paths(_ output: PixtermBinary.Output) throws -> [String] {
        try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String], "stdout: \(output.stdout) stderr: \(output.stderr)")
    }

    /// Every file under the test's data folder, so a test can show that nothing was left behind.
    private func galleryFiles() -> [String] {
        let root = dir.path("data") + "/pixterm/gallery"
        let all = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String]) ?? []
        return all.filter { $0.hasSuffix(".png") || $0.hasSuffix(".jpg") || $0.hasSuffix(".json") }
    }

    private func writePNG(_ name: String, width: Int, height: Int) throws -> String {
        let pixels: [UInt8] = (0..<(width * height)).flatMap { (i: Int) -> [UInt8] in [UInt8(i % 251), 90, 200, 255] }
        let bytes = try PNGCodec.encode(RGBAImage(width: width, height: height, pixels: pixels))
        let path = dir.path(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(arguments: [("url", false), ("b64_json", false), ("url", true), ("b64_json", true)])
    func generateSavesImagesWithSidecars(format: String, async: Bool) async throws {
        var arguments = ["generate", "a red fox in snow", "-s", "1536x1024", "-q", "low", "-n", "2", "--response-format", format, "--json"]
        if async { arguments.append("--async") }
        let output = try await run(arguments)
        #expect(output.status == 0, "\(output.stderr)")
        let saved = try paths(output)
        #expect(saved.count == 2)
        #expect(Set(saved).count == 2)
        let quote = try await run(["cost", "-s", "1536x1024", "-q", "low", "-n", "2", "--json"])
        let cost = try #require(try JSONSerialization.jsonObject(with: Data(quote.stdout.utf8)) as? [String: Any])
        for (index, path) in saved.enumerated() {
            let header = try #require(try ImageHeader.read(contentsOf: URL(fileURLWithPath: path)))
            #expect(header.format == .png && header.width == 1536 && header.height == 1024)
            #expect(try ImageDecoder.decode(contentsOf: URL(fileURLWithPath: path)).width == 1536)
            let sidecar = try sidecar(of: path)
            #expect(sidecar["prompt"] as? String == "a red fox in snow")
            #expect(sidecar["model"] as? String == "gpt-image-2")
            #expect(sidecar["size"] as? String == "1536x1024")
            #expect(sidecar["quality"] as? String == "low")
            #expect(sidecar["n"] as? Int == 2)
            #expect(sidecar["index"] as? Int == index)
            #expect(sidecar["endpoint"] as? String == (async ? "/v1/async/images/generations" : "/v1/images/generations"))
            #expect((sidecar["taskID"] as? String != nil) == async)
            #expect(sidecar["creditsPerImage"] as? Int == cost["creditsPerImage"] as? Int)
            #expect(sidecar["requestCost"] as? Int == cost["costCredits"] as? Int)
            #expect(sidecar["created"] != nil)
        }
        let posts = try sim.receivedRequests().filter { ($0["method"] as? String) == "POST" }
        #expect(posts.count == 1)
        let fields = try #require(posts.first?["fields"] as? [String: String])
        #expect(fields["response_format"] == format && fields["n"] == "2" && fields["size"] == "1536x1024")
    }

    @Test func pathsArePrintedOnePerLineAndThePromptCanComeFromStandardInput() async throws {
        let output = try await run(["generate", "-", "-n", "3", "-s", "1024x1024"], stdin: "a lighthouse\nat dusk\n")
        #expect(output.status == 0, "\(output.stderr)")
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        for line in lines { #expect(FileManager.default.fileExists(atPath: line)) }
        #expect(try sidecar(of: lines[0])["prompt"] as? String == "a lighthouse\nat dusk")
    }

    @Test(arguments: [false, true])
    func editSendsOneOrSeveralImagesAndAMask(several: Bool) async throws {
        let first = try writePNG("cat.png", width: 64, height: 64)
        let mask = try writePNG("mask.png", width: 64, height: 64)
        var arguments = ["edit", "add a hat", "--image", first, "--mask", mask, "-s", "1024x1024", "--json"]
        if several { arguments += ["--image", try writePNG("hat.png", width: 32, height: 48), "--async"] }
        let output = try await run(arguments)
        #expect(output.status == 0, "\(output.stderr)")
        let saved = try paths(output)
        #expect(saved.count == 1)
        let sidecar = try sidecar(of: saved[0])
        #expect(sidecar["endpoint"] as? String == (several ? "/v1/async/images/edits" : "/v1/images/edits"))
        #expect((sidecar["sourceImages"] as? [String])?.count == (several ? 2 : 1))
        #expect(sidecar["mask"] as? String == mask)
        let post = try #require(try sim.receivedRequests().first { ($0["method"] as? String) == "POST" })
        let files = try #require(post["files"] as? [[String: Any]])
        #expect(files.compactMap { $0["part"] as? String } == (several ? ["image[]", "image[]", "mask"] : ["image", "mask"]))
        #expect(files.allSatisfy { $0["format"] as? String == "png" })
    }

    /// The sidecar names the sources as absolute, normalised paths, so reuse works from any
    /// folder and the gallery can link the edit to a source inside it.
    @Test func anEditRecordsItsSourcesAsAbsolutePaths() async throws {
        let first = try writePNG("cat.png", width: 64, height: 64)
        let mask = try writePNG("mask.png", width: 64, height: 64)
        try FileManager.default.createDirectory(atPath: dir.path("sub"), withIntermediateDirectories: true)
        let roundabout = { (name: String) in self.dir.path("sub") + "/../" + name }
        let output = try await run(["edit", "add a hat", "--image", roundabout("cat.png"), "--mask", roundabout("mask.png"), "-s", "1024x1024", "--json"])
        #expect(output.status == 0, "\(output.stderr)")
        let sidecar = try sidecar(of: try #require(try paths(output).first))
        #expect(sidecar["sourceImages"] as? [String] == [first])
        #expect(sidecar["mask"] as? String == mask)
    }

    @Test(arguments: [
        (["generate", "x", "-s", "1000x1000"], "Nearest valid: 1008x1008 or 992x992"),
        (["generate", "x", "-s", "3840x1024"], "at most 3x the short edge"),
        (["generate", "", "-s", "1024x1024"], "prompt"),
        (["generate", "x", "-n", "0"], "n"),
        (["generate", "x", "-q", "ultra"], "quality"),
        (["generate", "x", "-m", "dall-e-9"], "dall-e-9"),
        (["generate", "x", "--response-format", "gif"], "--response-format"),
        (["edit", "x", "--image", "/nonexistent/cat.png"], "/nonexistent/cat.png"),
        (["edit", "x"], "--image"),
    ])
    func invalidInputExitsBeforeAnyRequest(arguments: [String], reason: String) async throws {
        let output = try await run(arguments)
        #expect(output.status == 2, "\(output.stderr)")
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.hasPrefix("pixterm: "))
        #expect(output.stderr.filter { $0 == "\n" }.count == 1, "one line: \(output.stderr)")
        #expect(output.stderr.contains(reason), "\(output.stderr)")
        #expect(try sim.receivedRequests().isEmpty)
        #expect(galleryFiles().isEmpty)
    }

    @Test func aMissingKeySaysWhereAKeyIsReadFrom() async throws {
        let output = try await run(["generate", "a fox"], key: nil)
        #expect(output.status == 2)
        #expect(output.stderr.contains("PIXAPI_KEY") && output.stderr.contains("config.toml"))
        #expect(try sim.receivedRequests().isEmpty)
    }

    @Test func requestsAboveMaxCreditsNeedYes() async throws {
        let refused = try await run(["generate", "a fox", "-s", "3840x2160", "-q", "high", "-n", "2", "--max-credits", "100"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("above the limit of 100") && refused.stderr.contains("--yes"))
        #expect(try sim.receivedRequests().isEmpty)

        let accepted = try await run(["generate", "a fox", "-s", "1024x1024", "-q", "low", "--max-credits", "1", "--yes"])
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(try sim.receivedRequests().filter { ($0["method"] as? String) == "POST" }.count == 1)
    }

    @Test func serverErrorsArePrintedWithoutControlCharactersOrTheKey() async throws {
        let hostile = "bad \\u001b]0;owned\\u0007 request \\u001b[2J for \(Self.key)"
        try sim.schedule(#"[{"kind":"status","status":400,"message":"\#(hostile)"}]"#)
        let output = try await run(["generate", "a fox", "-s", "1024x1024"])
        #expect(output.status != 0)
        #expect(output.stderr.contains("bad"))
        #expect(!output.stderr.contains("\u{1B}") && !output.stderr.contains("\u{07}"))
        #expect(!output.stderr.contains(Self.key) && !output.stdout.contains(Self.key))
        #expect(galleryFiles().isEmpty)
    }

    @Test func refusalsAndRetriesEndInAClearMessageOrASavedImage() async throws {
        try sim.schedule(#"[{"kind":"status","status":429,"retryAfter":1,"count":1}]"#)
        let retried = try await run(["generate", "a fox", "-s", "1024x1024", "--json"])
        #expect(retried.status == 0, "\(retried.stderr)")
        #expect(try sim.receivedRequests().filter { ($0["method"] as? String) == "POST" }.map { $0["status"] as? Int } == [429, 200])
        #expect(try paths(retried).count == 1)

        try sim.schedule(#"[{"kind":"status","status":401}]"#)
        let unauthorized = try await run(["generate", "a fox", "-s", "1024x1024"])
        #expect(unauthorized.status != 0)
        #expect(unauthorized.stderr.lowercased().contains("key"), "\(unauthorized.stderr)")
        #expect(!unauthorized.stderr.contains(Self.key))
        #expect(!unauthorized.stderr.contains("retry"))
    }

    @Test func noKeyEverReachesTheGallery() async throws {
        let output = try await run(["generate", "a fox", "-s", "1024x1024", "--async", "--json"])
        #expect(output.status == 0, "\(output.stderr)")
        let root = dir.path("data")
        let files = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String]) ?? []
        #expect(!files.isEmpty)
        for file in files {
            guard let data = FileManager.default.contents(atPath: root + "/" + file) else { continue }
            #expect(!String(decoding: data, as: UTF8.self).contains(Self.key), "\(file)")
        }
    }
}
