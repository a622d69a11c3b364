import Testing
@testable import TerminalUI

/// Bytes as the terminal sends them, which the decoder assembles into UTF-8 itself.
private func typed(_ chunks: [[UInt8]], idleBetween: Bool = true) -> [KeyEvent] {
    var decoder = KeyDecoder()
    return chunks.flatMap { chunk in
        chunk.flatMap { decoder.feed(byte: $0) } + (idleBetween ? decoder.feed(.idle) : [])
    }
}

private func text(_ events: [KeyEvent]) -> [Unicode.Scalar]? {
    var scalars: [Unicode.Scalar] = []
    for event in events {
        guard case .text(let character) = event else { return nil }
        scalars += character.unicodeScalars
    }
    return scalars
}

@Suite("Key decoder, UTF-8")
struct KeyDecoderUTF8Tests {
    /// CJK, an emoji ZWJ sequence, a skin tone and a combining mark: one to four bytes each.
    static let burst = "a 猫 riding 🐈‍⬛ past a cafe\u{301} 👍🏽!"

    @Test func aBurstSplitAcrossTwoReadsAtEveryByteComesOutWhole() {
        let bytes = Array(Self.burst.utf8)
        for split in 0...bytes.count {
            let events = typed([Array(bytes[..<split]), Array(bytes[split...])])
            #expect(text(events) == Array(Self.burst.unicodeScalars), "split after byte \(split)")
        }
    }

    @Test func aBurstReadOneByteAtATimeComesOutWhole() {
        let events = typed(Self.burst.utf8.map { [$0] })
        #expect(text(events) == Array(Self.burst.unicodeScalars))
        #expect(events.first == .text("a") && events.contains(.text("猫")) && events.contains(.text("\u{301}")))
    }

    @Test func malformedBytesShowAsReplacementsAndLoseNothingAfter() {
        // A lead byte cut short by ASCII, a stray continuation, an overlong form, a surrogate.
        #expect(typed([[0xE7, 0x61]]) == [.text("\u{FFFD}"), .text("a")])
        #expect(typed([[0x80, 0x62]]) == [.text("\u{FFFD}"), .text("b")])
        #expect(typed([[0xC0, 0x80]]) == [.text("\u{FFFD}"), .text("\u{FFFD}")])
        #expect(typed([[0xED, 0xA0, 0x80, 0x63]]) == [.text("\u{FFFD}"), .text("\u{FFFD}"), .text("\u{FFFD}"), .text("c")])
        #expect(typed([[0xF4, 0x90, 0x80, 0x80]]).count == 4)
    }

    @Test func altWithANonASCIICharacterAndPastedUTF8() {
        #expect(typed([[0x1B] + Array("é".utf8)], idleBetween: false) == [.alt(.text("é"))])
        var decoder = KeyDecoder()
        var events = decoder.feed(.pasteStart)
        events += Array("猫\r🐈".utf8).flatMap { decoder.feed(byte: $0) }
        events += decoder.feed(.pasteEnd)
        #expect(events == [.paste("猫\n🐈")])
    }
}
