/// A reader for the part of TOML pixterm's config uses: `[dotted."quoted".tables]`,
/// `key = value` with strings, integers (decimal, `0x`, `0o`, `0b`, `1_000`), floats and
/// booleans, `#` comments, and LF or CRLF line endings.
///
/// Small on purpose: the config is a handful of keys, and a full TOML library would cost every
/// build a C++ dependency. Anything outside the subset is an error naming its line and column.
/// Errors never repeat what the file says (the value may be the API key), only where and what
/// was expected. One forward pass over the bytes, so hostile sizes cost linear time.
public enum TOMLSubset {
    public enum Value: Sendable, Hashable {
        case string(String)
        case integer(Int)
        case float(Double)
        case bool(Bool)
    }

    /// Real configs are a few hundred bytes; anything near this is not a config file.
    public static let maxDocumentBytes = 1 << 20

    /// The refusal for a document over `maxDocumentBytes`, shared with the file reader.
    static var tooLarge: PixapiError {
        PixapiError(.invalidInput, "the config is larger than 1 MiB; pixterm's config is a few lines, so check that this is the right file")
    }

    /// Flattens the document to `table.path.key -> value`.
    public static func parse(_ text: String) throws(PixapiError) -> [String: Value] {
        guard text.utf8.count <= maxDocumentBytes else { throw tooLarge }
        var reader = TOMLReader(Array(text.utf8))
        return try reader.document()
    }
}

