import Foundation
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

    /// Sized so the old quadratic decoder took seconds (over 10 s for the paste and for the
    /// sequence in a debug build) while the linear one takes a fraction of a second.
    private func decodeTimed(_ bytes: [UInt8]) -> (events: [KeyEvent], seconds: Double) {
        let clock = ContinuousClock()
        var events: [KeyEvent] = []
        let elapsed = clock.measure { events = decodeBytes(bytes) }
        return (events, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    @Test func aLongParameterRunIsDroppedInLinearTime() {
        let bytes = Array("\u{1B}[".utf8) + Array(repeating: UInt8(ascii: "1"), count: 600_000) + Array("Ax".utf8)
        let run = decodeTimed(bytes)
        #expect(run.seconds < 2.5)
        #expect(run.events == [.text("x")])
    }

    @Test func aLargePasteDecodesInLinearTime() {
        let text = String(repeating: "pasted 猫\r", count: 55_000)
        let bytes = Array("\u{1B}[200~".utf8) + Array(text.utf8) + Array("\u{1B}[20\u{1B}[201~".utf8)
        let run = decodeTimed(bytes)
        #expect(run.seconds < 2.5)
        let expected = text.replacingOccurrences(of: "\r", with: "\n") + "\u{1B}[20"
        #expect(run.events == [.paste(expected)])
    }
}
