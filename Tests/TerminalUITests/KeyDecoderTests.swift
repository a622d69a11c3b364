import Testing
@testable import TerminalUI

/// Tokens as the decoder has them once UTF-8 is assembled: one scalar per character.
func raw(_ text: String) -> [InputToken] { text.unicodeScalars.map { .scalar($0.value) } }

func decode(_ tokens: [InputToken]) -> [KeyEvent] {
    var decoder = KeyDecoder()
    return tokens.flatMap { decoder.feed($0) }
}

@Suite("Key decoder")
struct KeyDecoderTests {
    @Test func enterAndCtrlJAreDifferentKeys() {
        #expect(decode(raw("\r")) == [.enter])
        #expect(decode(raw("\n")) == [.ctrl("j")])
    }

    @Test func controlCodesBecomeCtrlLetters() {
        #expect(decode([.scalar(1), .scalar(3), .scalar(26), .scalar(0)]) == [.ctrl("a"), .ctrl("c"), .ctrl("z"), .ctrl(" ")])
        #expect(decode([.scalar(127), .scalar(8), .scalar(9)]) == [.backspace, .backspace, .tab])
    }

    @Test func printableTextIncludingWideAndCombiningScalars() {
        #expect(decode(raw("a漢\u{301}")) == [.text("a"), .text("漢"), .text("\u{301}")])
    }

    @Test func altEnterAndAltLetter() {
        #expect(decode(raw("\u{1B}\r")) == [.alt(.enter)])
        #expect(decode(raw("\u{1B}x")) == [.alt(.text("x"))])
    }

    @Test func escAloneNeedsTheIdleSignal() {
        var decoder = KeyDecoder()
        #expect(decoder.feed(.scalar(0x1B)).isEmpty)
        #expect(decoder.awaitsMoreInput)
        #expect(decoder.feed(.idle) == [.escape])
        #expect(!decoder.awaitsMoreInput)
        #expect(decoder.feed(.scalar(0x61)) == [.text("a")])
    }

    @Test func escEscIsTwoEscapes() {
        #expect(decode(raw("\u{1B}\u{1B}") + [.idle]) == [.escape, .escape])
    }

    @Test func escBeforeAnNcursesDecodedKeyIsAlt() {
        #expect(decode([.scalar(0x1B), .key(.left)]) == [.alt(.left)])
        #expect(decode([.scalar(0x1B), .key(.resize(columns: 80, rows: 24))]) == [.escape, .resize(columns: 80, rows: 24)])
    }

    @Test func shiftTabFromRawSequenceAndFromNcurses() {
        #expect(decode(raw("\u{1B}[Z")) == [.backTab])
        #expect(decode([.key(.backTab)]) == [.backTab])
    }

    @Test func modifiedArrowsFromRawSequences() {
        #expect(decode(raw("\u{1B}[1;5D\u{1B}[1;5C")) == [.ctrlLeft, .ctrlRight])
        #expect(decode(raw("\u{1B}[1;3D\u{1B}[1;3C")) == [.alt(.left), .alt(.right)])
        #expect(decode(raw("\u{1B}[1;7D")) == [.alt(.ctrlLeft)])
    }

    @Test func wordMotionAcceptsEverySpelling() {
        let left = decode(raw("\u{1B}[1;5D\u{1B}[1;3D\u{1B}b"))
        let right = decode(raw("\u{1B}[1;5C\u{1B}[1;3C\u{1B}f"))
        #expect(left.count == 3 && left.allSatisfy(\.isWordLeft))
        #expect(right.count == 3 && right.allSatisfy(\.isWordRight))
        #expect(!KeyEvent.left.isWordLeft && !KeyEvent.text("b").isWordLeft)
    }

    @Test func navigationAndFunctionKeys() {
        #expect(
            decode(raw("\u{1B}[A\u{1B}OB\u{1B}[H\u{1B}[4~\u{1B}[5~\u{1B}[6~\u{1B}[3~\u{1B}[3;5~"))
                == [.up, .down, .home, .end, .pageUp, .pageDown, .delete, .delete])
        #expect(decode(raw("\u{1B}OP\u{1B}[1;2S\u{1B}[15~\u{1B}[17~\u{1B}[24~")) == [.function(1), .function(4), .function(5), .function(6), .function(12)])
    }

    @Test func unknownSequencesAreDroppedNotTyped() {
        #expect(decode(raw("\u{1B}[99xa")) == [.text("a")])
        #expect(decode(raw("\u{1B}[1;\u{3}")) == [.ctrl("c")])
    }

    @Test func aSequenceCutShortByIdleIsAltBracket() {
        #expect(decode(raw("\u{1B}[") + [.idle]) == [.alt(.text("["))])
        #expect(decode(raw("\u{1B}O") + [.idle]) == [.alt(.text("O"))])
    }

    @Test func bracketedPasteFromRawBytesIsOneEventWithNewlines() {
        let events = decode(raw("\u{1B}[200~line 1\rline 2\r\nend\u{1B}[201~q"))
        #expect(events == [.paste("line 1\nline 2\nend"), .text("q")])
    }

    @Test func pasteKeepsEscapesThatAreNotTheEndMarker() {
        let events = decode(raw("\u{1B}[200~a\u{1B}[Ab\u{1B}[20x\u{1B}\u{1B}[201~"))
        #expect(events == [.paste("a\u{1B}[Ab\u{1B}[20x\u{1B}")])
    }

    @Test func pasteBetweenNcursesMarkersIgnoresIdle() {
        var decoder = KeyDecoder()
        var events = decoder.feed(.pasteStart)
        #expect(decoder.isPasting && !decoder.awaitsMoreInput)
        for token in raw("x\ry") + [.idle] + raw("\tz") { events += decoder.feed(token) }
        #expect(events.isEmpty)
        events += decoder.feed(.pasteEnd)
        #expect(events == [.paste("x\ny\tz")])
        #expect(!decoder.isPasting)
    }

    @Test func escBeforeAPasteIsAnEscape() {
        #expect(decode([.scalar(0x1B), .pasteStart] + raw("p") + [.pasteEnd]) == [.escape, .paste("p")])
    }
}
