import Testing
@testable import PixapiKit

/// The stall rule fed by hand: (time, bytes) pairs, no clock and no network.
@Suite struct StallDetectorTests {
    let rule = StallDetector(window: .seconds(30), minimumBytes: 30 * 1024)

    @Test func aSteadyBodyAboveTheRateNeverStalls() {
        var detector = rule
        for second in 0..<120 {
            detector.record(2048, at: .seconds(second))
            #expect(!detector.isStalled(at: .seconds(second) + .milliseconds(500)))
        }
    }

    @Test func aByteEveryTwoSecondsStallsAfterTheWindow() {
        var detector = rule
        var stalledAt: Duration?
        for tick in 0..<60 where stalledAt == nil {
            let now = Duration.seconds(2 * tick)
            detector.record(1, at: now)
            if detector.isStalled(at: now) { stalledAt = now }
        }
        #expect(stalledAt == .seconds(30))
        #expect(detector.bytes(inWindowEndingAt: .seconds(30)) <= 17)
    }

    @Test func aSilentBodyStallsOnlyOnceAWholeWindowHasPassed() {
        let detector = rule
        #expect(!detector.isStalled(at: .seconds(29)))
        #expect(detector.isStalled(at: .seconds(30)))
    }

    @Test func aBurstThenSilenceStallsAboutAWindowAfterTheBurst() {
        var detector = rule
        detector.record(10 << 20, at: .seconds(5))
        #expect(!detector.isStalled(at: .seconds(34)))
        #expect(detector.isStalled(at: .seconds(37)))
        #expect(detector.totalBytes == 10 << 20)
    }

    @Test func justUnderTheRateStalls() {
        var detector = StallDetector(window: .seconds(1), minimumBytes: 1024)
        for step in 0..<40 { detector.record(25, at: .milliseconds(50 * step)) }
        #expect(detector.isStalled(at: .seconds(2)))
        for step in 40..<80 { detector.record(60, at: .milliseconds(50 * step)) }
        #expect(!detector.isStalled(at: .milliseconds(3990)))
    }
}

@Suite struct TransferLimitsTests {
    @Test func theStandardLimitsAreTheDocumentedOnes() {
        let limits = TransferLimits.standard
        #expect(limits.stallWindow == .seconds(30))
        #expect(limits.minimumBytesPerSecond == 1024)
        #expect(limits.minimumBytesPerWindow == 30 * 1024)
        #expect(limits.maxTimePerImage == .seconds(600))
        #expect(limits.maxImageBytes == 64 << 20)
        #expect(limits.maxImagesPerResponse == 10)
    }

    @Test func theCapFitsTheLargestRealOutputTwice() {
        let rgba4K = 3840 * 2160 * 4
        #expect(TransferLimits.standard.maxImageBytes > 2 * rgba4K - rgba4K / 10)
    }

    @Test func aJSONAnswerMayCarryEachImageAsBase64PlusSlack() {
        let limits = TransferLimits(maxImageBytes: 3000)
        #expect(limits.maxImageJSONBytes(images: 1) >= 4000 + TransferLimits.jsonSlackBytes)
        #expect(limits.maxImageJSONBytes(images: 2) - limits.maxImageJSONBytes(images: 1) >= 4000)
        #expect(limits.maxImageJSONBytes(images: 2) < 2 * 4100 + TransferLimits.jsonSlackBytes)
        #expect(limits.timeCeiling(images: 3) == .seconds(1800))
    }
}
