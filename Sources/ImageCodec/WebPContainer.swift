/// The check a WebP file gets in place of a decode, since pixterm has no WebP decoder: the RIFF
/// container must be whole and consistent, so a cut-short download or a file padded with junk is
/// refused, though damaged pixel data inside a well-formed chunk is not detected.
enum WebPContainer {
    static func verify(_ bytes: [UInt8]) throws(ImageCodecError) -> ImageHeader {
        func corrupt(_ why: String) -> ImageCodecError {
            ImageCodecError(kind: .corrupt, description: "The WebP data is damaged or truncated (\(why)).")
        }
        guard bytes.count >= 20, let header = ImageHeader.parse(bytes) else { throw corrupt("no valid WebP header") }
        let riffEnd = 8 + littleEndian32(bytes, 4)
        guard riffEnd == bytes.count else {
            throw corrupt("the RIFF header says \(riffEnd) bytes but the file has \(bytes.count)")
        }
        var offset = 12
        var sawBitstream = false
        while offset < riffEnd {
            guard riffEnd - offset >= 8 else { throw corrupt("a chunk header is cut short") }
            let type = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
            let size = littleEndian32(bytes, offset + 4)
            let next = offset + 8 + size + (size & 1)
            guard next <= riffEnd else { throw corrupt("the \(type) chunk runs past the end of the file") }
            if type == "VP8 " || type == "VP8L" || type == "ANMF" { sawBitstream = true }
            offset = next
        }
        guard sawBitstream else { throw corrupt("no image data chunk") }
        guard UInt64(header.width) * UInt64(header.height) <= NativeCodec.maxPixels else {
            throw ImageCodecError(kind: .tooLarge, description: "The WebP image is too large to open (\(header.width)x\(header.height)); pixterm stops at 100 megapixels.")
        }
        return header
    }

    private static func littleEndian32(_ bytes: [UInt8], _ offset: Int) -> Int {
        bytes[offset..<offset + 4].reversed().reduce(0) { $0 << 8 | Int($1) }
    }
}
