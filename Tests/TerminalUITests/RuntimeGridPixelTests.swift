import Foundation
import Gallery
import ImageCodec
import PixapiKit
import PixtermCore
import TerminalGraphics
import TestSupport
import Testing
@testable import TerminalUI

/// The gallery grid with pixel thumbnails through the real runtime: what reaches the terminal as
/// the user moves, pages back and forth, opens help and resizes, with a screen of pictures.
@Suite struct RuntimeGridPixelTests {
    let environment = AppEnvironment.testing()
    static let size = GridSize(columns: 120, rows: 40)
    static let shape = AppView.galleryGridShape(size: size)
    /// Thumbnails on one screen of the grid.
    static let perScreen = shape.columns * shape.rows

    /// Two screens of PNGs and a few more, as gallery items, each its own: gradients with noise,
    /// which compress about as a photo's thumbnail does (a flat colour would make the bytes sent
    /// meaninglessly small), or with `flat`, one colour each (quick to encode in sixel).
    func galleryFiles(_ count: Int = 2 * perScreen + 3, flat: Bool = false) throws -> (TemporaryDirectory, [GalleryEntry]) {
        let folder = try TemporaryDirectory("pixterm-grid-pixels")
        let side = flat ? 48 : 192
        let items = try (0..<count).map { index in
            let file = folder.file("\(index).png")
            var seed = UInt32(index + 1) &* 2_654_435_761
            let pixels = (0..<side * side).flatMap { offset -> [UInt8] in
                seed = seed &* 1_664_525 &+ 1_013_904_223
                let (x, y, noise) = flat ? (0, 0, 0) : (offset % side, offset / side, Int(seed >> 28))
                return [UInt8((x + index * 9 + noise) & 255), UInt8((y + noise) & 255), UInt8((x + y) / 2 & 255), 255]
            }
            try Data(PNGCodec.encode(RGBAImage(width: side, height: side, pixels: pixels))).write(to: file)
            return GalleryEntry.testing(
                id: "\(index)", path: file.path, prompt: "image \(index)", model: nil, size: "\(side)x\(side)", quality: nil,
                created: Date(timeIntervalSince1970: Double(index)), credits: nil, request: nil
            )
        }
        return (folder, items)
    }

    /// The grid on a loaded gallery, drawing with `graphics`.
    func runtime(_ terminal: any TerminalBackend, items: [GalleryEntry], graphics: GraphicsEncoder, thumbnails: ThumbnailCache? = nil) -> AppRuntime {
        var state = AppState(environment: environment, isDemo: false, hasKey: true)
        _ = state.update(.key(.ctrl("o")), environment: environment)
        state.gallery.viewMode = .grid
        _ = state.update(.galleryLoaded(items: items, total: items.count, query: GalleryQuery(), offset: 0), environment: environment)
        return AppRuntime(
            state: state, environment: environment, backend: terminal, services: ScriptedServices(), view: AppView(colorMode: .truecolor),
            previewRenderer: .init(renderer: .init(mode: .truecolor), cache: thumbnails), graphics: graphics
        )
    }

    /// kitty commands of one kind ("t", "p", "e", "r") in some output, by image id.
    func kittyIDs(_ kind: Character, _ output: [RecordingTerminal.Output]) -> [String] {
        output.flatMap { entry -> [String] in
            guard case let .bytes(bytes) = entry else { return [] }
            return kittySummary(bytes).split(separator: " ").filter { $0.first == kind }.map { String($0.dropFirst()) }
        }
    }

    func rawBytes(_ output: [RecordingTerminal.Output]) -> Int {
        output.reduce(0) { sum, entry in
            guard case let .bytes(bytes) = entry else { return sum }
            return sum + bytes.count
        }
    }

