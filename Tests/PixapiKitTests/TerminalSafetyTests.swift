import Foundation
import Testing
@testable import PixapiKit

/// No sequence leaves a remnant after sanitizing, and JSON output carries no raw control byte.
@Suite struct TerminalSafetyTests {
    /// An OSC 52 (clipboard write) dressed in every way a terminal would still start one.
    @Test func sanitizerLeavesNoRemnantOfAnInterruptedOrRestartedSequence() {
        let cases = [
            "x\u{1B}\u{1B}]52;c;ZXZpbA==\u{07}y",  // ESC ESC ]: the second ESC starts the OSC
            "x\u{1B}\u{9D}52;c;ZXZpbA==\u{9C}y",  // ESC then the 8-bit OSC
            "x\u{1B}[12\u{1B}]52;c;ZXZpbA==\u{07}y",  // a CSI cut short by an OSC
            "x\u{1B}]0;t\u{1B}]52;c;ZXZpbA==\u{07}y",  // an OSC cut short by another
            "x\u{1B}]0;t\u{1B}[31my",  // an OSC cut short by a CSI
            "x\u{9D}52;c;ZXZpbA==\u{1B}\\y",  // 8-bit OSC, 7-bit ST
        ]
        for text in cases {
            #expect(TerminalText.sanitized(text) == "xy", "\(text.debugDescription)")
        }
        #expect(TerminalText.sanitized("m\u{9D}52;c;ZXZpbA==") == "m", "an unterminated 8-bit OSC swallows the rest")
        // Deeply nested restarts are handled in a loop: no stack to exhaust.
        #expect(TerminalText.sanitized("a" + String(repeating: "\u{1B}[\u{1B}]", count: 200_000) + "\u{07}b") == "ab")
    }

    @Test func encodedJSONEscapesC1AndDELButKeepsOtherText() throws {
        let value = ["model": "gpt\u{9B}31m\u{7F}\u{85}", "prompt": "é ü ÿ 狐 \u{A0}"]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let raw = try encoder.encode(value)
        #expect(raw.contains(0x7F), "JSONEncoder leaves DEL raw: the reason for the escaping")
        let escaped = JSONControlEscaping.escaped(raw)
        let text = String(decoding: escaped, as: UTF8.self)
        #expect(text.contains(#"gpt\u009b31m\u007f\u0085"#))
        #expect(!zip(escaped, escaped.dropFirst()).contains { $0 == 0xC2 && (0x80...0x9F).contains($1) })
        #expect(!escaped.contains(0x7F))
        let decoded = try JSONDecoder().decode([String: String].self, from: escaped)
        #expect(decoded == value, "the same strings to a JSON reader")
    }
}
