import Foundation
import TestSupport
import Testing
@testable import TerminalUI

/// Inputs found by fuzzing the key decoder (Fuzz/run.sh keys) and sizes a hostile or broken
/// terminal can send: each must decode without trapping and in linear time.
@Suite("Key decoder, hostile input")
struct KeyDecoderHostileInputTests {
    private func decodeBytes(_ bytes: [UInt8]) -> [KeyEvent] {
        var decoder = KeyDecoder()
        return bytes.flatMap { decoder.feed(byte: $0) } + decoder.feed(.idle)
    }

    /// Fuzz/corpus/keys/regression-csi-int-min-modifier: `Int` read the signed modifier
    /// parameter, and `Int.min - 1` trapped, killing the UI.
    @Test func aSignedModifierParameterDoesNotTrap() {
        let found: [UInt8] = Array("\u{1B}[1;-9223372036854775808[15;5yb\u{1B}".utf8) + [0xF8]
        _ = decodeBytes(found)
        #expect(decode(raw("\u{1B}[1;-9223372036854775808A")) == [.up])
        #expect(decode(raw("\u{1B}[1;+5C")) == [.right])
        #expect(decode(raw("\u{1B}[1;99999999999999999999D")) == [.left])
        #expect(decode(raw("\u{1B}[1;5C")) == [.ctrlRight])
    }

    /// The thread's CPU time to decode `bytes` (not the wall clock, which a loaded runner
    /// stretches), with what it decoded to.
    private func decodeCost(_ bytes: [UInt8]) -> (events: [KeyEvent], seconds: Double) {
        var events: [KeyEvent] = []
        let seconds = threadCPUSeconds { events = decodeBytes(bytes) }
        return (events, seconds)
    }

    /// Four times the input must cost about four times the CPU; the old quadratic decoder took
    /// sixteen times (over 10 s for 600,000 bytes in a debug build).
    @Test func aLongParameterRunIsDroppedInLinearTime() {
        func run(_ count: Int) -> (events: [KeyEvent], seconds: Double) {
            decodeCost(Array("\u{1B}[".utf8) + Array(repeating: UInt8(ascii: "1"), count: count) + Array("Ax".utf8))
        }
        let short = run(40_000), long = run(160_000)
        #expect(short.events == [.text("x")] && long.events == [.text("x")])
        #expect(long.seconds < short.seconds * 8, "40,000 bytes took \(short.seconds) s of CPU, 160,000 took \(long.seconds) s")
    }

    @Test func aLargePasteDecodesInLinearTime() {
        func run(_ lines: Int) -> (events: [KeyEvent], seconds: Double, expected: String) {
            let text = String(repeating: "pasted 猫\r", count: lines)
            let cost = decodeCost(Array("\u{1B}[200~".utf8) + Array(text.utf8) + Array("\u{1B}[20\u{1B}[201~".utf8))
            return (cost.events, cost.seconds, text.replacingOccurrences(of: "\r", with: "\n") + "\u{1B}[20")
        }
        let short = run(4_000), long = run(16_000)
        #expect(short.events == [.paste(short.expected)] && long.events == [.paste(long.expected)])
        #expect(long.seconds < short.seconds * 8, "4,000 lines took \(short.seconds) s of CPU, 16,000 took \(long.seconds) s")
    }
}
