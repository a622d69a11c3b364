import Foundation
import ImageCodec
import Testing
import TestSupport

/// `pixterm gallery rebuild`'s progress line: drawn in place on a terminal, never wider than it,
/// cleared at the end; absent when standard error is not a terminal; and Ctrl+C keeps the index.
/// One test at a time: each writes thousands of files and runs a rebuild on every core.
@Suite(.serialized) struct GalleryRebuildProgressTests {
    /// A temp home with a gallery of `count` images with sidecars, written directly (as
    /// Benchmarks/make-gallery.py does) so a few thousand take a moment.
    struct Setup {
        let dir: TemporaryDirectory
        let gallery: URL
        var environment: [String: String] { dir.isolatedEnvironment(["PIXTERM_GALLERY": gallery.path, "TERM": "xterm-256color"]) }
        var index: String { gallery.appendingPathComponent(".pixterm/index.sqlite").path }

        init(images count: Int) throws {
            dir = try TemporaryDirectory()
            gallery = dir.url.appendingPathComponent("gallery")
            let png = Data(try PNGCodec.encode(RGBAImage(width: 2, height: 2, pixels: [UInt8](repeating: 200, count: 16))))
            for number in 0..<count {
                let day = gallery.appendingPathComponent(String(format: "2026/%02d/%02d", number / 2800 % 12 + 1, number / 100 % 28 + 1))
                if number % 100 == 0 { try FileManager.default.createDirectory(at: day, withIntermediateDirectories: true) }
                let id = String(format: "%08x", number)
                let image = day.appendingPathComponent("120000-fox-\(id)-0.png")
                try png.write(to: image)
                let sidecar = #"{"schema": 1, "id": "\#(id)-0", "prompt": "fox \#(number)", "model": "gpt-image-2", "created": "2026-01-01T12:00:00Z"}"#
                try Data(sidecar.utf8).write(to: image.appendingPathExtension("json"))
            }
        }

        /// Writes the gallery on a thread of its own: thousands of blocking writes on one of the
        /// concurrency pool's threads (two on a 2-core machine) starved the UI tests running
        /// beside this suite until their waits for the first frame timed out.
        static func make(images count: Int) async throws -> Setup {
            try await withCheckedThrowingContinuation { continuation in
                Thread.detachNewThread { continuation.resume(with: Result { try Setup(images: count) }) }
            }
        }

        func run(_ arguments: [String]) async throws -> PixtermBinary.Output { try await PixtermBinary.run(arguments, environment: environment) }

        func indexed() throws -> String {
            try Spawn.output(["/usr/bin/sqlite3", index, "SELECT COUNT(*) FROM image"]).trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// `pixterm gallery rebuild` in a terminal `width` columns wide, started by Enter once
        /// everything it writes to the terminal is being recorded to the returned file.
        func rebuildInTerminal(width: Int) throws -> (tmux: TmuxSession, recording: URL) {
            let recording = dir.url.appendingPathComponent("terminal.out")
            // A trap, so bash goes on to say the status when pixterm dies of Ctrl+C (it would die
            // with it otherwise); pixterm itself gets the default disposition.
            let command = "trap 'echo' INT; read _; \(TmuxSession.shellQuote(PixtermBinary.url.path)) gallery rebuild; echo EXIT=$?"
            let tmux = try TmuxSession(command: ["/bin/bash", "-c", command], environment: environment, width: width, height: 10)
            _ = try Spawn.output(["tmux", "-L", tmux.socket, "pipe-pane", "-t", tmux.name, "-o", "cat >> \(TmuxSession.shellQuote(recording.path))"])
            try tmux.send("Enter")
            return (tmux, recording)
        }
    }

    @Test func aTerminalSeesTheBarRedrawnInPlaceNeverWiderThanItAndClearedAtTheEnd() async throws {
        let setup = try await Setup.make(images: 3000)
        defer { setup.dir.remove() }
        let width = 44
        let (tmux, recording) = try setup.rebuildInTerminal(width: width)
        let screen = try await tmux.waitFor(text: "EXIT=0", timeout: 60)
        #expect(screen.contains("indexed 3000 images, 0 problems"), "\(screen)")
        #expect(!screen.contains("images indexed") && !screen.contains("listing the gallery"), "the line is gone at the end: \(screen)")

        // Every frame was drawn in place (carriage return, erase line) and fitted the terminal.
        let output = try String(contentsOf: recording, encoding: .utf8)
        let frames = output.components(separatedBy: "\r\u{1B}[2K").dropFirst().map { $0.components(separatedBy: "\n")[0] }
        #expect(frames.contains { $0.hasPrefix("[") && $0.contains("/3000 images indexed  ETA ") }, "a bar while reading: \(frames)")
        #expect(frames.contains { $0.hasPrefix("3000/3000 images indexed") }, "then the last count: \(frames)")
        for frame in frames { #expect(frame.count <= width - 1, "never wider than the terminal: \(frame)") }
        // The last thing before the summary is the line being erased, not a bar left behind.
        let beforeSummary = try #require(output.components(separatedBy: "indexed 3000 images, 0 problems").first)
        #expect(beforeSummary.hasSuffix("\r\u{1B}[2K"), "\(beforeSummary.suffix(80).debugDescription)")
    }

    @Test func withoutATerminalThereIsNoLine() async throws {
        let setup = try await Setup.make(images: 300)
        defer { setup.dir.remove() }
        let piped = try await setup.run(["gallery", "rebuild"])
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdout == "indexed 300 images, 0 problems\n")
        #expect(piped.stderr.isEmpty, "\(piped.stderr.debugDescription)")

        // Standard output a terminal, standard error a file: still nothing on standard error.
        let errors = setup.dir.url.appendingPathComponent("stderr.txt")
        let command = "\(TmuxSession.shellQuote(PixtermBinary.url.path)) gallery rebuild 2>\(TmuxSession.shellQuote(errors.path)); echo EXIT=$?"
        let tmux = try TmuxSession(command: ["/bin/bash", "-c", command], environment: setup.environment, width: 60, height: 10)
        _ = try await tmux.waitFor(text: "EXIT=0", timeout: 60)
        #expect(try String(contentsOf: errors, encoding: .utf8).isEmpty)
    }

    /// The new index is written in one transaction: Ctrl+C while the bar shows clears the line
    /// and leaves the old index, every row of it. The gallery is large enough that reading it
    /// takes seconds after the bar first shows.
    @Test func ctrlCClearsTheLineAndKeepsTheOldIndex() async throws {
        let setup = try await Setup.make(images: 20000)
        defer { setup.dir.remove() }
        #expect(try await setup.run(["gallery", "rebuild"]).status == 0)
        for number in 0..<10 {
            let image = String(format: "2026/01/01/120000-fox-%08x-0.png", number)
            try FileManager.default.removeItem(at: setup.gallery.appendingPathComponent(image))
        }
        let (tmux, _) = try setup.rebuildInTerminal(width: 60)
        _ = try await tmux.waitFor(text: "images indexed")
        try tmux.send("C-c")
        let screen = try await tmux.waitFor(text: "EXIT=")
        #expect(screen.contains("EXIT=130"), "stopped by Ctrl+C, not finished: \(screen)")
        let said = screen.replacingOccurrences(of: "\n", with: " ")
        #expect(said.contains("pixterm: interrupted before the new index was complete; the gallery index is as it was"), "\(screen)")
        #expect(!screen.contains("images indexed"), "the line is cleared: \(screen)")
        #expect(try setup.indexed() == "20000", "the old index, all of it")
    }
}
