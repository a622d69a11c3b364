import Foundation
import PixtermCore
import Testing

@testable import TerminalUI

/// The runtime draws its first frame before it starts the services and before its follow-up
/// (graphics detection), so neither opening the backend (and the demo's simulator) nor asking
/// the terminal delays what the user first sees.
@Suite struct RuntimeStartOrderTests {
    /// Services that note how many frames the terminal had drawn when `start` came.
    private final class FrameCountingServices: AppServices, @unchecked Sendable {
        private let terminal: RecordingTerminal
        private(set) var framesAtStart: Int?

        init(terminal: RecordingTerminal) { self.terminal = terminal }

        func start(send: @escaping @Sendable (Action) -> Void) { framesAtStart = terminal.frames.count }

        func perform(_ effect: Effect, session: any UISession, send: @escaping @Sendable (Action) -> Void) {
            if case .quit = effect { session.endSession() }
        }
    }

    @Test func servicesStartRightAfterTheFirstFrame() {
        let environment = AppEnvironment.testing()
        let terminal = RecordingTerminal(size: GridSize(columns: 80, rows: 24), script: [.key(.ctrl("c")), .key(.ctrl("c"))])
        let services = FrameCountingServices(terminal: terminal)
        let runtime = AppRuntime(
            state: AppState(environment: environment, isDemo: true, hasKey: false), environment: environment, backend: terminal,
            services: services, view: AppView(colorMode: .ansi16), previewRenderer: .init(renderer: .init(mode: .ansi16))
        )
        runtime.run()
        #expect(services.framesAtStart == 1)
        #expect(terminal.frames.first?.grid.rows().first?.contains("DEMO") == true, "the first frame is labelled")
    }

    /// The follow-up comes after the first frame; the keys typed meanwhile are the first input,
    /// before anything the terminal still holds, and its notes reach the session log.
    @Test func theFollowUpRunsAfterTheFirstFrameAndItsTypeaheadComesFirst() {
        let environment = AppEnvironment.testing()
        let terminal = RecordingTerminal(
            size: GridSize(columns: 80, rows: 24), script: [.key(.text("!")), .key(.ctrl("c")), .key(.ctrl("c"))]
        )
        let services = FrameCountingServices(terminal: terminal)
        nonisolated(unsafe) var framesAtFollowUp: Int?
        let runtime = AppRuntime(
            state: AppState(environment: environment, isDemo: true, hasKey: false), environment: environment, backend: terminal,
            services: services, view: AppView(colorMode: .ansi16), previewRenderer: .init(renderer: .init(mode: .ansi16)),
            followUp: {
                framesAtFollowUp = terminal.frames.count
                return FirstFrameFollowUp(graphics: nil, actions: [.log("previews: blocks because a test says so")], typeahead: Array("hé\u{1B}[D".utf8))
            }
        )
        runtime.run()
        #expect(framesAtFollowUp == 1)
        #expect(services.framesAtStart == 1)
        // "hé", Left, then the scripted "!": typed before the é.
        #expect(runtime.state.compose.input.editor.text == "h!é")
        #expect(runtime.state.log.contains("previews: blocks because a test says so"))
    }
}
