import Foundation
import Gallery
import PixapiKit
import PixtermCore
import TerminalGraphics
import TestSupport
import Testing
@testable import TerminalUI

/// The gallery's details pane shows sidecar settings as text only: the grid drops ESC and BEL
/// on its own, so an unsanitized OSC 52 would still show as `]52;c;...`.
@Suite struct GalleryDetailTextTests {
    @Test func settingsWithEscapeSequencesLeaveNoRemnantInTheDetailsPane() {
        let environment = AppEnvironment.testing(maxCredits: 100, keyHelp: "set PIXAPI_KEY")
        let size = GridSize(columns: 100, rows: 30)
        var state = AppState(environment: environment, isDemo: false, hasKey: true)
        let osc52 = "\u{1B}]52;c;ZXZpbA==\u{07}"
        let item = GalleryEntry.testing(
            id: "id0", path: "/g/0.png", prompt: "a fox", model: "gpt-image-2\(osc52)", size: "1024x1024\(osc52)",
            quality: "high\u{9D}52;c;AAAA\u{9C}", created: Date(timeIntervalSince1970: 1_800_000_000), credits: 20, request: nil
        )
        _ = state.update(.key(.ctrl("o")), environment: environment)
        _ = state.update(.galleryLoaded(items: [item], total: 1, query: GalleryQuery(), offset: 0), environment: environment)
        let frame = AppView(colorMode: .ansi256).render(state, environment: environment, size: size, now: Date()) { _, _ in .loading }
        let text = frame.text
        #expect(text.contains("gpt-image-2 · 1024x1024 · high"))
        #expect(!text.contains("]52") && !text.contains("52;c;") && !text.contains("ZXZpbA"), "\(text)")
    }
}
