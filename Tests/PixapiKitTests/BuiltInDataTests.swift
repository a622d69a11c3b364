import Foundation
@testable import PixapiKit
import Testing

/// The catalog and prices are compiled into the code by SwiftPM's `.embedInCode`; these check the
/// compiled bytes are the data files as they are in the tree, and that both decode.
@Suite struct BuiltInDataTests {
    static let resources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/PixapiKit/Resources")

    @Test func theCompiledFilesAreTheOnesInTheTree() throws {
        let catalog = try Data(contentsOf: Self.resources.appendingPathComponent("catalog.json"))
        let pricing = try Data(contentsOf: Self.resources.appendingPathComponent("pricing.json"))
        #expect(BuiltInData.catalogJSON == catalog)
        #expect(BuiltInData.pricingJSON == pricing)
    }

    @Test func bothDecode() throws {
        #expect(try ModelCatalog.decode(BuiltInData.catalogJSON).models.isEmpty == false)
        #expect(try PriceTable.decode(BuiltInData.pricingJSON).models.isEmpty == false)
    }
}
