import Foundation
import PixapiKit
import PixtermCore

/// What a running batch shows: a progress line redrawn in place on standard error when it is a
/// terminal, and its results on standard output: every line when stdout is not a terminal, with
/// `--json`, or with no progress line; on a terminal beside the bar only the lines that did not
/// succeed (the bar counts the rest).
///
/// Called from the run loop's tasks and the Ctrl+C handler, so everything goes through one lock.
final class BatchConsole: @unchecked Sendable {
    private let lock = NSLock()
    private var progress: BatchProgress
    /// Lines running whose request has not been accepted yet: Ctrl+C waits for these.
    private var sending: Set<Int> = []
    private var results: [BatchResult] = []
    private let started = Date()
    private let json: Bool
    private let bar: Bool
    private let everyResult: Bool

    init(total: Int, json: Bool) {
        progress = BatchProgress(total: total)
        self.json = json
        bar = isatty(STDERR_FILENO) == 1
        everyResult = json || isatty(STDOUT_FILENO) != 1 || !bar
    }

    /// Records a line found finished (or not to be sent) before this run started.
    func report(earlier result: BatchResult) {
        lock.withLock {
            count(result)
            show(result)
        }
    }

    func handle(_ event: BatchEvent) {
        lock.withLock {
            switch event {
            case let .started(line, submitted):
                progress.running += 1
                if !submitted { sending.insert(line) }
            case let .submitted(line):
                sending.remove(line)
            case let .finished(result):
                sending.remove(result.line)
                progress.running -= 1
                progress.finishedHere += 1
                count(result)
                show(result)
            case let .stopping(stop):
                clearBar()
                Terminal.printError("stopping: \(stop.reason); no more lines start, the lines running finish")
            }
            redraw()
        }
    }

    /// Redraws the progress line (for the ETA, between events).
    func tick() { lock.withLock { redraw() } }

    /// Whether every running line's request has been accepted, so stopping loses nothing.
    var nothingInFlight: Bool { lock.withLock { sending.isEmpty } }

    var finished: [BatchResult] { lock.withLock { results } }

    /// `3 of 20 lines finished, 2 sent and still running`, for the message on Ctrl+C.
    var standing: String {
        lock.withLock { "\(progress.finished) of \(progress.total) lines finished, \(progress.running) sent and still running" }
    }

    /// A message on standard error, above the progress line.
    func say(_ message: String) {
        lock.withLock {
            clearBar()
            Terminal.printError(message)
            redraw()
        }
    }

    /// Clears the progress line for good.
    func end() { lock.withLock { clearBar() } }

    private func count(_ result: BatchResult) {
        results.append(result)
        progress.credits += result.credits
        switch result.status {
        case .ok: progress.done += 1
        case .failed: progress.failed += 1
        case .unknown: progress.unknown += 1
        }
    }

    private func show(_ result: BatchResult) {
        guard everyResult || result.status != .ok else { return }
        clearBar()
        // Written at once, not buffered: a script reading the lines sees each result as it ends.
        Terminal.write(json ? Self.jsonLine(result) + Data("\n".utf8) : Data((result.text + "\n").utf8), to: .standardOutput)
    }

    private func redraw() {
        guard bar else { return }
        let width = TerminalSize.current(of: STDERR_FILENO)?.columns ?? 80
        Terminal.progress(BatchProgressLine.text(progress, elapsed: Date().timeIntervalSince(started), width: width))
    }

    private func clearBar() { if bar { Terminal.endProgress() } }

    /// One JSON object on one line, every control character escaped as the other commands' JSON.
    static func jsonLine(_ result: BatchResult) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return JSONControlEscaping.escaped((try? encoder.encode(result)) ?? Data("{}".utf8))
    }
}
