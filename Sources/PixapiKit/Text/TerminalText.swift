/// Makes text from a server, a file or a user safe to put on a terminal.
public enum TerminalText {
    /// Removes C0/C1 control characters and whole escape sequences (CSI, OSC, DCS, ...), so server
    /// or file text can never move the cursor, retitle the window or write to the clipboard.
    /// Newlines and tabs become spaces unless `keepNewlines` is set.
    public static func sanitized(_ text: String, keepNewlines: Bool = false) -> String {
        // Most text has nothing to remove: no C0 control, DEL or C1 control (whose UTF-8 starts 0xC2).
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x7F && $0 != 0xC2 }) { return text }
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            switch scalar.value {
            case 0x1B:
                pending = skipEscapeSequence(after: pending, in: &scalars)
            case 0x9B, 0x9D, 0x90, 0x98, 0x9E, 0x9F:
                // 8-bit CSI, OSC, DCS, SOS, PM, APC: skip to the terminator like their 7-bit forms.
                pending = skipString(from: pending, in: &scalars, isCSI: scalar.value == 0x9B)
            case 0x0A where keepNewlines:
                out.append(scalar)
            case 0x09, 0x0A, 0x0D:
                out.append(" ")
            case 0x00..<0x20, 0x7F, 0x80..<0xA0:
                continue
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Skips the rest of an escape sequence whose ESC was just read and returns the scalar after
    /// it. As a terminal does, a control character where the sequence expected its final byte
    /// (another ESC, a C1 introducer) is not swallowed but starts over: `ESC ESC ] 52 ...` and
    /// `ESC U+009D 52 ...` must not leave `]52;c;...` behind.
    private static func skipEscapeSequence(
        after next: Unicode.Scalar?, in scalars: inout String.UnicodeScalarView.Iterator
    ) -> Unicode.Scalar? {
        guard let introducer = next else { return nil }
        switch introducer {
        case "[": return skipString(from: scalars.next(), in: &scalars, isCSI: true)
        case "]", "P", "X", "^", "_": return skipString(from: scalars.next(), in: &scalars, isCSI: false)
        default:
            // Two-character escapes (ESC c, ESC 7, ESC ( B ...): drop any intermediate bytes and
            // the final byte with the introducer.
            var current: Unicode.Scalar? = introducer
            while let scalar = current, (0x20...0x2F).contains(scalar.value) { current = scalars.next() }
            guard let final = current else { return nil }
            return (0x30...0x7E).contains(final.value) ? scalars.next() : final
        }
    }

    /// Skips a CSI (ends at a final byte 0x40-0x7E) or a string sequence (ends at BEL or ST, that
    /// is ESC \ or U+009C). An ESC inside either cancels it and starts a new escape sequence,
    /// which is skipped too; in a loop, not by recursion, so no input can exhaust the stack.
    private static func skipString(
        from start: Unicode.Scalar?, in scalars: inout String.UnicodeScalarView.Iterator, isCSI: Bool
    ) -> Unicode.Scalar? {
        var isCSI = isCSI
        var current = start
        while let scalar = current {
            if scalar.value == 0x1B {
                let next = scalars.next()
                switch next {
                case "\\" where !isCSI: return scalars.next()
                case "[": isCSI = true
                case "]", "P", "X", "^", "_": isCSI = false
                default: return skipEscapeSequence(after: next, in: &scalars)
                }
            } else if isCSI {
                if (0x40...0x7E).contains(scalar.value) { return scalars.next() }
            } else if scalar.value == 0x07 || scalar.value == 0x9C {
                return scalars.next()
            }
            current = scalars.next()
        }
        return nil
    }
}