/// The cursor behind `TOMLSubset.parse`: every step moves forward, nothing is re-scanned.
private struct TOMLReader {
    private let bytes: [UInt8]
    private var position = 0
    private var line = 1
    private var lineStart = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }  // a byte order mark, as Windows editors write
    }

    private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    private func peek(_ offset: Int) -> UInt8? {
        position + offset < bytes.count ? bytes[position + offset] : nil
    }

    /// "config line L, column C: what was expected"; the column counts characters, not bytes.
    private func failure(_ expected: String, at offset: Int? = nil) -> PixapiError {
        let end = min(offset ?? position, bytes.count)
        let column = bytes[lineStart..<max(lineStart, end)].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        return PixapiError(.invalidInput, "config line \(line), column \(column): \(expected)")
    }

    mutating func document() throws(PixapiError) -> [String: TOMLSubset.Value] {
        var values: [String: TOMLSubset.Value] = [:]
        var table = ""
        while position < bytes.count {
            skipBlanks()
            switch current {
            case UInt8(ascii: "["):
                table = try tableHeader()
            case UInt8(ascii: "#"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), nil:
                break
            default:
                let keyStart = position
                let key = try keyPath()
                skipBlanks()
                guard current == UInt8(ascii: "=") else { throw failure("expected = after the key") }
                position += 1
                skipBlanks()
                let value = try value()
                let fullKey = table.isEmpty ? key : table + "." + key
                guard values.updateValue(value, forKey: fullKey) == nil else {
                    // The line and column say which key; its name is not repeated, as a key pasted
                    // where a name belongs may be the API key itself.
                    throw failure("this key is set twice (an earlier line sets it too)", at: keyStart)
                }
            }
            try endOfLine()
        }
        return values
    }

    private mutating func skipBlanks() {
        while let byte = current, byte == 0x20 || byte == 0x09 { position += 1 }
    }

    /// After a line's content: blanks, an optional comment, then LF, CRLF or the end.
    private mutating func endOfLine() throws(PixapiError) {
        skipBlanks()
        if current == UInt8(ascii: "#") {
            while let byte = current, byte != 0x0A, byte != 0x0D { position += 1 }
        }
        switch current {
        case nil:
            return
        case 0x0A:
            position += 1
        case 0x0D where peek(1) == 0x0A:
            position += 2
        case 0x0D:
            throw failure("a carriage return must be followed by a line feed")
        default:
            throw failure("expected the end of the line (one key = value per line)")
        }
        line += 1
        lineStart = position
    }

    /// `[a.b."c"]` -> the dotted prefix of the keys below it.
    private mutating func tableHeader() throws(PixapiError) -> String {
        position += 1
        if current == UInt8(ascii: "[") { throw failure("arrays of tables ([[name]]) are not supported") }
        skipBlanks()
        let path = try keyPath()
        skipBlanks()
        guard current == UInt8(ascii: "]") else { throw failure("expected ] to close the table name") }
        position += 1
        return path
    }

    /// `a . b."c.d"` -> `a.b.c.d`: parts joined by dots, as the flattened keys are.
    private mutating func keyPath() throws(PixapiError) -> String {
        var path = try key()
        skipBlanks()
        while current == UInt8(ascii: ".") {
            position += 1
            skipBlanks()
            path += "."
            path += try key()
            skipBlanks()
        }
        return path
    }

    private mutating func key() throws(PixapiError) -> String {
        switch current {
        case UInt8(ascii: "\""): return try basicString()
        case UInt8(ascii: "'"): return try literalString()
        default:
            let start = position
            while let byte = current, Self.isBareKeyByte(byte) { position += 1 }
            guard position > start else { throw failure("expected a key: letters, digits, _ and -, or a name in quotes") }
            return String(decoding: bytes[start..<position], as: UTF8.self)
        }
    }

    private static func isBareKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "_"), UInt8(ascii: "-"):
            true
        default: false
        }
    }

    private mutating func value() throws(PixapiError) -> TOMLSubset.Value {
        switch current {
        case UInt8(ascii: "\""):
            if peek(1) == UInt8(ascii: "\""), peek(2) == UInt8(ascii: "\"") { throw failure("multi-line strings (\"\"\") are not supported") }
            return .string(try basicString())
        case UInt8(ascii: "'"):
            if peek(1) == UInt8(ascii: "'"), peek(2) == UInt8(ascii: "'") { throw failure("multi-line strings (''') are not supported") }
            return .string(try literalString())
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            throw failure("arrays and inline tables are not supported")
        default:
            let start = position
            while let byte = current, byte != 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D, byte != UInt8(ascii: "#") {
                position += 1
            }
            let token = bytes[start..<position]
            if token.elementsEqual("true".utf8) { return .bool(true) }
            if token.elementsEqual("false".utf8) { return .bool(false) }
            guard !token.isEmpty, let number = TOMLNumber.parse(token) else {
                throw failure("expected a value: \"text\", 'text', a number (42, 1_000, 0x1F, 1.5), true or false", at: start)
            }
            return number
        }
    }

    /// `"..."` with TOML's escapes; must close on the same line.
    private mutating func basicString() throws(PixapiError) -> String {
        let opening = position
        position += 1
        var text: [UInt8] = []
        while let byte = current, byte != 0x0A, byte != 0x0D {
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return String(decoding: text, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try escape(into: &text)
            default:
                try checkStringByte(byte)
                text.append(byte)
                position += 1
            }
        }
        throw failure("the string has no closing \" on its line", at: opening)
    }

    /// `'...'`: no escapes; must close on the same line.
    private mutating func literalString() throws(PixapiError) -> String {
        let opening = position
        position += 1
        let start = position
        while let byte = current, byte != UInt8(ascii: "'"), byte != 0x0A, byte != 0x0D {
            try checkStringByte(byte)
            position += 1
        }
        guard current == UInt8(ascii: "'") else { throw failure("the string has no closing ' on its line", at: opening) }
        defer { position += 1 }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private func checkStringByte(_ byte: UInt8) throws(PixapiError) {
        switch byte {
        case 0x09: return
        case 0x00..<0x20, 0x7F: throw failure("a string cannot hold control characters; write \\t, \\n or \\u0000-style escapes")
        default: return
        }
    }

    private mutating func escape(into text: inout [UInt8]) throws(PixapiError) {
        let start = position
        position += 1
        let simple: UInt8?
        switch current {
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "\""): simple = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): simple = UInt8(ascii: "\\")
        case UInt8(ascii: "u"), UInt8(ascii: "U"): simple = nil
        default: throw failure("unknown escape in a string; use \\\", \\\\, \\t, \\n, \\r, \\b, \\f, \\uXXXX or \\UXXXXXXXX", at: start)
        }
        if let simple {
            text.append(simple)
            position += 1
            return
        }
        let digits = current == UInt8(ascii: "u") ? 4 : 8
        position += 1
        var value: UInt32 = 0
        for _ in 0..<digits {
            guard let byte = current, let digit = TOMLNumber.digitValue(byte, radix: 16) else {
                throw failure("\\u needs 4 and \\U 8 hexadecimal digits", at: start)
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        guard let scalar = Unicode.Scalar(value) else { throw failure("the escape is not a Unicode character", at: start) }
        text.append(contentsOf: String(scalar).utf8)
    }
}
