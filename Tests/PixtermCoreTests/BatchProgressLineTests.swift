import Foundation
import Testing
@testable import PixtermCore

/// The batch's progress line: the counts, credits and ETA, never wider than the terminal.
@Suite struct BatchProgressLineTests {
    static var midway: BatchProgress {
        var progress = BatchProgress(total: 20)
        progress.done = 6
        progress.failed = 1
        progress.running = 4
        progress.credits = 60
        progress.finishedHere = 7
        return progress
    }

    @Test func aWideTerminalShowsTheBarAndEveryCount() {
        let text = BatchProgressLine.text(Self.midway, elapsed: 70, width: 120)
        // 30 columns of bar: 28 inside, 7/20 of them (9) filled.
        #expect(text == "[========>                   ] 7/20  6 done  1 failed  4 running  60 credits  ETA 2m10s")
    }

    @Test(arguments: [10, 20, 40, 60, 80, 200])
    func theLineIsNeverWiderThanTheTerminal(width: Int) {
        let text = BatchProgressLine.text(Self.midway, elapsed: 70, width: width)
        #expect(text.count <= width - 1, "\(width): \(text)")
        #expect(text.contains("7/20"), "the count stays: \(text)")
    }

    @Test func aNarrowTerminalDropsTheBarThenTheTrailingParts() {
        #expect(BatchProgressLine.text(Self.midway, elapsed: 70, width: 40) == "7/20  6 done  1 failed  4 running")
        #expect(BatchProgressLine.text(Self.midway, elapsed: 70, width: 13) == "7/20  6 done")
        #expect(BatchProgressLine.text(Self.midway, elapsed: 70, width: 12) == "7/20")
    }

    @Test func theETAWaitsForAFinishedLineAndCountsOnlyLinesFinishedHere() {
        var progress = BatchProgress(total: 10)
        progress.running = 2
        #expect(BatchProgressLine.eta(progress, elapsed: 30) == "--")
        progress.done = 5
        progress.finishedHere = 1
        // Four lines were found done when resuming: the pace is one line in 30 s, 5 remain.
        #expect(BatchProgressLine.eta(progress, elapsed: 30) == "2m30s")
        progress.done = 10
        #expect(BatchProgressLine.eta(progress, elapsed: 30) == "0s")
        progress.done = 1
        progress.total = 1000
        #expect(BatchProgressLine.eta(progress, elapsed: 60) == "16h39m")
    }

    @Test func theBarFillsWithTheFinishedLines() {
        var progress = BatchProgress(total: 4)
        #expect(BatchProgressLine.bar(progress, width: 10) == "[        ]")
        progress.done = 2
        #expect(BatchProgressLine.bar(progress, width: 10) == "[===>    ]")
        progress.failed = 2
        #expect(BatchProgressLine.bar(progress, width: 10) == "[========]")
    }
}
