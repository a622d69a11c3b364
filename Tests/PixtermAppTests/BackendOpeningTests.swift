import Foundation
import Gallery
import PixapiKit
import PixtermCore
import Testing

@testable import PixtermApp

/// The backend (gallery, journal, ledger, and the demo's simulator) opens when the UI starts,
/// after its first frame, or when an effect needs it: never while the first frame is drawn.
@Suite struct BackendOpeningTests {
    /// Counts how often the backend was opened.
    private final class Openings: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var value: Int { lock.withLock { count } }
        func record() { lock.withLock { count += 1 } }
    }

    @Test func theBackendOpensWhenTheUIStartsNotWhenTheInterpreterIsMade() async throws {
        try await InterpreterHarness.with { harness in
            let openings = Openings()
            let settings = harness.settings
            let interpreter = harness.kept(
                EffectInterpreter(settings: settings, insideTmux: false, logger: .disabled, relay: ActionRelay()) {
                    openings.record()
                    return try JobBackend.live(settings: settings)
                })
            try await Task.sleep(for: .milliseconds(200))
            #expect(openings.value == 0, "made, not yet started: nothing opened")
            interpreter.start(send: ActionLog().send)
            try await waitUntil("the backend opens") { openings.value == 1 }
            interpreter.perform(.loadGallery(GalleryQuery(), offset: 0, limit: 10), session: RecordedSession(), send: ActionLog().send)
            try await Task.sleep(for: .milliseconds(100))
            #expect(openings.value == 1, "opened once")
        }
    }

    /// An effect that needs the backend before `start` (tests drive the interpreter that way)
    /// opens it.
    @Test func anEffectOpensTheBackendWhenNothingElseHas() async throws {
        try await InterpreterHarness.with { harness in
            let interpreter = harness.live()
            let log = ActionLog()
            interpreter.perform(.loadGallery(GalleryQuery(), offset: 0, limit: 10), session: RecordedSession(), send: log.send)
            try await log.wait("the first page") { $0.contains { if case .galleryLoaded = $0 { true } else { false } } }
        }
    }
}
