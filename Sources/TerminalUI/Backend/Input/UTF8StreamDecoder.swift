/// Assembles Unicode scalars from terminal bytes as they arrive, one byte at a time, so a
/// character split across two reads (common over ssh) still comes out whole. The UI decodes
/// UTF-8 itself instead of through the C library's locale, which without a UTF-8 locale
/// rejects every non-ASCII byte. A malformed byte becomes U+FFFD, never silence, following
/// the WHATWG decoder: the byte that broke a sequence starts over on its own.
struct UTF8StreamDecoder: Sendable, Hashable {
    private var value: UInt32 = 0
    private var needed = 0
    private var lower: UInt8 = 0x80, upper: UInt8 = 0xBF

    static let replacement: UInt32 = 0xFFFD

    /// What one byte completes: nothing mid-character, usually one scalar, and a replacement
    /// before it when the byte broke a sequence. A value, not an array: this runs per byte.
    struct Completed: Hashable {
        var replaced = false
        var scalar: UInt32?
    }

    mutating func push(_ byte: UInt8) -> Completed {
        guard needed > 0 else { return Completed(scalar: start(byte)) }
        guard (lower...upper).contains(byte) else {
            self = UTF8StreamDecoder()
            return Completed(replaced: true, scalar: start(byte))
        }
        lower = 0x80
        upper = 0xBF
        value = value << 6 | UInt32(byte & 0x3F)
        needed -= 1
        guard needed == 0 else { return Completed() }
        defer { value = 0 }
        return Completed(scalar: value)
    }

    /// The scalar a byte is on its own, or nil when it starts a longer character.
    private mutating func start(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x00...0x7F:
            return UInt32(byte)
        case 0xC2...0xDF:
            needed = 1
            value = UInt32(byte & 0x1F)
        case 0xE0...0xEF:
            // No overlong forms (E0 80...9F) and no surrogates (ED A0...BF).
            if byte == 0xE0 { lower = 0xA0 }
            if byte == 0xED { upper = 0x9F }
            needed = 2
            value = UInt32(byte & 0x0F)
        case 0xF0...0xF4:
            // No overlong forms (F0 80...8F) and nothing past U+10FFFF (F4 90...).
            if byte == 0xF0 { lower = 0x90 }
            if byte == 0xF4 { upper = 0x8F }
            needed = 3
            value = UInt32(byte & 0x07)
        default:
            return Self.replacement
        }
        return nil
    }
}
