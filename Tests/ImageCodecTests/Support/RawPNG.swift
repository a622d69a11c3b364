/// Writes PNG files byte by byte (stored deflate blocks, no compression), so the tests can feed
/// libpng colour types, bit depths and interlacing that `PNGCodec.encode` never produces.
struct RawPNG {
    var width: Int
    var height: Int
    var bitDepth: Int
    /// 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA.
    var colourType: Int
    var interlaced = false
    var palette: [UInt8] = []
    var transparency: [UInt8] = []
    /// PNG filter types applied to successive rows, cycling (0 none, 1 sub, 2 up, 3 average, 4 Paeth).
    var filters: [Int] = [0]
    /// The samples of one pixel, one per channel, at `bitDepth` bits.
    var sample: (_ x: Int, _ y: Int) -> [Int]

    var bytes: [UInt8] {
        var file = Self.signatureAndHeader(width: width, height: height, bitDepth: bitDepth, colourType: colourType, interlaced: interlaced)
        if !palette.isEmpty { file += Self.chunk("PLTE", palette) }
        if !transparency.isEmpty { file += Self.chunk("tRNS", transparency) }
        file += Self.chunk("IDAT", Self.zlibStored(scanlines()))
        file += Self.chunk("IEND", [])
        return file
    }

    /// The first 33 bytes of a PNG: enough to claim any size without building its pixels.
    static func signatureAndHeader(width: Int, height: Int, bitDepth: Int, colourType: Int, interlaced: Bool = false) -> [UInt8] {
        let header = uint32(width) + uint32(height) + [UInt8(bitDepth), UInt8(colourType), 0, 0, interlaced ? 1 : 0]
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header)
    }

    private static let adam7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]

    func scanlines() -> [UInt8] {
        let passes = interlaced ? Self.adam7 : [(0, 0, 1, 1)]
        var data: [UInt8] = []
        for (x0, y0, dx, dy) in passes {
            let xs = Array(stride(from: x0, to: width, by: dx))
            guard !xs.isEmpty else { continue }
            var prior: [UInt8]?
            for y in stride(from: y0, to: height, by: dy) {
                let line = pack(xs.flatMap { sample($0, y) })
                let filter = filters[y % filters.count]
                data.append(UInt8(filter))
                data += Self.filtered(line, prior: prior ?? [UInt8](repeating: 0, count: line.count), type: filter, bpp: bytesPerPixel)
                prior = line
            }
        }
        return data
    }

    private var bytesPerPixel: Int {
        let channels = [0: 1, 2: 3, 3: 1, 4: 2, 6: 4][colourType]!
        return max(1, channels * bitDepth / 8)
    }

    private static func filtered(_ line: [UInt8], prior: [UInt8], type: Int, bpp: Int) -> [UInt8] {
        line.indices.map { i in
            let left = i >= bpp ? Int(line[i - bpp]) : 0, up = Int(prior[i]), upLeft = i >= bpp ? Int(prior[i - bpp]) : 0
            let predicted: Int
            switch type {
            case 1: predicted = left
            case 2: predicted = up
            case 3: predicted = (left + up) / 2
            case 4:
                let estimate = left + up - upLeft
                let (pa, pb, pc) = (abs(estimate - left), abs(estimate - up), abs(estimate - upLeft))
                predicted = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft
            default: predicted = 0
            }
            return UInt8(truncatingIfNeeded: Int(line[i]) - predicted)
        }
    }

    private func pack(_ samples: [Int]) -> [UInt8] {
        if bitDepth == 16 { return samples.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] } }
        if bitDepth == 8 { return samples.map { UInt8($0) } }
        var bytes: [UInt8] = []
        var current = 0, used = 0
        for value in samples {
            current = current << bitDepth | value
            used += bitDepth
            if used == 8 { bytes.append(UInt8(current)); current = 0; used = 0 }
        }
        if used > 0 { bytes.append(UInt8(current << (8 - used))) }
        return bytes
    }

    static func uint32(_ value: Int) -> [UInt8] {
        [UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    /// (type, payload) of every chunk after the signature, for tests that rearrange them.
    static func chunks(of png: [UInt8]) -> [(type: String, payload: [UInt8])] {
        var result: [(String, [UInt8])] = []
        var offset = 8
        while offset + 12 <= png.count {
            let length = png[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            result.append((String(decoding: png[offset + 4..<offset + 8], as: UTF8.self), Array(png[offset + 8..<offset + 8 + length])))
            offset += 12 + length
        }
        return result
    }

    /// A PNG made of `chunks`, each given its length and CRC.
    static func file(_ chunks: [(type: String, payload: [UInt8])]) -> [UInt8] {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunks.flatMap { chunk($0.type, $0.payload) }
    }

    static func chunk(_ type: String, _ payload: [UInt8]) -> [UInt8] {
        let typed = Array(type.utf8) + payload
        return uint32(payload.count) + typed + uint32(Int(crc32(typed)))
    }

    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let count = min(65_535, data.count - offset)
            let final: UInt8 = offset + count == data.count ? 1 : 0
            out += [final, UInt8(count & 0xFF), UInt8(count >> 8), UInt8(~count & 0xFF), UInt8(~count >> 8 & 0xFF)]
            out += data[offset..<offset + count]
            offset += count
        } while offset < data.count
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data { a = (a + UInt32(byte)) % 65_521; b = (b + a) % 65_521 }
        return out + uint32(Int(b << 16 | a))
    }

    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        }
        return ~crc
    }
}
