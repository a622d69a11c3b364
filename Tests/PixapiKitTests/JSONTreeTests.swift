import Foundation
@testable import PixapiKit
import Testing
import TestSupport

/// The built-in catalog and prices are read without `JSONDecoder` (`JSONTree`), which must never
/// read a document differently: whatever the fast reader accepts, `JSONDecoder` reads to the
/// same value; anything else goes to `JSONDecoder`.
@Suite struct JSONTreeTests {
    @Test func theBuiltInFilesReadWithoutJSONDecoderAsJSONDecoderReadsThem() throws {
        let catalogTree = try #require(JSONTree(parsing: BuiltInData.catalogJSONBytes))
        let pricingTree = try #require(JSONTree(parsing: BuiltInData.pricingJSONBytes))
        let catalog = try #require(ModelCatalog(tree: catalogTree), "the fast reader takes the built-in catalog")
        let prices = try #require(PriceTable(tree: pricingTree), "the fast reader takes the built-in prices")
        #expect(catalog == (try ModelCatalog.decode(BuiltInData.catalogJSON)))
        #expect(prices == (try PriceTable.decode(BuiltInData.pricingJSON)))
        #expect(ModelCatalog.builtIn == catalog && PriceTable.builtIn == prices)
    }

    @Test func strictJSONOnly() {
        for text in ["{\"a\": [1, 2.5e3, -0, true, false, null, \"x\"]}", " [ ] ", "{}", "\"猫\"", "-0.5E-2"] {
            #expect(JSONTree(parsing: Array(text.utf8)) != nil, "\(text)")
        }
        let refused = [
            "", "{", "[1,]", "{\"a\":1,}", "01", "1.", ".5", "1e", "+1", "- 1", "tru", "nul", "{\"a\":1}x", "{\"a\":1,\"a\":2}",
            "\"a\u{01}\"", "\"a\\nb\"", "{a:1}", "[1 2]", "NaN", "\u{FEFF}{}",
            String(repeating: "[", count: 70) + String(repeating: "]", count: 70),
        ]
        for text in refused { #expect(JSONTree(parsing: Array(text.utf8)) == nil, "\(text.debugDescription)") }
        #expect(JSONTree(parsing: [0x22, 0xFF, 0x22]) == nil, "not UTF-8")
        #expect(JSONTree.number("12").int == 12 && JSONTree.number("1.0").int == nil && JSONTree.number("1e3").int == nil)
    }

    /// Every byte of both files changed in turn (twice, at random) to characters that matter in JSON: whatever the
    /// fast reader still takes, `JSONDecoder` reads to the same catalog or table.
    @Test func whatTheFastReaderTakesJSONDecoderReadsTheSame() throws {
        var generator = SeededGenerator(state: 14)
        let replacements = Array("0129.-e\"{}[],: aZx\\".utf8)
        var taken = 0
        for file in [BuiltInData.catalogJSONBytes, BuiltInData.pricingJSONBytes] + [BuiltInData.catalogJSONBytes, BuiltInData.pricingJSONBytes] {
            for index in file.indices {
                var bytes = file
                bytes[index] = replacements.randomElement(using: &generator)!
                if Bool.random(using: &generator) { bytes.insert(replacements.randomElement(using: &generator)!, at: index) }
                guard let tree = JSONTree(parsing: bytes) else { continue }
                if let fast = ModelCatalog(tree: tree), fast.hasItsDefaultModel {
                    taken += 1
                    #expect(fast == (try? ModelCatalog.decode(Data(bytes))), "\(String(decoding: bytes, as: UTF8.self))")
                }
                if let fast = PriceTable(tree: tree) {
                    taken += 1
                    #expect(fast == (try? PriceTable.decode(Data(bytes))), "\(String(decoding: bytes, as: UTF8.self))")
                }
            }
        }
        #expect(taken > 400, "the mutations exercise the fast reader")
    }
}
