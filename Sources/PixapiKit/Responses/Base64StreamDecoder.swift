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

    /// Decodes whole groups of four alphabet characters from the front of `input` into `output`,
    /// three bytes each, while there is room, and stops at the first group holding anything
    /// else (padding, a line break, a quote, an invalid character) for `feed` to take one
    /// character at a time. Returns how many characters it read and bytes it wrote. A photo's
    /// megabytes of base64 are nearly all such groups: this is the loop they go through.
    mutating func decodeGroups(_ input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>) -> (read: Int, written: Int) {
        // Only between groups and before any padding: `feed` finishes a group it started.
        guard count == 0, padding == 0, isValid, var source = input.baseAddress, var target = output.baseAddress else { return (0, 0) }
        let groups = min(input.count / 4, output.count / 3)
        var done = 0
        Base64StreamDecoder.table.withUnsafeBufferPointer { table in
            while done < groups {
                let a = table[Int(source[0])], b = table[Int(source[1])], c = table[Int(source[2])], d = table[Int(source[3])]
                // 0xFF marks a character outside the alphabet; any of the four stops the run.
                guard (a | b | c | d) & 0xC0 == 0 else { break }
                let quad = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
                target[0] = UInt8(truncatingIfNeeded: quad >> 16)
                target[1] = UInt8(truncatingIfNeeded: quad >> 8)
                target[2] = UInt8(truncatingIfNeeded: quad)
                source += 4
                target += 3
                done += 1
            }
        }
        return (done * 4, done * 3)
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
