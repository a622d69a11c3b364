import Foundation

/// The format and pixel size of an image file, read from its first bytes without decoding it.
///
/// Used wherever a whole decode would be wasted: validating edit inputs before upload, and
/// listing images dropped into the gallery without a sidecar.
public struct ImageHeader: Sendable, Hashable {
    public enum Format: String, Sendable, Hashable, Codable {
        case png, jpeg, webp

        public var fileExtension: String { self == .jpeg ? "jpg" : rawValue }
        public var mimeType: String { "image/\(rawValue)" }
    }

    public let format: Format
    public let width: Int
    public let height: Int
    /// PNG only: whether the image carries alpha (colour type 4 or 6, or a tRNS chunk is not checked).
    public let hasAlpha: Bool

    public init(format: Format, width: Int, height: Int, hasAlpha: Bool = false) {
        self.format = format
        self.width = width
        self.height = height
        self.hasAlpha = hasAlpha
    }

    /// Reads at most 64 KiB of the file: enough for PNG's IHDR, WebP's first chunk and the SOF
    /// marker of any JPEG whose EXIF block is not larger than that.
    /// Only a regular file is read (a FIFO named `x.png` would otherwise hang the reader);
    /// `followLinks: false` refuses a symbolic link, for gallery scans.
    public static func read(contentsOf url: URL, followLinks: Bool = true) throws -> ImageHeader? {
        parse(try RegularFile.read(url, limit: 65_536, truncating: true, followLinks: followLinks))
    }

    /// The format from the magic bytes alone, for inputs too short to carry dimensions.
    public static func sniffFormat(_ bytes: [UInt8]) -> Format? {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) {
            return .webp
        }
        return nil
    }

    public static func parse(_ bytes: [UInt8]) -> ImageHeader? {
        switch sniffFormat(bytes) {
        case .png: parsePNG(bytes)
        case .jpeg: parseJPEG(bytes)
        case .webp: parseWebP(bytes)
        case nil: nil
        }
    }

    private static func bigEndian(_ bytes: [UInt8], _ offset: Int, _ count: Int) -> Int {
        bytes[offset..<offset + count].reduce(0) { $0 << 8 | Int($1) }
    }

    private static func littleEndian(_ bytes: [UInt8], _ offset: Int, _ count: Int) -> Int {
        bytes[offset..<offset + count].reversed().reduce(0) { $0 << 8 | Int($1) }
    }

    private static func parsePNG(_ bytes: [UInt8]) -> ImageHeader? {
        guard bytes.count >= 26, Array(bytes[12..<16]) == Array("IHDR".utf8) else { return nil }
        let width = bigEndian(bytes, 16, 4), height = bigEndian(bytes, 20, 4)
        guard width > 0, height > 0 else { return nil }
        let colourType = bytes[25]
        return ImageHeader(format: .png, width: width, height: height, hasAlpha: colourType == 4 || colourType == 6)
    }

    private static func parseJPEG(_ bytes: [UInt8]) -> ImageHeader? {
        var offset = 2
        while offset + 9 < bytes.count {
            guard bytes[offset] == 0xFF else { return nil }
            let marker = bytes[offset + 1]
            if marker == 0xFF { offset += 1; continue }
            if marker == 0xD8 || (0xD0...0xD7).contains(marker) || marker == 0x01 { offset += 2; continue }
            let length = bigEndian(bytes, offset + 2, 2)
            let isStartOfFrame = (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker)
            if isStartOfFrame {
                let height = bigEndian(bytes, offset + 5, 2), width = bigEndian(bytes, offset + 7, 2)
                guard width > 0, height > 0 else { return nil }
                return ImageHeader(format: .jpeg, width: width, height: height)
            }
            guard length >= 2 else { return nil }
            offset += 2 + length
        }
        return nil
    }

    private static func parseWebP(_ bytes: [UInt8]) -> ImageHeader? {
        guard bytes.count >= 30 else { return nil }
        switch String(decoding: bytes[12..<16], as: UTF8.self) {
        case "VP8 ":
            let width = littleEndian(bytes, 26, 2) & 0x3FFF, height = littleEndian(bytes, 28, 2) & 0x3FFF
            return ImageHeader(format: .webp, width: width, height: height)
        case "VP8L":
            let bits = littleEndian(bytes, 21, 4)
            return ImageHeader(format: .webp, width: (bits & 0x3FFF) + 1, height: ((bits >> 14) & 0x3FFF) + 1, hasAlpha: true)
        case "VP8X":
            let width = littleEndian(bytes, 24, 3) + 1, height = littleEndian(bytes, 27, 3) + 1
            return ImageHeader(format: .webp, width: width, height: height, hasAlpha: bytes[20] & 0x10 != 0)
        default:
            return nil
        }
    }
}

extension ImageHeader {
    /// Whether the last bytes of a file are how a complete file of `format` ends: PNG's `IEND`
    /// chunk, JPEG's end-of-image marker, or (WebP) a RIFF size that `tail` cannot check, so true.
    public static func hasCompleteEnding(format: Format, tail: [UInt8]) -> Bool {
        switch format {
        case .png:
            tail.count >= 12 && Array(tail.suffix(12)) == [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]
        case .jpeg:
            // Some encoders pad after EOI; accept FFD9 within the last bytes.
            zip(tail, tail.dropFirst()).contains { $0 == 0xFF && $1 == 0xD9 }
        case .webp:
            true
        }
    }
}
