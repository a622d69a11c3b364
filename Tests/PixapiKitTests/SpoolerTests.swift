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
