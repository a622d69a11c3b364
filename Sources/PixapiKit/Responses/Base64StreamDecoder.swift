/// Decodes base64 that arrives in arbitrary pieces, so a large inline image never has to exist
/// as one string, one `Data` and one decoded copy at once.
struct Base64StreamDecoder {
    private static let table: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, char) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(char)] = UInt8(index)
        }
        table[Int(UInt8(ascii: "-"))] = 62  // base64url, which some gateways send
        table[Int(UInt8(ascii: "_"))] = 63
        return table
    }()

    private var quad: UInt32 = 0
    private var count = 0
    private var padding = 0
    private(set) var isValid = true

    /// Feeds one base64 character (JSON escapes already removed); appends decoded bytes to `output`.
    mutating func feed(_ char: UInt8, into output: inout [UInt8]) {
        if char == UInt8(ascii: "=") {
            padding += 1
            return
        }
        if char == 0x0A || char == 0x0D || char == 0x20 { return }
        let value = Base64StreamDecoder.table[Int(char)]
        guard value != 0xFF, padding == 0 else {
            isValid = false
            return
        }
        quad = quad << 6 | UInt32(value)
        count += 1
        if count == 4 {
            output.append(UInt8(truncatingIfNeeded: quad >> 16))
            output.append(UInt8(truncatingIfNeeded: quad >> 8))
            output.append(UInt8(truncatingIfNeeded: quad))
            quad = 0
            count = 0
        }
    }

    /// Flushes a final partial group; false when the input was not valid base64.
    mutating func finish(into output: inout [UInt8]) -> Bool {
        switch count {
        case 0: break
        case 2: output.append(UInt8(truncatingIfNeeded: quad >> 4))
        case 3:
            output.append(UInt8(truncatingIfNeeded: quad >> 10))
            output.append(UInt8(truncatingIfNeeded: quad >> 2))
        default: isValid = false
        }
        count = 0
        return isValid
    }
}
