/// TOML's numbers: decimal integers (no leading zeros), `0x`/`0o`/`0b` integers, floats with a
/// fraction and/or an exponent, `_` only between digits. Integers stay integers, so
/// `max_credits = 0x10` is 16, not a float.
enum TOMLNumber {
    static func parse(_ token: ArraySlice<UInt8>) -> TOMLSubset.Value? {
        var body = token
        var negative = false, signed = false
        if let sign = body.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            negative = sign == UInt8(ascii: "-")
            signed = true
            body = body.dropFirst()
        }
        if body.count > 2, body.first == UInt8(ascii: "0"), let radix = prefixedRadix(body[body.startIndex + 1]) {
            // TOML gives prefixed integers no sign.
            guard !signed, let digits = digits(body.dropFirst(2), radix: radix) else { return nil }
            return integer(digits, radix: radix, negative: false)
        }
        let split = body.firstIndex { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") } ?? body.endIndex
        guard let whole = digits(body[..<split], radix: 10), whole.count == 1 || whole.first != 0 else { return nil }
        if split == body.endIndex { return integer(whole, radix: 10, negative: negative) }
        return float(whole: whole, rest: body[split...], negative: negative)
    }

    /// The value of a digit in `radix` (up to 16), or nil.
    static func digitValue(_ byte: UInt8, radix: Int) -> Int? {
        let value: Int
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): value = Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): value = Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): value = Int(byte - UInt8(ascii: "A")) + 10
        default: return nil
        }
        return value < radix ? value : nil
    }

    private static func prefixedRadix(_ letter: UInt8) -> Int? {
        switch letter {
        case UInt8(ascii: "x"): 16
        case UInt8(ascii: "o"): 8
        case UInt8(ascii: "b"): 2
        default: nil
        }
    }

    /// The digit values of `text`, which must be digits with single underscores between them.
    private static func digits(_ text: ArraySlice<UInt8>, radix: Int) -> [Int]? {
        var values: [Int] = []
        var afterUnderscore = true  // also refuses a leading underscore
        for byte in text {
            if byte == UInt8(ascii: "_") {
                guard !afterUnderscore else { return nil }
                afterUnderscore = true
            } else {
                guard let value = digitValue(byte, radix: radix) else { return nil }
                values.append(value)
                afterUnderscore = false
            }
        }
        return afterUnderscore ? nil : values
    }

    private static func integer(_ digits: [Int], radix: Int, negative: Bool) -> TOMLSubset.Value? {
        var magnitude: UInt64 = 0
        for digit in digits {
            let (shifted, overflow) = magnitude.multipliedReportingOverflow(by: UInt64(radix))
            guard !overflow else { return nil }
            let (sum, carry) = shifted.addingReportingOverflow(UInt64(digit))
            guard !carry else { return nil }
            magnitude = sum
        }
        if negative {
            guard magnitude <= UInt64(Int.max) + 1 else { return nil }
            return .integer(magnitude == UInt64(Int.max) + 1 ? Int.min : -Int(magnitude))
        }
        guard magnitude <= UInt64(Int.max) else { return nil }
        return .integer(Int(magnitude))
    }

    /// `rest` is `.fraction`, `e exponent` or both, after the whole part.
    private static func float(whole: [Int], rest: ArraySlice<UInt8>, negative: Bool) -> TOMLSubset.Value? {
        var text = negative ? "-" : ""
        text += whole.map(String.init).joined()
        var rest = rest
        if rest.first == UInt8(ascii: ".") {
            let end = rest.firstIndex { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") } ?? rest.endIndex
            guard let fraction = digits(rest[(rest.startIndex + 1)..<end], radix: 10) else { return nil }
            text += "." + fraction.map(String.init).joined()
            rest = rest[end...]
        }
        if let marker = rest.first {
            guard marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") else { return nil }
            var exponent = rest.dropFirst()
            text += "e"
            if let sign = exponent.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                text += sign == UInt8(ascii: "-") ? "-" : "+"
                exponent = exponent.dropFirst()
            }
            guard let power = digits(exponent, radix: 10) else { return nil }
            text += power.map(String.init).joined()
        }
        guard let value = Double(text), value.isFinite else { return nil }
        return .float(value)
    }
}
