import Foundation
import ImageCodec

/// Downscaled previews kept on disk so a gallery page can be drawn without decoding every
/// full-size image again. An entry is valid only for the same file path, byte size, modification
/// time and cell size; a changed file simply misses and overwrites its old entry.
public struct ThumbnailCache: Sendable {
    public let directory: URL

    /// No real entry comes near this (a 1000x500-cell preview is 4 MB); anything larger is junk.
    static let entryLimit = 64 << 20

    public init(directory: URL) {
        self.directory = directory
    }

    /// The cached pixels, or nil when absent, stale or unreadable (a cache never fails loudly).
    /// Only a regular file is read: a FIFO or a link planted in the cache folder is a miss.
    public func image(for file: URL, columns: Int, rows: Int) -> RGBAImage? {
        image(for: file, size: "\(columns)x\(rows)")
    }

    /// Written to a temporary file and renamed into place, so a concurrent reader or a crash
    /// never sees half an entry. Does nothing when `file` no longer exists.
    public func store(_ image: RGBAImage, for file: URL, columns: Int, rows: Int) throws {
        try store(image, for: file, size: "\(columns)x\(rows)")
    }

    /// A pixel picture's thumbnail (kitty, iTerm2, sixel): the pixels sent for a box of
    /// `pixelWidth` x `pixelHeight`, kept apart from the half-block entries of the same numbers.
    public func image(for file: URL, pixelWidth: Int, pixelHeight: Int) -> RGBAImage? {
        image(for: file, size: "\(pixelWidth)x\(pixelHeight)px")
    }

    public func store(_ image: RGBAImage, for file: URL, pixelWidth: Int, pixelHeight: Int) throws {
        try store(image, for: file, size: "\(pixelWidth)x\(pixelHeight)px")
    }

    private func image(for file: URL, size: String) -> RGBAImage? {
        guard let key = Self.key(for: file, size: size),
            let bytes = try? RegularFile.read(entry(for: file, size: size), limit: Self.entryLimit, followLinks: false)
        else { return nil }
        return ThumbnailFile.decode(bytes, expectedKey: key)
    }

    private func store(_ image: RGBAImage, for file: URL, size: String) throws {
        guard let key = Self.key(for: file, size: size) else { return }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(ThumbnailFile.encode(image, key: key)).write(to: entry(for: file, size: size), options: .atomic)
    }

    /// Everything that must match for a cached entry to still show the file as it is now.
    private static func key(for file: URL, size: String) -> String? {
        let path = file.standardizedFileURL.path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let bytes = attributes[.size] as? NSNumber,
            let modified = attributes[.modificationDate] as? Date
        else { return nil }
        let nanoseconds = Int64((modified.timeIntervalSince1970 * 1e9).rounded())
        return "\(path)\n\(bytes.int64Value)\n\(nanoseconds)\n\(size)"
    }

    /// One entry per file and size, named by a stable hash (Swift's `Hasher` is seeded per
    /// process); the full key stored inside guards against collisions.
    private func entry(for file: URL, size: String) -> URL {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in "\(file.standardizedFileURL.path)\n\(size)".utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return directory.appendingPathComponent(String(hash, radix: 16) + ".thumb")
    }
}

/// The entry layout: magic, key length and key, width, height (little-endian UInt32), RGBA8.
enum ThumbnailFile {
    static let magic = Array("PXTHUMB1".utf8)

    static func encode(_ image: RGBAImage, key: String) -> [UInt8] {
        let keyBytes = Array(key.utf8)
        return magic + uint32(keyBytes.count) + keyBytes + uint32(image.width) + uint32(image.height) + image.pixels
    }

    static func decode(_ bytes: [UInt8], expectedKey: String) -> RGBAImage? {
        let keyBytes = Array(expectedKey.utf8)
        var offset = magic.count
        guard bytes.starts(with: magic), readUInt32(bytes, &offset) == keyBytes.count,
            bytes.count >= offset + keyBytes.count, Array(bytes[offset..<offset + keyBytes.count]) == keyBytes
        else { return nil }
        offset += keyBytes.count
        guard let width = readUInt32(bytes, &offset), let height = readUInt32(bytes, &offset),
            bytes.count - offset == width * height * 4
        else { return nil }
        return RGBAImage(width: width, height: height, pixels: Array(bytes[offset...]))
    }

    private static func uint32(_ value: Int) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }

    private static func readUInt32(_ bytes: [UInt8], _ offset: inout Int) -> Int? {
        guard bytes.count >= offset + 4 else { return nil }
        defer { offset += 4 }
        return (0..<4).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
    }
}
