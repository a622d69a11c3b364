/// A reader for the part of TOML pixterm's config uses: `[dotted."quoted".tables]`,
/// `key = value` with strings, integers, floats and booleans, and `#` comments.
///
/// Small on purpose: the config is a handful of keys, and a full TOML library would cost every
/// build a C++ dependency. Anything outside the subset is an error naming its line.
public enum TOMLSubset {
    public enum Value: Sendable, Hashable {
        case string(String)
        case integer(Int)
        case float(Double)
        case bool(Bool)
    }

    /// Flattens the document to `table.path.key -> value`.
    public static func parse(_ text: String) throws(PixapiError) -> [String: Value] {
        var values: [String: Value] = [:]
        var table: [String] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            var line = Substring(stripComment(String(rawLine))).trimmingWhitespace()
            if line.isEmpty { continue }
            func failure(_ reason: String) -> PixapiError {
                PixapiError(.invalidInput, "config line \(lineNumber): \(reason)")
            }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), !line.hasPrefix("[[") else { throw failure("a table header must look like [name]") }
                line = String(line.dropFirst().dropLast())
                guard let path = parseKeyPath(line) else { throw failure("cannot read the table name \(line)") }
                table = path
                continue
            }
            guard let equals = indexOfEquals(line) else { throw failure("expected key = value") }
            guard let key = parseKeyPath(String(line[..<equals])) else { throw failure("cannot read the key") }
            let valueText = String(line[line.index(after: equals)...]).trimmingWhitespace()
            guard let value = parseValue(valueText) else {
                throw failure("cannot read the value \(TerminalText.sanitized(valueText)) (use \"text\", a number, true or false)")
            }
            let fullKey = (table + key).joined(separator: ".")
            guard values[fullKey] == nil else { throw failure("\(fullKey) is set twice") }
            values[fullKey] = value
        }
        return values
    }

    private static func stripComment(_ line: String) -> String {
        var quote: Character?
        var escaped = false
        for (offset, char) in line.enumerated() {
            if let open = quote {
                if escaped { escaped = false } else if char == "\\" && open == "\"" { escaped = true } else if char == open { quote = nil }
            } else if char == "\"" || char == "'" {
                quote = char
            } else if char == "#" {
                return String(line.prefix(offset))
            }
        }
        return line
    }

    private static func indexOfEquals(_ line: String) -> String.Index? {
        var quote: Character?
        for index in line.indices {
            let char = line[index]
            if let open = quote { if char == open { quote = nil } } else if char == "\"" || char == "'" { quote = char } else if char == "=" { return index }
        }
        return nil
    }

    /// `a.b."c.d"` -> `["a", "b", "c.d"]`.
    private static func parseKeyPath(_ text: String) -> [String]? {
        var parts: [String] = []
        var rest = Substring(text.trimmingWhitespace())
        while !rest.isEmpty {
            if rest.first == "\"" || rest.first == "'" {
                let quote = rest.removeFirst()
                guard let end = rest.firstIndex(of: quote) else { return nil }
                parts.append(String(rest[..<end]))
                rest = rest[rest.index(after: end)...]
            } else {
                let end = rest.firstIndex(of: ".") ?? rest.endIndex
                let bare = String(rest[..<end]).trimmingWhitespace()
                guard !bare.isEmpty, bare.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else { return nil }
                parts.append(bare)
                rest = rest[end...]
            }
            rest = Substring(String(rest).trimmingWhitespace())
            if rest.first == "." { rest.removeFirst(); rest = Substring(String(rest).trimmingWhitespace()); if rest.isEmpty { return nil } }
            else if !rest.isEmpty { return nil }
        }
        return parts.isEmpty ? nil : parts
    }

    private static func parseValue(_ text: String) -> Value? {
        if text == "true" { return .bool(true) }
        if text == "false" { return .bool(false) }
        if text.count >= 2, text.hasPrefix("'"), text.hasSuffix("'") { return .string(String(text.dropFirst().dropLast())) }
        if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") { return unescape(String(text.dropFirst().dropLast())).map(Value.string) }
        let digits = text.replacingOccurrences(of: "_", with: "")
        if let integer = Int(digits) { return .integer(integer) }
        if let float = Double(digits), float.isFinite { return .float(float) }
        return nil
    }

    private static func unescape(_ text: String) -> String? {
        var out = ""
        var chars = text.makeIterator()
        while let char = chars.next() {
            guard char == "\\" else {
                if char == "\"" { return nil }
                out.append(char)
                continue
            }
            switch chars.next() {
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "\\": out.append("\\")
            case "\"": out.append("\"")
            case "u":
                var hex = ""
                for _ in 0..<4 { if let h = chars.next() { hex.append(h) } }
                guard let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else { return nil }
                out.unicodeScalars.append(scalar)
            default: return nil
            }
        }
        return out
    }
}
