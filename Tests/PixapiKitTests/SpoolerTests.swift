import Foundation
import TestSupport
import Testing
@testable import PixapiKit

@Suite struct SpoolerTests {
    @Test func decodesBase64ValuesIntoFilesInAnyChunking() throws {
        let payloads: [[UInt8]] = [Array(0...255), Array(repeating: 7, count: 100_001), [1], [1, 2]]
        let items = payloads.map { "{\"b64_json\": \"\(Data($0).base64EncodedString().replacingOccurrences(of: "/", with: "\\/"))\", \"revised_prompt\": \"x\"}" }
        let body = Array("{\"created\": 1, \"data\": [\(items.joined(separator: ","))], \"usage\": {\"total\": 3}}".utf8)
        for chunkSize in [1, 7, 4096, body.count] {
            let temporary = try TemporaryDirectory("pixterm-spool")
            defer { temporary.remove() }
            let dir = temporary.url
            var spooler = ImageResponseSpooler(staging: dir)
            var offset = 0
            while offset < body.count {
                try spooler.consume(body[offset..<min(offset + chunkSize, body.count)])
                offset += chunkSize
            }
            try spooler.finish()
            #expect(spooler.spooledFiles.count == payloads.count)
            for (file, payload) in zip(spooler.spooledFiles, payloads) {
                #expect(try [UInt8](Data(contentsOf: file)) == payload)
            }
            let skeleton = try JSONSerialization.jsonObject(with: Data(spooler.skeleton)) as! [String: Any]
            let data = skeleton["data"] as! [[String: Any]]
            #expect(data.map { $0["b64_json"] as! String } == ["@spool:0", "@spool:1", "@spool:2", "@spool:3"])
            #expect(spooler.skeleton.count < 400)
        }
    }

    /// Megabytes of base64 go through `decodeGroups` four characters at a time, and through
    /// `feed` one at a time wherever a group is cut by a piece's end, an escaped `\/`, a JSON
    /// line break or padding. Whatever the mix, the file is the payload, byte for byte, across
    /// the 1 MiB writes.
    @Test(arguments: [1, 2, 3])
    func largeImagesDecodeTheSameInAnyPiecesWithEscapesAndLineBreaks(seed: UInt64) throws {
        var random = SeededGenerator(state: seed)
        // Filled eight bytes at a time: a byte at a time takes seconds in a debug build.
        let payloads = [1_100_001 + Int(seed), Int(seed), 70_000].map { count in
            var payload = [UInt8](repeating: 0, count: count)
            payload.withUnsafeMutableBytes { bytes in
                for start in stride(from: 0, to: count, by: 8) {
                    withUnsafeBytes(of: random.next()) { word in
                        bytes[start..<min(start + 8, count)].copyBytes(from: word.prefix(min(8, count - start)))
                    }
                }
            }
            return payload
        }
        let encoded = payloads.map { payload in
            var text: [UInt8] = []
            text.reserveCapacity(payload.count * 2)
            for (offset, character) in Data(payload).base64EncodedData().enumerated() {
                if offset % 76 == 75, random.next() & 1 == 0 { text += Array("\\n".utf8) }
                if character == UInt8(ascii: "/"), random.next() & 1 == 0 { text.append(UInt8(ascii: "\\")) }
                text.append(character)
            }
            return text
        }
        let items = encoded.map { Array("{\"b64_json\": \"".utf8) + $0 + Array("\"}".utf8) }
        let body = Array("{\"data\": [".utf8) + Array(items.joined(separator: Array(", ".utf8))) + Array("]}".utf8)
        let temporary = try TemporaryDirectory("pixterm-spool")
        defer { temporary.remove() }
        var spooler = ImageResponseSpooler(staging: temporary.url)
        var offset = 0
        while offset < body.count {
            let piece = random.next() % 8 == 0 ? Int.random(in: 1...7, using: &random) : Int.random(in: 1...200_000, using: &random)
            try spooler.consume(body[offset..<min(offset + piece, body.count)])
            offset += piece
        }
        try spooler.finish()
        #expect(spooler.spooledFiles.count == payloads.count)
        for (file, payload) in zip(spooler.spooledFiles, payloads) {
            #expect(try [UInt8](Data(contentsOf: file)) == payload)
        }
    }

