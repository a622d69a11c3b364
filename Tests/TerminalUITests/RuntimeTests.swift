import Foundation
import Gallery
import PixapiKit
import PixtermCore
import TestSupport
import Testing
@testable import TerminalUI

/// Services that answer at once, recording what the UI asked for; quitting and the
/// clipboard act on the session the way the real interpreter does.
final class ScriptedServices: AppServices, @unchecked Sendable {
    private let lock = NSLock()
    private(set) var effects: [Effect] = []

    func start(send: @escaping @Sendable (Action) -> Void) {}

    func perform(_ effect: Effect, session: any UISession, send: @escaping @Sendable (Action) -> Void) {
        lock.withLock { effects.append(effect) }
        switch effect {
        case let .startJob(job):
            send(.jobEvent(job.id, .submitted(taskID: "task_1")))
            send(.jobEvent(job.id, .saved(path: "/g/a.png", total: 1)))
            send(.jobEvent(job.id, .completed))
        case let .copyToClipboard(text):
            session.writeToTerminal(Clipboard.osc52(text, insideTmux: false))
        case .quit:
            session.endSession()
        default:
            break
        }
    }
}

@Suite struct RuntimeTests {
    let environment = AppEnvironment.testing()

    @Test func keysFlowThroughToJobsAndTheLoopEndsOnQuit() {
        let keys: [TerminalInput] =
            "hi 🦊".map { .key(.text($0)) } + [
                .key(.enter), .wake, .key(.ctrl("o")), .key(.ctrl("c")), .key(.ctrl("c")),
            ]
        let terminal = RecordingTerminal(size: GridSize(columns: 80, rows: 24), script: keys)
        let services = ScriptedServices()
        let runtime = AppRuntime(
            state: AppState(environment: environment, isDemo: false, hasKey: true), environment: environment, backend: terminal,
            services: services, view: AppView(colorMode: .ansi16), previewRenderer: .init(renderer: .init(mode: .ansi16))
        )
        runtime.run()
        #expect(terminal.isShutDown)
        #expect(terminal.bracketedPaste)
        let started = services.effects.compactMap { effect -> ImageRequest? in
            if case let .startJob(job) = effect { return job.request } else { return nil }
        }
        #expect(started.map(\.prompt) == ["hi 🦊"])
        #expect(services.effects.contains(.loadGallery(GalleryQuery(text: ""), offset: 0, limit: AppState.galleryPageSize)))
        #expect(runtime.state.jobs.first?.state == .completed)
        // The frame after Enter already shows the finished job.
        #expect(terminal.frames.contains { $0.grid.rows().contains { $0.contains("✔ done") } })
    }

    /// Every effect goes to the interpreter; what it writes through the session reaches the
    /// terminal from the UI thread, before the next frame.
    @Test func theInterpreterWritesToTheTerminalThroughTheSession() {
        var state = AppState(environment: environment, isDemo: false, hasKey: true)
        _ = state.update(.key(.ctrl("o")), environment: environment)
        let item = GalleryEntry.testing(
            id: "a", path: "/g/a.png", prompt: "a", model: nil, size: "64x64", quality: nil, created: Date(timeIntervalSince1970: 0),
            credits: nil, request: nil
        )
        _ = state.update(.galleryLoaded(items: [item], total: 1, query: GalleryQuery(), offset: 0), environment: environment)
        let terminal = RecordingTerminal(size: GridSize(columns: 80, rows: 24), script: [.key(.text("c")), .key(.ctrl("c")), .key(.ctrl("c"))])
        let services = ScriptedServices()
        let runtime = AppRuntime(
            state: state, environment: environment, backend: terminal, services: services, view: AppView(colorMode: .ansi16),
            previewRenderer: .init(renderer: .init(mode: .ansi16))
        )
        runtime.run()
        #expect(services.effects.contains(.copyToClipboard("/g/a.png")))
        #expect(services.effects.last == .quit)
        #expect(terminal.emitted == Clipboard.osc52("/g/a.png", insideTmux: false))
        #expect(terminal.isShutDown)
    }

    @Test func copyingAPathEmitsOSC52WrappedForTmux() {
        let plain = Clipboard.osc52("/g/a.png", insideTmux: false)
        #expect(plain == Array("\u{1B}]52;c;L2cvYS5wbmc=\u{07}".utf8))
        let wrapped = Clipboard.osc52("/g/a.png", insideTmux: true)
        #expect(wrapped == Array("\u{1B}Ptmux;\u{1B}\u{1B}]52;c;L2cvYS5wbmc=\u{07}\u{1B}\\".utf8))
    }

    @Test(arguments: [
        (KeyEvent.ctrl("j"), InputKey.newline), (.alt(.enter), .newline), (.alt(.text("b")), .wordLeft),
        (.ctrlRight, .wordRight), (.alt(.left), .wordLeft), (.text("é"), .character("é")), (.backTab, .backTab),
        (.function(1), .function(1)), (.paste("a\nb"), .paste("a\nb")), (.ctrl("o"), .ctrl("o")),
    ])
    func keyMapping(event: KeyEvent, expected: InputKey) {
        #expect(KeyMapping.inputKey(event) == expected)
    }

    @Test func wrappingKeepsWordsAndSpacingThatFits() {
        #expect(TextWrap.lines("Enter     send", width: 20) == ["Enter     send"])
        #expect(TextWrap.lines("one two three four", width: 9) == ["one two", "three", "four"])
        #expect(TextWrap.lines("雪の中の狐", width: 4) == ["雪の", "中の", "狐"])
        #expect(TextWrap.lines("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    }
}
