import Testing
@testable import PixapiKit

@Suite struct PricingTests {
    let table = PriceTable.builtIn

    @Test(arguments: [
        // (size, quality, credits per image) for every cell of the published gpt-image-2 matrix.
        ("1024x1024", Quality.low, 1), ("1024x1024", .medium, 4), ("1024x1024", .high, 14),
        ("1536x1024", .low, 1), ("1024x1536", .medium, 4), ("1536x1536", .high, 14),
        ("2048x2048", .low, 2), ("2048x1152", .medium, 17), ("1152x2048", .high, 67), ("1552x1024", .high, 67),
        ("3840x2160", .low, 4), ("2160x3840", .medium, 34), ("2064x1024", .high, 133), ("3840x1280", .high, 133),
    ])
    func gptImage2Matrix(size: String, quality: Quality, credits: Int) throws {
        let estimate = try table.estimate(model: "gpt-image-2", size: try ImageSize.parse(size), quality: quality, n: 1)
        #expect(estimate.creditsPerImage == credits)
        #expect(estimate.costCredits == credits)
        #expect(!estimate.estimate)
    }

    @Test func tierBoundariesFollowTheLongEdge() throws {
        func tier(_ size: String) throws -> String {
            try table.estimate(model: "gpt-image-2", size: try ImageSize.parse(size), quality: .low, n: 1).tier
        }
        #expect(try tier("1536x1024") == "1K")
        #expect(try tier("1552x1024") == "2K")
        #expect(try tier("2048x1024") == "2K")
        #expect(try tier("2064x1024") == "4K")
        #expect(try tier("3840x2160") == "4K")
    }

    @Test func autoQualityIsBilledAsHighAndAutoSizeInTheFirstTier() throws {
        let estimate = try table.estimate(model: "gpt-image-2", size: .auto, quality: .auto, n: 3)
        #expect(estimate.tier == "1K")
        #expect(estimate.billedQuality == .high)
        #expect(estimate.creditsPerImage == 14)
        #expect(estimate.costCredits == 42)
        #expect(estimate.notes.contains("auto quality is billed as high"))
        #expect(estimate.notes.contains("auto size is billed in the 1K tier"))
        let big = try table.estimate(model: "gpt-image-2", size: .pixels(width: 3840, height: 2160), quality: .auto, n: 10)
        #expect(big.costCredits == 1330)
        #expect(big.summary == "133 x 10 = 1330 credits ($13.30)")
    }

    @Test func assumedRowsAreMarkedAsEstimates() throws {
        let estimate = try table.estimate(model: "gpt-image-1.5", size: .pixels(width: 1024, height: 1536), quality: .medium, n: 2)
        #expect(estimate.estimate)
        #expect(estimate.costCredits == 8)
        #expect(estimate.summary.hasPrefix("~"))
        #expect(estimate.notes.contains { $0.hasPrefix("estimate") })
        #expect(try table.estimate(model: "gpt-image-1.5", size: .auto, quality: .low, n: 1).costCredits == 1)
    }

    @Test func unknownModelOrTierIsAnError() {
        #expect(throws: PixapiError.self) { try table.estimate(model: "dall-e-9", size: .auto, quality: .low, n: 1) }
        #expect(throws: PixapiError.self) {
            try table.estimate(model: "gpt-image-2", size: .pixels(width: 4096, height: 2048), quality: .low, n: 1)
        }
    }

    @Test func overridesReplaceOneCell() throws {
        var table = table
        table.override(model: "gpt-image-2", tier: "2K", quality: .high, credits: 70)
        #expect(try table.estimate(model: "gpt-image-2", size: .pixels(width: 2048, height: 2048), quality: .high, n: 1).creditsPerImage == 70)
        #expect(try table.estimate(model: "gpt-image-2", size: .pixels(width: 2048, height: 2048), quality: .low, n: 1).creditsPerImage == 2)
    }
}
