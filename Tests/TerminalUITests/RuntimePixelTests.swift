import Foundation
import Gallery
import ImageCodec
import PixapiKit
import PixtermCore
import TerminalGraphics
import TestSupport
import Testing
@testable import TerminalUI

/// The runtime with pixel previews: what reaches the terminal, frame by frame, as the user
/// moves through the gallery, opens help, resizes and quits.
@Suite struct RuntimePixelTests {
    let environment = AppEnvironment.testing()

    /// Two small PNGs in a temporary folder, as gallery items.
    func galleryFiles() throws -> (TemporaryDirectory, [GalleryEntry]) {
        let folder = try TemporaryDirectory("pixterm-pixels")
        let items = try [("a", UInt8(220)), ("b", UInt8(40))].map { name, shade in
            let file = folder.file("\(name).png")
            let image = RGBAImage(width: 64, height: 64, pixels: Array(repeating: shade, count: 64 * 64 * 4))
            try Data(PNGCodec.encode(image)).write(to: file)
            return GalleryEntry.testing(
                id: name, path: file.path, prompt: "image \(name)", model: nil, size: "64x64", quality: nil,
                created: Date(timeIntervalSince1970: 0), credits: nil, request: nil
            )
        }
        return (folder, items)
    }

    /// A runtime already on a loaded gallery, so every wake-up comes from preview work.
    func runtime(_ terminal: RecordingTerminal, items: [GalleryEntry], graphics: GraphicsEncoder) -> AppRuntime {
        var state = AppState(environment: environment, isDemo: false, hasKey: true)
        _ = state.update(.key(.ctrl("o")), environment: environment)
        _ = state.update(.galleryLoaded(items: items, total: items.count, query: GalleryQuery(), offset: 0), environment: environment)
        return AppRuntime(
            state: state, environment: environment, backend: terminal, services: ScriptedServices(), view: AppView(colorMode: .truecolor),
            previewRenderer: .init(renderer: .init(mode: .truecolor)), graphics: graphics
        )
    }

    /// Each frame as "frame", each raw write as its kitty commands (see `kittySummary`).
    func summary(_ output: [RecordingTerminal.Output]) -> [String] {
        output.map { entry in
            guard case let .bytes(bytes) = entry else { return "frame" }
            return kittySummary(bytes)
        }
    }

    @Test func picturesFollowSelectionOverlaysAndResizeWithoutStaleOrRepeatedBytes() async throws {
        let (folder, items) = try galleryFiles()
        defer { folder.remove() }
        let script: [TerminalInput] = [
            .wake, .key(.down), .wake, .key(.function(1)), .key(.escape), .key(.resize(columns: 100, rows: 30)), .wake,
            .key(.ctrl("c")), .key(.ctrl("c")),
        ]
        let terminal = try await onOwnThread {
            let terminal = RecordingTerminal(size: GridSize(columns: 80, rows: 24), script: script, awaitingWakes: true)
            runtime(terminal, items: items, graphics: GraphicsEncoder(method: .kitty, cellSize: CellPixelSize(width: 8, height: 16))).run()
            return terminal
        }
        #expect(
            summary(terminal.output) == [
                "frame",  // the gallery; a.png is being encoded
                "frame", "t1 p1",  // a.png drawn after the flush
                "e1", "frame",  // selection moved: a.png erased before curses reuses its cells (data kept)
                "frame", "t2 p2",  // b.png drawn
                "e2", "frame",  // help opened: erased, not redrawn
                "frame", "p2",  // help closed: b.png placed again, without sending its data
                "e2", "frame",  // resized: the old slot is gone, b.png is encoded for the new one
                "frame", "t3 p3",
                "frame",  // a note about Ctrl+C: nothing to send
                "frame", "e3 r1 r2 r3",  // quit: nothing left behind, all data freed
            ])
        // The picture's cells are blank in the frame, so curses never paints over it.
        let slot = GalleryView.previewSlot(ScreenLayout(size: GridSize(columns: 100, rows: 30)))
        let shown = try #require(terminal.frames.last?.grid)
        #expect(shown[slot.rect.row, slot.rect.column].grapheme == " ")
    }

    @Test func halfBlocksDrawTheFullScreenViewInCellsAndNeverWriteRawBytes() async throws {
        let (folder, items) = try galleryFiles()
        defer { folder.remove() }
        let script: [TerminalInput] = [.wake, .key(.text("v")), .wake, .key(.escape), .key(.ctrl("c")), .key(.ctrl("c"))]
        let terminal = try await onOwnThread {
            let terminal = RecordingTerminal(size: GridSize(columns: 80, rows: 24), script: script, awaitingWakes: true)
            runtime(terminal, items: items, graphics: GraphicsEncoder(method: .blocks)).run()
            return terminal
        }
        #expect(terminal.output.allSatisfy { $0 == .frame })
        // The full-screen view drew a.png's half blocks in the middle of the screen...
        let viewed = try #require(terminal.frames.map(\.grid).last { $0.rows()[1].contains("1/2  image a") })
        #expect(viewed.rows()[12].contains("▀"))
        #expect(!viewed.rows()[12].hasPrefix("▀"))
        // ...and Esc went back to the list.
        #expect(terminal.lastFrame?.rows()[1].contains("Gallery · 2 images") == true)
    }
}
