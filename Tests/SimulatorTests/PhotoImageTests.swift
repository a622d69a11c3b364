import ImageCodec
@testable import PixapiSimulator
import Testing

@Suite("Photo-like images")
struct PhotoImageTests {
    @Test("a 1024x1024 photo PNG is photograph-sized and decodes to its size")
    func photographSized() throws {
        let png = try PNGCodec.encode(PhotoSynthesis.image(width: 1024, height: 1024, seed: 7), compressionLevel: SimulatorConfiguration().compressionLevel)
        #expect((1_000_000...4_000_000).contains(png.count), "1024x1024 photo PNG is \(png.count) bytes")
        let decoded = try ImageDecoder.decode(png)
        #expect(decoded.width == 1024 && decoded.height == 1024)
    }

    @Test("the same seed draws the same photo; another seed a different one")
    func deterministic() {
        let first = PhotoSynthesis.image(width: 96, height: 64, seed: 42)
        #expect(first == PhotoSynthesis.image(width: 96, height: 64, seed: 42))
        #expect(first != PhotoSynthesis.image(width: 96, height: 64, seed: 43))
    }
}
