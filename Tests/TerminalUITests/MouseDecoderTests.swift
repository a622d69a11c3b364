import TestSupport
import Testing
@testable import TerminalUI

/// SGR (1006) mouse reports: `\e[<b;x;y M` for a press, `m` for a release, decoded into
/// `MouseEvent`s with zero-based cells, and hostile or cut-off reports never read as keys.
@Suite("Key decoder, mouse reports")
struct MouseDecoderTests {
    private func decodeBytes(_ text: String) -> [KeyEvent] {
        var decoder = KeyDecoder()
        return text.utf8.flatMap { decoder.feed(byte: $0) } + decoder.feed(.idle)
    }

    @Test func aLeftPressAndItsRelease() {
        #expect(decodeBytes("\u{1B}[<0;12;5M") == [.mouse(MouseEvent(button: .left, column: 11, row: 4))])
        #expect(decodeBytes("\u{1B}[<0;12;5m") == [.mouse(MouseEvent(button: .left, isRelease: true, column: 11, row: 4))])
    }

    @Test func otherButtonsAndTheWheel() {
        #expect(decodeBytes("\u{1B}[<1;1;1M") == [.mouse(MouseEvent(button: .middle, column: 0, row: 0))])
        #expect(decodeBytes("\u{1B}[<2;3;4M") == [.mouse(MouseEvent(button: .right, column: 2, row: 3))])
        #expect(decodeBytes("\u{1B}[<64;30;10M") == [.mouse(MouseEvent(button: .wheelUp, column: 29, row: 9))])
        #expect(decodeBytes("\u{1B}[<65;30;10M") == [.mouse(MouseEvent(button: .wheelDown, column: 29, row: 9))])
        #expect(decodeBytes("\u{1B}[<66;30;10M") == [.mouse(MouseEvent(button: .other, column: 29, row: 9))])
        #expect(decodeBytes("\u{1B}[<128;30;10M") == [.mouse(MouseEvent(button: .other, column: 29, row: 9))])
    }

    @Test func modifiersAndMotionBits() {
        #expect(decodeBytes("\u{1B}[<4;2;2M") == [.mouse(MouseEvent(button: .left, modifiers: .shift, column: 1, row: 1))])
        #expect(decodeBytes("\u{1B}[<24;2;2M") == [.mouse(MouseEvent(button: .left, modifiers: [.alt, .ctrl], column: 1, row: 1))])
        #expect(decodeBytes("\u{1B}[<32;2;2M") == [.mouse(MouseEvent(button: .left, isMotion: true, column: 1, row: 1))])
        #expect(decodeBytes("\u{1B}[<69;2;2M") == [.mouse(MouseEvent(button: .wheelDown, modifiers: .shift, column: 1, row: 1))])
    }

    @Test func keysAroundAReportStayKeys() {
        #expect(decodeBytes("a\u{1B}[<0;1;1Mb\u{1B}[A") == [.text("a"), .mouse(MouseEvent(button: .left, column: 0, row: 0)), .text("b"), .up])
    }

    /// Over ssh a report can arrive in two reads: the reader finds nothing waiting in between
    /// (`.idle`) and must neither type the first half nor drop the second.
    @Test func aReportSplitAcrossReadsIsWaitedFor() {
        var decoder = KeyDecoder()
        var events = "\u{1B}[<0;12".unicodeScalars.flatMap { decoder.feed(.scalar($0.value)) }
        #expect(!decoder.awaitsMoreInput, "the reader blocks for the rest instead of spinning on .idle")
        events += decoder.feed(.idle)
        #expect(events.isEmpty)
        events += ";5M".unicodeScalars.flatMap { decoder.feed(.scalar($0.value)) }
        #expect(events == [.mouse(MouseEvent(button: .left, column: 11, row: 4))])
    }

    /// A report cut off for good is dropped, and the key typed next is still the key typed.
    @Test func aTruncatedReportNeverSwallowsTheNextKey() {
        #expect(decodeBytes("\u{1B}[<0;12") == [])
        #expect(decodeBytes("\u{1B}[<0;12x") == [.text("x")])
        #expect(decodeBytes("\u{1B}[<0;12\r") == [.enter])
        var decoder = KeyDecoder()
        _ = "\u{1B}[<0;1".unicodeScalars.flatMap { decoder.feed(.scalar($0.value)) }
        #expect(decoder.feed(.key(.up)) == [.up])
        #expect(decoder.feed(.scalar(UInt32(UInt8(ascii: "q")))) == [.text("q")])
    }

    @Test func malformedReportsMeanNothing() {
        for report in [
            "\u{1B}[<0;12M", "\u{1B}[<0;12;5;7M", "\u{1B}[<;12;5M", "\u{1B}[<0;;5M", "\u{1B}[<0;0;5M", "\u{1B}[<0;12;0M",
            "\u{1B}[<256;1;1M", "\u{1B}[<M", "\u{1B}[<m",
        ] {
            #expect(decodeBytes(report) == [], "\(report.debugDescription)")
        }
    }

    @Test func overlongNumbersAreDroppedNotWrapped() {
        #expect(decodeBytes("\u{1B}[<0;9999999;5M") == [])
        #expect(decodeBytes("\u{1B}[<0;99999999999999999999999;5Mz") == [.text("z")])
        #expect(decodeBytes("\u{1B}[<0000000000000000000000000000000000000000;1;1M") == [])
        #expect(decodeBytes("\u{1B}[<0;100000;100000M") == [.mouse(MouseEvent(button: .left, column: 99_999, row: 99_999))])
        #expect(decodeBytes("\u{1B}[<0;100001;1M") == [])
    }

    @Test func garbageInsideAReportEndsItAsTyped() {
        #expect(decodeBytes("\u{1B}[<0;1-2;3M") == [.text("-"), .text("2"), .text(";"), .text("3"), .text("M")])
        #expect(decodeBytes("\u{1B}[<\u{1B}[A") == [.up])
        #expect(decodeBytes("\u{1B}[<0;1;1\u{7F}") == [.backspace])
    }

    /// A terminal that only knows the old encoding sends `\e[M` and three raw bytes: they are
    /// dropped, not typed into the prompt.
    @Test func anOldStyleReportIsDropped() {
        #expect(decodeBytes("\u{1B}[M !!x") == [.text("x")])
        #expect(decodeBytes("\u{1B}[M `5") == [])
    }

    /// Four times the report costs about four times the CPU (sixteen if it were quadratic),
    /// counted in the thread's CPU time so a loaded runner cannot make it look slow.
    @Test func aLongHostileReportIsLinear() {
        func cost(_ repeats: Int) -> Double {
            let long = "\u{1B}[<" + String(repeating: "1;", count: repeats) + "M!"
            var events: [KeyEvent] = []
            let seconds = threadCPUSeconds { events = decodeBytes(long) }
            #expect(events == [.text("!")])
            return seconds
        }
        let short = cost(20_000), long = cost(80_000)
        #expect(long < short * 8, "20,000 repeats took \(short) s of CPU, 80,000 took \(long) s")
    }
}
