import Foundation
import PixapiKit
import Testing
@testable import PixtermCore

/// Reading a batch file: plain prompts and JSON lines, defaults, paths, and a specific reason
/// with the line number for every line that cannot be a request.
@Suite struct BatchFileTests {
    static let defaults = BatchDefaults(model: "gpt-image-2", size: .auto, quality: .low, n: 1)
    static let folder = URL(fileURLWithPath: "/batches/here")

    static func parse(_ text: String) throws(BatchLineError) -> [BatchItem] {
        try BatchFile.parse(Data(text.utf8), defaults: defaults, folder: folder)
    }

    static func reason(_ text: String) -> BatchLineError? {
        do { _ = try parse(text) } catch { return error }
        return nil
    }

    @Test func plainLinesTakeTheDefaultsAndSkipBlanksAndComments() throws {
        let items = try Self.parse("# header\n\n  a fox  \r\n\t\n# another\na whale\n")
        #expect(items.map(\.line) == [3, 6])
        #expect(items.map(\.request.prompt) == ["a fox", "a whale"])
        #expect(items.allSatisfy { $0.request.operation == .generate && $0.request.model == "gpt-image-2" && $0.request.quality == .low })
    }

    @Test func jsonLinesSetTheirOwnSettingsAndImagesMakeAnEdit() throws {
        let items = try Self.parse(
            """
            {"prompt": "two cats", "model": "gpt-image-1", "size": "1024x1536", "quality": "HIGH", "n": 2}
            {"prompt": "edit it", "images": ["in/a.png", "/abs/b.png"], "mask": "../m.png"}
            {"prompt": "one image", "images": "c.png"}
            """
        )
        let cats = items[0].request
        #expect(cats.model == "gpt-image-1" && cats.size == .pixels(width: 1024, height: 1536) && cats.quality == .high && cats.n == 2)
        #expect(cats.operation == .generate)
        let edit = items[1].request
        #expect(edit.operation == .edit && edit.quality == .low, "unset fields take the defaults")
        #expect(edit.images == ["/batches/here/in/a.png", "/abs/b.png"])
        #expect(edit.mask == "/batches/m.png")
        #expect(items[2].request.images == ["/batches/here/c.png"])
    }

    @Test(arguments: [
        ("ok\n{\"prompt\": 3}", 2, "\"prompt\" must be a string"),
        ("{\"prompt\": \"x\", \"n\": 1.5}", 1, "\"n\" must be a whole number"),
        ("{\"prompt\": \"x\", \"n\": true}", 1, "\"n\" must be a whole number"),
        ("{\"prompt\": \"x\", \"n\": \"2\"}", 1, "\"n\" must be a whole number"),
        ("a\nb\n{\"prompt\": \"x\", \"sise\": \"auto\"}", 3, "unknown field \"sise\""),
        ("{\"prompt\": \"x\", \"quality\": \"best\"}", 1, "quality \"best\" is not one of low, medium, high, auto"),
        ("{\"prompt\": \"x\", \"images\": [1, 2]}", 1, "\"images\" must be a list of file paths"),
        ("{\"prompt\": \"x\", \"mask\": \"m.png\"}", 1, "a \"mask\" needs \"images\" to edit"),
        ("{\"prompt\": \"x\"", 1, "not a valid JSON object"),
        ("[\"x\"]\n{\"size\": \"auto\"}", 2, "no \"prompt\" field"),
    ])
    func aBadLineIsNamedWithItsReason(text: String, line: Int, reason: String) {
        let error = Self.reason(text)
        #expect(error?.line == line)
        #expect(error?.reason.contains(reason) == true, "\(String(describing: error))")
        #expect(error?.message.hasPrefix("line \(line): ") == true)
    }

    @Test func invalidUTF8IsRefusedWithItsLine() {
        var data = Data("fine\n".utf8)
        data.append(contentsOf: [0x66, 0xFF, 0x0A])
        #expect(throws: BatchLineError(line: 2, reason: "not UTF-8 text")) {
            try BatchFile.parse(data, defaults: Self.defaults, folder: Self.folder)
        }
    }

    @Test func everyLineIsPricedAndCheckedBeforeAnyIsSent() throws {
        let items = try Self.parse("a fox\n{\"prompt\": \"b\", \"n\": 3, \"quality\": \"medium\"}\n")
        let priced = try BatchPlan.price(items, catalog: .builtIn, prices: .builtIn)
        let total = BatchTotal(priced)
        #expect(total.summary == "2 requests, 4 images, 13 credits ($0.13)")
        let tooMany = try Self.parse("a fox\n\n{\"prompt\": \"b\", \"n\": 99}\n")
        #expect(throws: BatchLineError.self) { try BatchPlan.price(tooMany, catalog: .builtIn, prices: .builtIn) }
        do {
            _ = try BatchPlan.price(tooMany, catalog: .builtIn, prices: .builtIn)
        } catch {
            #expect(error.line == 3 && error.reason.contains("n must be from 1 to"), "\(error)")
        }
    }

    @Test func theContentHashIsFNV1a64() {
        #expect(BatchFile.contentHash(Data()) == "cbf29ce484222325")
        #expect(BatchFile.contentHash(Data("a".utf8)) == "af63dc4c8601ec8c")
        #expect(BatchFile.contentHash(Data("foobar".utf8)) == "85944171f73967e8")
    }
    @Test func aBatchIsNamedByItsContentAndTheDefaultsOfItsPlainLines() {
        let data = Data("a fox\n".utf8)
        var high = Self.defaults
        high.quality = .high
        #expect(BatchFile.key(data, defaults: Self.defaults) == BatchFile.key(Data("a fox\n".utf8), defaults: Self.defaults))
        #expect(BatchFile.key(data, defaults: Self.defaults) != BatchFile.key(data, defaults: high), "other -q sends other requests")
        #expect(BatchFile.key(data, defaults: Self.defaults) != BatchFile.key(Data("a fox \n".utf8), defaults: Self.defaults))
    }

    @Test func textFromTheFileInAReasonIsSanitized() {
        let error = Self.reason("{\"prompt\": \"x\", \"\\u001b]52;c;aGk=\\u0007size\": \"auto\"}")
        #expect(error?.line == 1)
        #expect(error?.reason.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } == false, "\(String(describing: error))")
    }
}
