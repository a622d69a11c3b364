import Benchmark
import Foundation
import PixapiKit
import PixtermCore
import TerminalGraphics
import TerminalUI

/// The work behind one keystroke in the UI, with a 2,000-character prompt already typed: the
/// editor alone, the whole state update, and drawing the compose screen at 120x40.
func typingBenchmarks() {
    let environment = AppEnvironment(catalog: .builtIn, prices: .builtIn, maxCredits: 100, keyHelp: "PIXAPI_KEY")
    let size = GridSize(columns: 120, rows: 40)
    let view = AppView(colorMode: .truecolor)

    Benchmark("typing: PromptInput one char into a 2,000-char prompt") { benchmark in
        var input = promptState(environment, size).compose.input
        let width = AppView.promptViewport(size: size, editMode: false).width
        for _ in benchmark.scaledIterations {
            benchmark.startMeasurement()
            input.apply(.type("x"), layoutWidth: width)
            benchmark.stopMeasurement()
            input.apply(.backspace, layoutWidth: width)
        }
        blackHole(input)
    }

    Benchmark("typing: AppState.update + AppView.render per keystroke (120x40)") { benchmark in
        var state = promptState(environment, size)
        for _ in benchmark.scaledIterations {
            benchmark.startMeasurement()
            _ = state.update(.key(.character("x")), environment: environment)
            blackHole(view.render(state, environment: environment, size: size, now: Date()))
            benchmark.stopMeasurement()
            _ = state.update(.key(.backspace), environment: environment)
        }
    }

    Benchmark("render: AppView.render compose screen (120x40, 2,000-char prompt)") { benchmark in
        let state = promptState(environment, size)
        for _ in benchmark.scaledIterations {
            blackHole(view.render(state, environment: environment, size: size, now: Date()))
        }
    }
}

/// The compose screen after the user typed 2,000 characters of ordinary prose.
private func promptState(_ environment: AppEnvironment, _ size: GridSize) -> AppState {
    var state = AppState(environment: environment, isDemo: true, hasKey: true)
    let viewport = AppView.promptViewport(size: size, editMode: false)
    _ = state.update(.layout(promptWidth: viewport.width, promptHeight: viewport.height), environment: environment)
    let words = "a watercolor lighthouse at dusk with gulls over a calm sea and warm light "
    let prompt = String(String(repeating: words, count: 2_000 / words.count + 1).prefix(2_000))
    _ = state.update(.key(.paste(prompt)), environment: environment)
    return state
}
