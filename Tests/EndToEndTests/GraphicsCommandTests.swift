import Foundation
import ImageCodec
import Testing
import TestSupport

@Suite struct GraphicsCommandTests {
    /// A 64x64 red PNG in `dir`.
    private func redPNG(_ dir: TemporaryDirectory) throws -> String {
        let image = RGBAImage(width: 64, height: 64, pixels: Array([[UInt8]](repeating: [255, 0, 0, 255], count: 64 * 64).joined()))
        let path = dir.path("red.png")
        try Data(PNGCodec.encode(image)).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func preview(_ arguments: [String], _ dir: TemporaryDirectory, _ extra: [String: String] = [:]) async throws -> PixtermBinary.Output {
        let file = try redPNG(dir)
        return try await PixtermBinary.run(["preview", file, "--width", "8", "--height", "4"] + arguments, environment: dir.isolatedEnvironment(["TERM": "xterm-256color"].merging(extra) { $1 }))
    }

    @Test func sixelPreviewIsOneRedImageOfTheFittedSize() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let output = try await preview(["--graphics", "sixel"], dir)
        #expect(output.status == 0, "\(output.stderr)")
        // No terminal to ask, so cells are 10x20: 8x4 cells are 80x80 pixels.
        #expect(output.stdout.hasPrefix("\u{1B}P0;1;0q\"1;1;80;80#0;2;100;0;0#0!80~-"))
        #expect(output.stdout.hasSuffix("\u{1B}\\\n"))
    }

    @Test func kittyPreviewTransmitsAndDisplaysWithoutAnID() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let output = try await preview(["--graphics", "kitty"], dir)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.hasPrefix("\u{1B}_Ga=T,f=100,c=8,r=4,q=2;iVBORw0KGgo"))
        #expect(output.stdout.hasSuffix("\u{1B}\\\n"))
    }

    @Test func kittyPreviewInsideTmuxUsesPlaceholdersThroughPassthrough() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        // `tmux` is not asked here (TMUX points nowhere), so passthrough counts as off; the
        // explicit choice is honoured with placeholders, unwrapped.
        let output = try await preview(["--graphics", "kitty"], dir, ["TMUX": dir.path("no-such-socket") + ",1,0", "TERM": "tmux-256color"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.hasPrefix("\u{1B}_Ga=t,f=100,i="))
        // Placeholder cells join their combining marks into one Character, so count scalars.
        #expect(output.stdout.unicodeScalars.filter { $0.value == 0x10EEEE }.count == 8 * 4)
    }

    @Test func itermPreviewIsOneOSC1337() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let output = try await preview(["--graphics", "iterm"], dir)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.hasPrefix("\u{1B}]1337;File=name="))
        #expect(output.stdout.contains(";width=8;height=4;preserveAspectRatio=1;inline=1:iVBORw0KGgo"))
        #expect(output.stdout.hasSuffix("\u{07}\n"))
    }

    @Test func automaticIntoAPipeIsHalfBlocksAndConfigCanChoose() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let auto = try await preview([], dir)
        #expect(auto.status == 0, "\(auto.stderr)")
        #expect(!auto.stdout.contains("\u{1B}P") && !auto.stdout.contains("\u{1B}_G"))
        #expect(auto.stdout.split(separator: "\n").count == 4)

        let config = dir.url.appendingPathComponent("config/pixterm/config.toml")
        try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("graphics = \"sixel\"\n".utf8).write(to: config)
        #expect(try await preview([], dir).stdout.hasPrefix("\u{1B}P0;1;0q"))
        try Data("graphics = \"pixels\"\n".utf8).write(to: config)
        let wrong = try await preview([], dir)
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("graphics in \(config.path) must be auto, kitty, iterm, sixel or blocks"))
    }

    @Test func unknownGraphicsFlagIsRefused() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let output = try await preview(["--graphics", "png"], dir)
        #expect(output.status != 0)
        #expect(output.stderr.contains("--graphics must be auto, kitty, iterm, sixel or blocks"))
    }

    @Test func doctorReportsFactsAndFixesButNeverTheKey() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let output = try await PixtermBinary.run(
            ["doctor", "--graphics", "blocks", "--base-url", "http://127.0.0.1:1"],
            environment: dir.isolatedEnvironment(["TERM": "xterm-256color", "PIXAPI_KEY": "sk-doctor-secret", "LANG": "C", "TMUX": ""]),
            timeout: 60
        )
        #expect(output.status == 0, "\(output.stderr)")
        let text = output.stdout
        #expect(!text.contains("sk-doctor-secret"))
        #expect(text.contains("api key      configured (the PIXAPI_KEY environment variable)"))
        #expect(text.contains("graphics     blocks: --graphics asks for blocks"))
        // LANG=C is no problem: the UI switches to a UTF-8 locale the system has, and says so.
        #expect(text.contains("locale       LANG=C, codeset ANSI_X3.4-1968: the UI switches LC_CTYPE to C.UTF-8\n"))
        #expect(text.contains("base url     http://127.0.0.1:1 unreachable"))
        #expect(text.contains("config       \(dir.path("config"))/pixterm/config.toml (not found; defaults apply)"))
        #expect(text.hasSuffix("1 problem(s) found\n"))
    }
}
