#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import TerminalUI

/// A `RecordingTerminal` whose script can wait for pictures: `.pictures(n)` answers wake-ups
/// from background work until `n` pictures went out since the step before, so a test presses its
/// next key only once a whole screen of thumbnails is drawn, however the decodes were batched.
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
    private let countPictures: ([UInt8]) -> Int
    private let wakes = SelfPipe()
    private var stepStart = 0

    /// `countPictures` says how many pictures some raw output draws (kitty placements, iTerm2
    /// files, sixel images).
    init(size: GridSize, steps: [Step], countPictures: @escaping ([UInt8]) -> Int) {
        recording = RecordingTerminal(size: size)
        self.steps = steps
        self.countPictures = countPictures
    }

    /// The output each input caused, up to the next input.
    func outputByInput() -> [[RecordingTerminal.Output]] {
        let output = recording.output
        return inputMarks.indices.map { index in
            Array(output[inputMarks[index]..<(index + 1 < inputMarks.count ? inputMarks[index + 1] : output.count)])
        }
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
                let drawn = recording.output[stepStart...].reduce(0) { sum, entry in
                    guard case let .bytes(bytes) = entry else { return sum }
                    return sum + countPictures(bytes)
                }
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
