import ImageCodec
import Testing

/// A file between a real header and a real ending must still decode, whole, at the size it claims.
@Suite struct ImageVerifierTests {
    /// Deterministic noise, the same on every run.
    static func noise(_ count: Int, seed: UInt64 = 42) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }

    @Test func wholePNGsVerifyAtTheirSize() throws {
        let encoded = try PNGCodec.encode(Synthetic.image(width: 37, height: 23))
        #expect(try ImageVerifier.verify(encoded) == ImageHeader(format: .png, width: 37, height: 23))
        let interlaced = RawPNG(width: 9, height: 7, bitDepth: 8, colourType: 2, interlaced: true) { x, y in [x * 20, y * 30, 7] }
        #expect(try ImageVerifier.verify(interlaced.bytes) == ImageHeader(format: .png, width: 9, height: 7))
    }

    @Test func garbageBetweenAValidHeaderAndEndingIsRefused() throws {
        let header = RawPNG.signatureAndHeader(width: 64, height: 64, bitDepth: 8, colourType: 6)
        let fakes = [
            header + RawPNG.chunk("IDAT", Self.noise(4096)) + RawPNG.chunk("IEND", []),
            header + Self.noise(4096) + RawPNG.chunk("IEND", []),
        ]
        for fake in fakes {
            #expect(ImageHeader.hasCompleteEnding(format: .png, tail: Array(fake.suffix(16))), "the old header-and-ending check passes it")
            #expect(throws: ImageCodecError.self) { try ImageVerifier.verify(fake) }
        }
    }

    @Test func aPNGWithFewerRowsThanItsHeaderClaimsIsRefused() throws {
        let short = RawPNG(width: 8, height: 4, bitDepth: 8, colourType: 6) { x, y in [x, y, 9, 255] }.bytes
        let claimsMore = RawPNG.signatureAndHeader(width: 8, height: 8, bitDepth: 8, colourType: 6) + short.dropFirst(33)
        #expect(ImageHeader.parse(claimsMore)?.height == 8)
        #expect(throws: ImageCodecError.self) { try ImageVerifier.verify(claimsMore) }
    }

    @Test func wholeJPEGsVerifyAndDamagedOnesAreRefused() throws {
        let jpeg = try JPEGCodec.encode(Synthetic.gradient(width: 96, height: 64), quality: 90)
        #expect(try ImageVerifier.verify(jpeg) == ImageHeader(format: .jpeg, width: 96, height: 64))

        var scrambled = jpeg
        let scan = jpeg.count / 2
        let noise = Self.noise(jpeg.count / 4).map { $0 == 0xFF ? 0xFE : $0 }
        scrambled.replaceSubrange(scan..<scan + noise.count, with: noise)
        #expect(throws: ImageCodecError.self) { try ImageVerifier.verify(scrambled) }

        #expect(throws: ImageCodecError.self) { try ImageVerifier.verify(Array(jpeg.prefix(jpeg.count * 3 / 4))) }
    }

    @Test func aJPEGWhoseFrameClaimsMoreRowsThanItCarriesIsRefused() throws {
        var jpeg = try JPEGCodec.encode(Synthetic.gradient(width: 64, height: 32), quality: 90)
        let frame = try #require(jpeg.indices.dropLast().first { jpeg[$0] == 0xFF && jpeg[$0 + 1] == 0xC0 })
        jpeg[frame + 5] = 0
        jpeg[frame + 6] = 64
        #expect(ImageHeader.parse(jpeg)?.height == 64)
        #expect(throws: ImageCodecError.self) { try ImageVerifier.verify(jpeg) }
    }

    /// A lossless WebP container around a (not decoded) VP8L bitstream of 5x3 pixels.
    static func webP(payload: [UInt8] = [0x2F, 0x04, 0x80, 0x00, 0x00] + [UInt8](repeating: 0, count: 5), riffSizeAdjustment: Int = 0) -> [UInt8] {
        func le32(_ value: Int) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        let padded = payload + (payload.count.isMultiple(of: 2) ? [] : [0])
        let chunk = Array("VP8L".utf8) + le32(payload.count) + padded
        return Array("RIFF".utf8) + le32(4 + chunk.count + riffSizeAdjustment) + Array("WEBP".utf8) + chunk
    }

    @Test func webPGetsAContainerCheck() throws {
        let header = try ImageVerifier.verify(Self.webP())
        #expect(header.format == .webp && header.width == 5 && header.height == 3)
        #expect(throws: ImageCodecError.self) { try ImageVerifier.verify(Array(Self.webP().dropLast(2))) }
        #expect(throws: ImageCodecError.self) { try ImageVerifier.verify(Self.webP() + [0, 0, 0, 0]) }
        #expect(throws: ImageCodecError.self) { try ImageVerifier.verify(Self.webP(riffSizeAdjustment: 8)) }
    }
}