    @Test func kittyThumbnailsGoOutOnceAndArePlacedAgainWhenTheGridComesBack() async throws {
        let (folder, items) = try galleryFiles()
        defer { folder.remove() }
        let screen = Self.perScreen
        // The same grid one row taller: a cleared screen with every thumbnail where it was.
        let taller = GridSize(columns: Self.size.columns, rows: Self.size.rows + 1)
        try #require(AppView.galleryGridShape(size: taller) == Self.shape)
        let steps: [PictureWaitingTerminal.Step] = [
            .input(.wake), .pictures(screen),  // the first screen
            .input(.key(.right)), .input(.key(.down)),  // the selection moves over pictures that stay
            .input(.key(.pageDown)), .pictures(screen),  // a new screen: first visit
            .input(.key(.pageUp)), .pictures(screen),  // back
            .input(.key(.pageDown)), .pictures(screen),  // and forth again: a repeat visit
            .input(.key(.function(1))), .input(.key(.escape)),  // help over the grid, and closed
            .input(.key(.resize(columns: taller.columns, rows: taller.rows))), .pictures(screen),
            .input(.key(.ctrl("c"))), .input(.key(.ctrl("c"))),
        ]
        let terminal = try await onOwnThread {
            let terminal = PictureWaitingTerminal(size: Self.size, steps: steps)
            runtime(terminal, items: items, graphics: GraphicsEncoder(method: .kitty, cellSize: CellPixelSize(width: 8, height: 16))).run()
            return terminal
        }
        let byInput = terminal.outputByInput()
        try #require(byInput.count == 11)
        let (first, right, down, pageDown, pageUp, again, help, closed, resized) =
            (byInput[0], byInput[1], byInput[2], byInput[3], byInput[4], byInput[5], byInput[6], byInput[7], byInput[8])
        let firstIDs = kittyIDs("t", first)
        #expect(firstIDs.count == screen && Set(firstIDs).count == screen)
        #expect(kittyIDs("p", first).sorted() == firstIDs.sorted())
        // Moving the selection sends no picture bytes at all.
        #expect(rawBytes(right) == 0 && rawBytes(down) == 0)
        // First visit of the next screen: its pictures' data, the old ones' placements erased, no data freed.
        let secondIDs = kittyIDs("t", pageDown)
        #expect(secondIDs.count == screen && Set(secondIDs).isDisjoint(with: firstIDs))
        #expect(kittyIDs("e", pageDown).sorted() == firstIDs.sorted())
        #expect(kittyIDs("r", pageDown).isEmpty)
        // Back and forth again: only placements, no data.
        #expect(kittyIDs("t", pageUp).isEmpty && kittyIDs("p", pageUp).sorted() == firstIDs.sorted())
        #expect(kittyIDs("t", again).isEmpty && kittyIDs("p", again).sorted() == secondIDs.sorted())
        // Help takes every picture away; closing it places them again without data.
        #expect(kittyIDs("e", help).sorted() == secondIDs.sorted() && kittyIDs("p", help).isEmpty)
        #expect(kittyIDs("t", closed).isEmpty && kittyIDs("p", closed).sorted() == secondIDs.sorted())
        // A cleared screen gets every picture again, with its data.
        #expect(kittyIDs("t", resized).sorted() == secondIDs.sorted())
        // Quitting frees every image sent.
        #expect(Set(kittyIDs("r", byInput[10])) == Set(firstIDs + secondIDs))
        let repeatVisit = rawBytes(again), firstVisit = rawBytes(pageDown)
        #expect(repeatVisit * 20 < firstVisit, "PgDn wrote \(firstVisit) bytes on the first visit, \(repeatVisit) on a repeat visit")
        print("kitty grid PgDn at \(Self.size.columns)x\(Self.size.rows), \(screen) thumbnails: first visit \(firstVisit) bytes, repeat visit \(repeatVisit) bytes")
    }

