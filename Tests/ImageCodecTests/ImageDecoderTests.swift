import Foundation
import Testing
import ImageCodec
import TestSupport

@Suite struct ImageDecoderTests {
    @Test func picksTheCodecFromContentNotExtension() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let image = Synthetic.image(width: 6, height: 5)
        let misnamed = directory.file("really-a-png.jpg")
        try Data(PNGCodec.encode(image)).write(to: misnamed)
        #expect(try ImageDecoder.decode(contentsOf: misnamed) == image)

        let jpeg = directory.file("photo.png")
        try Data(JPEGCodec.encode(Synthetic.gradient(width: 64, height: 32))).write(to: jpeg)
        let preview = try ImageDecoder.decode(contentsOf: jpeg, maxDimensionHint: 16)
        #expect(preview.width == 16 && preview.height == 8)
    }

    @Test func webPIsReportedAsUnsupported() {
        let webp = Array("RIFF".utf8) + [0x20, 0, 0, 0] + Array("WEBPVP8 ".utf8) + [UInt8](repeating: 0, count: 20)
        let error = #expect(throws: ImageCodecError.self) { try ImageDecoder.decode(webp) }
        #expect(error?.kind == .unsupportedFormat)
        #expect(error?.description.contains("WebP") == true)
    }

    @Test func unknownBytesAndMissingFilesAreErrors() {
        let text = #expect(throws: ImageCodecError.self) { try ImageDecoder.decode(Array("hello".utf8)) }
        #expect(text?.kind == .unsupportedFormat)
        let missing = URL(fileURLWithPath: "/nonexistent/pixterm/none.png")
        let error = #expect(throws: ImageCodecError.self) { try ImageDecoder.decode(contentsOf: missing) }
        #expect(error?.kind == .unreadable)
        #expect(error?.description == "/nonexistent/pixterm/none.png: cannot read the file (No such file or directory).")
        let folder = #expect(throws: ImageCodecError.self) { try ImageDecoder.decode(contentsOf: URL(fileURLWithPath: "/tmp")) }
        #expect(folder?.kind == .unreadable)
        #expect(folder?.description == "/tmp: not a regular file.")
    }

    @Test func errorsNameTheFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.file("cut.png")
        try Data(PNGCodec.encode(Synthetic.image(width: 30, height: 30)).prefix(60)).write(to: file)
        let error = #expect(throws: ImageCodecError.self) { try ImageDecoder.decode(contentsOf: file) }
        #expect(error?.kind == .corrupt)
        #expect(error?.description.hasPrefix(file.path) == true)
    }
}
