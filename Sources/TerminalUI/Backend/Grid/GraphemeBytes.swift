import Foundation

/// A grapheme cluster's UTF-8 bytes as plain data, so a cell holds no reference: a frame of
/// cells is filled, copied and compared like integers, which is most of what a keystroke costs.
/// Clusters of up to 15 bytes (every letter, CJK ideograph, accent stack and most emoji) are held
/// inline; longer ones (family and profession emoji sequences) are stored once per process.
/// Equal bytes mean equal clusters, so two cells compare equal exactly when the terminal would
/// receive the same text for them.
struct GraphemeBytes: Sendable, Hashable {
    /// Bytes 0-7 of the cluster, or the number of a long one in `LongGraphemes`.
    private let low: UInt64
    /// Bytes 8-14, and the byte count in the top byte (`longMarker` for a long cluster).
    private let high: UInt64

    private static let inlineCapacity = 15
    private static let longMarker: UInt64 = 0xFF

    /// One ASCII character (its byte below 0x80), without the general path's decoding.
    init(ascii byte: UInt8) {
        low = UInt64(byte)
        high = 1 << 56
    }

    init(_ character: Character) {
        let utf8 = character.utf8
        guard utf8.count <= Self.inlineCapacity else {
            low = UInt64(LongGraphemes.shared.number(of: Array(utf8)))
            high = Self.longMarker << 56
            return
        }
        var bytes: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &bytes) { bytes in
            if utf8.withContiguousStorageIfAvailable({ bytes.copyMemory(from: UnsafeRawBufferPointer($0)) }) == nil {
                for (offset, byte) in utf8.enumerated() { bytes[offset] = byte }
            }
        }
        low = UInt64(littleEndian: bytes.0)
        high = UInt64(littleEndian: bytes.1) | UInt64(utf8.count) << 56
    }

    var character: Character {
        let count = high >> 56
        if count == Self.longMarker { return LongGraphemes.shared.character(number: Int(low)) }
        var bytes = (low.littleEndian, high.littleEndian)
        return withUnsafeBytes(of: &bytes) { Character(String(decoding: $0.prefix(Int(count)), as: UTF8.self)) }
    }
}

/// The clusters too long to hold inline, each stored once by its exact bytes and never dropped:
/// there are only as many as distinct long emoji sequences ever drawn.
private final class LongGraphemes: @unchecked Sendable {
    static let shared = LongGraphemes()

    private let lock = NSLock()
    private var characters: [Character] = []
    private var numbers: [[UInt8]: Int] = [:]

    func number(of bytes: [UInt8]) -> Int {
        lock.withLock {
            if let number = numbers[bytes] { return number }
            characters.append(Character(String(decoding: bytes, as: UTF8.self)))
            numbers[bytes] = characters.count - 1
            return characters.count - 1
        }
    }

    func character(number: Int) -> Character { lock.withLock { characters[number] } }
}
