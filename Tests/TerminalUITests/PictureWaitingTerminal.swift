#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import TerminalUI

/// A `RecordingTerminal` whose script can wait for pictures: `.pictures(n)` answers wake-ups
/// from background work until pictures were drawn at `n` places since the step before, so a test
/// presses its next key only once a whole screen of thumbnails is drawn, however the decodes
/// were batched (and whatever was drawn twice on the way).
final class PictureWaitingTerminal: TerminalBackend {
    enum Step {
        case input(TerminalInput)
        case pictures(Int)
    }

    /// The frames and bytes, as a `RecordingTerminal` keeps them.
    let recording: RecordingTerminal
    /// Where in `recording.output` each `.input` step was handed to the app, in order: the
    /// output from one to the next is what that input caused.
    private(set) var inputMarks: [Int] = []
    private var steps: [Step]
    private let wakes = SelfPipe()
    private var stepStart = 0

    init(size: GridSize, steps: [Step]) {
        recording = RecordingTerminal(size: size)
        self.steps = steps
    }

    /// The cells ("row;column", one-based) where raw output draws a picture: every picture's
    /// bytes start by saving the cursor and moving it there (ESC 7, CUP); erasing one does the
    /// same but goes on with ECH (ESC [ n X), and kitty deletes are no cursor moves at all.
    static func drawnAt(_ bytes: [UInt8]) -> Set<String> {
        let text = String(decoding: bytes, as: UTF8.self)
        return Set(
            text.components(separatedBy: "\u{1B}7\u{1B}[").dropFirst().compactMap { rest in
                guard let end = rest.firstIndex(of: "H") else { return nil }
                let after = rest[rest.index(after: end)...]
                let erases = after.hasPrefix("\u{1B}[") && after.dropFirst(2).drop { $0.isNumber }.hasPrefix("X")
                return erases ? nil : String(rest[..<end])
            })
    }

    /// The cells where the output drew pictures.
    static func drawnAt(_ output: some Sequence<RecordingTerminal.Output>) -> Set<String> {
        output.reduce(into: Set<String>()) { cells, entry in
            if case let .bytes(bytes) = entry { cells.formUnion(drawnAt(bytes)) }
        }
    }

    /// The output each input caused, up to the next input.
    func outputByInput() -> [[RecordingTerminal.Output]] {
        let output = recording.output
        return inputMarks.indices.map { index in
            Array(output[inputMarks[index]..<(index + 1 < inputMarks.count ? inputMarks[index + 1] : output.count)])
        }
    }

    func feed(typeahead: [UInt8]) {
        steps.insert(contentsOf: RecordingTerminal.keys(typeahead).map { .input(.key($0)) }, at: 0)
    }

    func nextEvent(timeout: Duration?) -> TerminalInput {
        while let step = steps.first {
            switch step {
            case let .input(input):
                steps.removeFirst()
                stepStart = recording.output.count
                inputMarks.append(stepStart)
                if case let .key(.resize(columns, rows)) = input { recording.currentSize = GridSize(columns: columns, rows: rows) }
                return input
            case let .pictures(count):
                let drawn = Self.drawnAt(recording.output[stepStart...]).count
                var descriptor = pollfd(fd: wakes?.readEnd ?? -1, events: Int16(POLLIN), revents: 0)
                // Waits at most 10 s for the next picture; the test's assertions tell what was missing.
                if drawn >= count || poll(&descriptor, 1, 10_000) <= 0 {
                    steps.removeFirst()
                    stepStart = recording.output.count
                    continue
                }
                _ = wakes?.drain()
                return .wake
            }
        }
        return .timeout
    }

    var waker: TerminalWaker { TerminalWaker(pipe: wakes) }
    func size() -> GridSize { recording.size() }
    @discardableResult func draw(_ grid: CellGrid, cursor: GridPoint?) -> Bool { recording.draw(grid, cursor: cursor) }
    func emit(rawBytes: [UInt8]) { recording.emit(rawBytes: rawBytes) }
    func writeNow(rawBytes: [UInt8]) { recording.writeNow(rawBytes: rawBytes) }
    func setBracketedPaste(_ enabled: Bool) { recording.setBracketedPaste(enabled) }
    func setMouseReporting(_ enabled: Bool) { recording.setMouseReporting(enabled) }
    func shutdown() { recording.shutdown() }
}