    /// A character outside the alphabet inside a run of whole groups is caught, wherever it is.
    /// (After it, every character takes the slow path: a short run keeps a debug build quick.)
    @Test func anInvalidCharacterInTheMiddleOfALongRunIsMalformed() throws {
        let valid = Data(repeating: 7, count: 3_000).base64EncodedString()
        for position in [0, 1, 2, 3, 4, 2_001, 3_999] {
            var characters = Array(valid.utf8)
            characters[position] = UInt8(ascii: "$")
            let temporary = try TemporaryDirectory("pixterm-spool")
            defer { temporary.remove() }
            var spooler = ImageResponseSpooler(staging: temporary.url)
            #expect(throws: PixapiError.self, "position \(position)") {
                try spooler.consume(Array("{\"data\": [{\"b64_json\": \"".utf8) + characters + Array("\"}]}".utf8))
                try spooler.finish()
            }
        }
    }

    @Test func truncatedBodyIsReportedAndFilesCanBeDiscarded() throws {
        let temporary = try TemporaryDirectory("pixterm-spool")
        defer { temporary.remove() }
        let dir = temporary.url
        var spooler = ImageResponseSpooler(staging: dir)
        try spooler.consume(Array("{\"data\": [{\"b64_json\": \"AAAA".utf8))
        #expect(throws: PixapiError.self) { try spooler.finish() }
        spooler.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func invalidBase64IsMalformed() throws {
        let temporary = try TemporaryDirectory("pixterm-spool")
        defer { temporary.remove() }
        let dir = temporary.url
        var spooler = ImageResponseSpooler(staging: dir)
        #expect(throws: PixapiError.self) { try spooler.consume(Array("{\"data\": [{\"b64_json\": \"AB$D\"}]}".utf8)) }
    }

    @Test func keyNamedB64JsonInsideAStringIsNotMistaken() throws {
        let temporary = try TemporaryDirectory("pixterm-spool")
        defer { temporary.remove() }
        let dir = temporary.url
        var spooler = ImageResponseSpooler(staging: dir)
        let body = Array("{\"revised_prompt\": \"b64_json\", \"data\": [{\"url\": \"https://x/y.png\"}]}".utf8)
        try spooler.consume(body)
        try spooler.finish()
        #expect(spooler.skeleton == body)
        #expect(spooler.spooledFiles.isEmpty)
    }

    @Test func anImageOverTheCapAbortsBeforeItFillsTheDisk() throws {
        let temporary = try TemporaryDirectory("pixterm-spool")
        defer { temporary.remove() }
        let dir = temporary.url
        var spooler = ImageResponseSpooler(staging: dir, maxImageBytes: 100_000)
        let big = Data(repeating: 9, count: 300_000).base64EncodedString()
        do throws(PixapiError) {
            try spooler.consume(Array("{\"data\": [{\"b64_json\": \"\(big)\"}]}".utf8))
            Issue.record("expected the image over the cap to be refused")
        } catch {
            #expect(error.message == "image 1 in the server's answer is over 97 KiB, more than any real image; refused, nothing was kept")
        }
        let written = try spooler.spooledFiles.map { try FileManager.default.attributesOfItem(atPath: $0.path)[.size] as! Int }
        #expect(written.allSatisfy { $0 <= 100_000 }, "never more than the cap on disk: \(written)")
        spooler.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func anImageAtTheCapIsAccepted() throws {
        let temporary = try TemporaryDirectory("pixterm-spool")
        defer { temporary.remove() }
        let dir = temporary.url
        var spooler = ImageResponseSpooler(staging: dir, maxImageBytes: 100_000)
        try spooler.consume(Array("{\"data\": [{\"b64_json\": \"\(Data(repeating: 9, count: 100_000).base64EncodedString())\"}]}".utf8))
        try spooler.finish()
        #expect(try FileManager.default.attributesOfItem(atPath: spooler.spooledFiles[0].path)[.size] as? Int == 100_000)
    }

    @Test func moreImagesThanAskedForAreRefused() throws {
        let temporary = try TemporaryDirectory("pixterm-spool")
        defer { temporary.remove() }
        let dir = temporary.url
        var spooler = ImageResponseSpooler(staging: dir, maxImages: 2)
        let item = "{\"b64_json\": \"AAAA\"}"
        #expect(throws: PixapiError.self) {
            try spooler.consume(Array("{\"data\": [\(item), \(item), \(item)]}".utf8))
        }
        spooler.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }
}
