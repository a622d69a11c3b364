import Foundation

/// Makes encoded JSON safe to print on a terminal.
///
/// `JSONEncoder` escapes C0 controls inside strings but writes DEL and the C1 controls
/// (U+0080-U+009F) as raw bytes, and a terminal acts on U+009B (CSI) or U+009D (OSC) as it does on
/// `ESC [` or `ESC ]`. JSON's own syntax is ASCII, so these can only be inside strings, where
/// `\u00XX` is the same character to a JSON reader and inert to a terminal.
public enum JSONControlEscaping {
    /// `json` with DEL and every C1 control written as `\u00XX`; all other bytes as they were.
    public static func escaped(_ json: Data) -> Data {
        var out = Data()
        out.reserveCapacity(json.count)
        var bytes = json.makeIterator()
        while let byte = bytes.next() {
            if byte == 0x7F {
                out.append(contentsOf: escape(0x7F))
            } else if byte == 0xC2 {
                // U+0080-U+00BF are C2 80-BF in UTF-8; the C1 controls are C2 80-9F.
                guard let second = bytes.next() else {
                    out.append(byte)
                    break
                }
                if (0x80...0x9F).contains(second) {
                    out.append(contentsOf: escape(second))
                } else {
                    out.append(contentsOf: [byte, second])
                }
            } else {
                out.append(byte)
            }
        }
        return out
    }

    private static func escape(_ value: UInt8) -> [UInt8] {
        let hex = Array("0123456789abcdef".utf8)
        return Array("\\u00".utf8) + [hex[Int(value >> 4)], hex[Int(value & 0x0F)]]
    }
}
