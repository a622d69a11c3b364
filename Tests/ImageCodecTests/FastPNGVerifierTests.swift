import CImageCodecs
import Foundation
import ImageCodec
import TestSupport
import Testing

/// Whether the system has libdeflate, which the fast paths load at run time.
private let hasLibdeflate = dlopen("libdeflate.so.0", RTLD_NOW | RTLD_LOCAL) != nil

/// The verifier's fast half (`pxc_png_verify_fast`: libdeflate, every CRC, every filter type,
/// no unfiltering) takes plain PNGs off libpng, and may only ever accept what libpng accepts.
@Suite(.enabled(if: hasLibdeflate, "libdeflate (libdeflate0) is not installed"))
struct FastPNGVerifierTests {
    static func fast(_ png: [UInt8]) -> Bool {
        guard let header = ImageHeader.parse(png) else { return false }
        return pxc_png_verify_fast(png, png.count, UInt32(header.width), UInt32(header.height))
    }

    static func libpngAccepts(_ png: [UInt8]) -> Bool {
        guard let header = ImageHeader.parse(png) else { return false }
        var message = [CChar](repeating: 0, count: 256)
        return pxc_png_verify_with_libpng(png, png.count, UInt32(header.width), UInt32(header.height), &message, message.count) == PXC_OK
    }

    static func rgb(filters: [Int] = [0, 1, 2, 3, 4]) -> RawPNG {
        RawPNG(width: 13, height: 9, bitDepth: 8, colourType: 2, filters: filters) { x, y in [x * 19 % 256, y * 27 % 256, (x * y) % 256] }
    }

    @Test func plainPNGsAreVerifiedWithoutLibpng() throws {
        let encoded = try PNGCodec.encode(Synthetic.image(width: 37, height: 23))
        let rgb = Self.rgb().bytes
        var parts = RawPNG.chunks(of: rgb)
        let data = parts.remove(at: 1).payload
        let text = (type: "tEXt", payload: Array("Comment\0made by a test".utf8))
        let split = [parts[0], text] + stride(from: 0, to: data.count, by: 50).map { (type: "IDAT", payload: Array(data[$0..<min($0 + 50, data.count)])) } + [text, parts[1]]
        for png in [encoded, rgb, RawPNG.file(split)] {
            #expect(Self.fast(png))
            #expect(Self.libpngAccepts(png))
            #expect(try ImageVerifier.verify(png).width == ImageHeader.parse(png)?.width)
        }
    }

    /// Left to libpng, which accepts them all: the verdict is libpng's as before.
    @Test func whatItDoesNotHandleIsLeftToLibpng() throws {
        var parts = RawPNG.chunks(of: Self.rgb().bytes)
        var badCRC = RawPNG.file([parts[0], (type: "tEXt", payload: Array("Comment\0x".utf8))] + parts.dropFirst())
        badCRC[33 + 8 + 9] ^= 0xFF  // the tEXt chunk's CRC: libpng skips a damaged ancillary chunk
        let data = parts.remove(at: 1)
        let dataSplitByAChunk = RawPNG.file([
            parts[0],
            (type: "IDAT", payload: Array(data.payload.prefix(40))),
            (type: "tEXt", payload: Array("a\0b".utf8)),
            (type: "IDAT", payload: Array(data.payload.dropFirst(40))),
            parts[1],
        ])
        let others = [
            badCRC,
            RawPNG(width: 5, height: 4, bitDepth: 8, colourType: 3, palette: [0, 0, 0, 255, 0, 0]) { x, _ in [x % 2] }.bytes,
            RawPNG(width: 5, height: 4, bitDepth: 8, colourType: 2, transparency: [0, 0, 0, 0, 0, 0]) { x, y in [x, y, 0] }.bytes,
            RawPNG(width: 9, height: 7, bitDepth: 8, colourType: 6, interlaced: true) { x, y in [x, y, 3, 200] }.bytes,
            RawPNG(width: 5, height: 4, bitDepth: 16, colourType: 2) { x, y in [x * 999, y * 999, 7] }.bytes,
        ]
        for png in others {
            #expect(!Self.fast(png))
            #expect(Self.libpngAccepts(png))
            #expect(throws: Never.self) { try ImageVerifier.verify(png) }
        }
        #expect(!Self.fast(dataSplitByAChunk))
    }

    /// Damage behind valid CRCs, where only the image data tells: refused by both halves.
    @Test func damagedImageDataIsRefused() throws {
        let unknownFilter = Self.rgb(filters: [0, 1, 5]).bytes
        var parts = RawPNG.chunks(of: Self.rgb().bytes)
        let stream = RawPNG.zlibStored(Self.rgb().scanlines())
        parts[1] = (type: "IDAT", payload: Array(stream.dropLast(4)))
        let noChecksum = RawPNG.file(parts)
        parts[1] = (type: "IDAT", payload: Array(stream.dropLast(4)) + RawPNG.uint32(0x1234_5678))
        let wrongChecksum = RawPNG.file(parts)
        parts[1] = (type: "IDAT", payload: RawPNG.zlibStored(Array(Self.rgb().scanlines().dropLast(40))))
        let rowsMissing = RawPNG.file(parts)
        for png in [unknownFilter, noChecksum, wrongChecksum, rowsMissing] {
            #expect(!Self.fast(png))
            #expect(throws: ImageCodecError.self) { try ImageVerifier.verify(png) }
        }
    }

    /// Every byte of a small compressed PNG changed in turn, half the time with the chunk's CRC
    /// made to match so the change reaches the image data: whatever the fast half accepts, libpng
    /// accepts too.
    @Test func aChangedByteIsNeverAcceptedWhereLibpngRefusesIt() throws {
        let original = try PNGCodec.encode(Synthetic.image(width: 24, height: 16))
        var random = SeededGenerator(state: 7)
        var refusedByBoth = 0
        for position in 8..<original.count {
            var changed = original
            changed[position] ^= UInt8.random(in: 1...255, using: &random)
            if random.next() & 1 == 0 {
                var offset = 8
                while offset + 12 <= changed.count {
                    let size = changed[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
                    guard offset + 12 + size <= changed.count else { break }
                    if position >= offset + 4, position < offset + 8 + size {
                        let rebuilt = RawPNG.chunk(String(decoding: changed[offset + 4..<offset + 8], as: UTF8.self), Array(changed[offset + 8..<offset + 8 + size]))
                        changed.replaceSubrange(offset..<offset + 12 + size, with: rebuilt)
                    }
                    offset += 12 + size
                }
            }
            let libpng = Self.libpngAccepts(changed)
            if Self.fast(changed) { #expect(libpng, "byte \(position) changed") }
            if !libpng { refusedByBoth += 1 }
        }
        #expect(refusedByBoth > original.count / 2, "most changes are damage that both refuse")
    }

    /// A 42-byte file claiming a 1 GiB ancillary chunk: libpng would allocate and clear all of
    /// it before finding the file ends, so it is refused before libpng sees it.
    @Test func aChunkClaimingMoreThanTheFileHasIsRefusedWithoutAllocatingIt() throws {
        let png = RawPNG.signatureAndHeader(width: 7, height: 5, bitDepth: 8, colourType: 3) + RawPNG.uint32(1 << 30) + Array("sPLTE".utf8)
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let peakBefore = usage.ru_maxrss
        #expect(throws: ImageCodecError.self) { try ImageDecoder.decode(png) }
        #expect(throws: ImageCodecError.self) { try ImageVerifier.verify(png) }
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #expect(usage.ru_maxrss - peakBefore < 256 << 10, "the peak resident size grew by \(usage.ru_maxrss - peakBefore) KiB")
    }
}