    /// kitty inside tmux: the data and a virtual placement travel once through tmux's
    /// passthrough, and each thumbnail is drawn as placeholder text wherever it is, so paging back
    /// writes text, not images. Every id stays below 256, which any tmux keeps exactly.
    @Test func placeholderThumbnailsInsideTmuxGoOutOnceAndAreDrawnAsText() async throws {
        let (folder, items) = try galleryFiles(flat: true)
        defer { folder.remove() }
        let steps: [PictureWaitingTerminal.Step] = [
            .input(.wake), .pictures(Self.perScreen), .input(.key(.pageDown)), .pictures(Self.perScreen),
            .input(.key(.pageUp)), .pictures(Self.perScreen), .input(.key(.ctrl("c"))), .input(.key(.ctrl("c"))),
        ]
        let encoder = GraphicsEncoder(method: .kitty, passthrough: true, placeholders: true, cellSize: CellPixelSize(width: 8, height: 16))
        let terminal = try await onOwnThread {
            let terminal = PictureWaitingTerminal(size: Self.size, steps: steps)
            runtime(terminal, items: items, graphics: encoder).run()
            return terminal
        }
        let byInput = terminal.outputByInput()
        try #require(byInput.count == 5)
        let sent = kittyIDs("t", byInput[0]) + kittyIDs("t", byInput[1])
        #expect(sent.count == 2 * Self.perScreen && Set(sent).count == sent.count)
        #expect(sent.allSatisfy { (1...255).contains(Int($0) ?? 0) })
        #expect(kittyIDs("t", byInput[2]).isEmpty)
        // Paging back draws each picture's placeholder text once more, at its place.
        #expect(PictureWaitingTerminal.drawnAt(byInput[2]).count == Self.perScreen)
        let placeholder = Array(String(KittyPlaceholder.character).utf8)
        let written = byInput[2].flatMap { entry -> [UInt8] in if case let .bytes(bytes) = entry { bytes } else { [] } }
        #expect(written.indices.count { written[$0...].starts(with: placeholder) } >= Self.perScreen)
    }

    /// Only the thumbnails on screen are decoded (each decode leaves one entry in the disk
    /// cache), and sent.
    @Test func onlyTheVisibleThumbnailsAreDecodedAndSent() async throws {
        let (folder, items) = try galleryFiles()
        defer { folder.remove() }
        let thumbnails = ThumbnailCache(directory: folder.file("thumbnails"))
        let steps: [PictureWaitingTerminal.Step] = [.input(.wake), .pictures(Self.perScreen), .input(.key(.ctrl("c"))), .input(.key(.ctrl("c")))]
        let terminal = try await onOwnThread {
            let terminal = PictureWaitingTerminal(size: Self.size, steps: steps)
            runtime(terminal, items: items, graphics: GraphicsEncoder(method: .kitty, cellSize: CellPixelSize(width: 8, height: 16)), thumbnails: thumbnails).run()
            return terminal
        }
        let decoded = try FileManager.default.contentsOfDirectory(atPath: thumbnails.directory.path).filter { $0.hasSuffix(".thumb") }
        #expect(decoded.count == Self.perScreen)
        #expect(kittyIDs("t", terminal.recording.output).count == Self.perScreen)
    }

    /// iTerm2 and sixel cannot keep an image: a new screen sends every picture, but moving the
    /// selection over pictures that stay sends none.
    @Test func cellPicturesAreSentOnlyWhenTheScreenChanges() async throws {
        let (folder, items) = try galleryFiles(flat: true)
        defer { folder.remove() }
        for method in [GraphicsMethod.iterm, .sixel] {
            let steps: [PictureWaitingTerminal.Step] = [
                .input(.wake), .pictures(Self.perScreen), .input(.key(.right)), .input(.key(.left)),
                .input(.key(.pageDown)), .pictures(Self.perScreen), .input(.key(.ctrl("c"))), .input(.key(.ctrl("c"))),
            ]
            let terminal = try await onOwnThread {
                let terminal = PictureWaitingTerminal(size: Self.size, steps: steps)
                runtime(terminal, items: items, graphics: GraphicsEncoder(method: method, cellSize: CellPixelSize(width: 8, height: 16))).run()
                return terminal
            }
            let byInput = terminal.outputByInput()
            try #require(byInput.count == 6)
            // Every cell of a new screen gets its picture; moving the selection sends no bytes.
            #expect(PictureWaitingTerminal.drawnAt(byInput[0]).count == Self.perScreen, "\(method)")
            #expect(rawBytes(byInput[1]) == 0 && rawBytes(byInput[2]) == 0, "\(method)")
            #expect(PictureWaitingTerminal.drawnAt(byInput[3]).count == Self.perScreen, "\(method)")
        }
    }
}
