import Foundation
import Testing
import TestSupport

@Suite struct CostCommandTests {
    @Test func costJSONHasTheDocumentedFields() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let output = try await PixtermBinary.run(["cost", "-s", "2048x1152", "-q", "high", "-n", "3", "--json"], environment: dir.isolatedEnvironment())
        #expect(output.status == 0, "\(output.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(object["model"] as? String == "gpt-image-2")
        #expect(object["size"] as? String == "2048x1152")
        #expect(object["tier"] as? String == "2K")
        #expect(object["quality"] as? String == "high")
        #expect(object["n"] as? Int == 3)
        #expect(object["creditsPerImage"] as? Int == 67)
        #expect(object["costCredits"] as? Int == 201)
        #expect(object["estimate"] as? Bool == false)
    }

    @Test func invalidSizeExitsNonZeroWithOneLineReason() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let output = try await PixtermBinary.run(["cost", "-s", "1000x1000"], environment: dir.isolatedEnvironment())
        #expect(output.status == 2)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr == "pixterm: 1000x1000 is not valid for gpt-image-2: both edges must be multiples of 16 (1000 and 1000 are not). Nearest valid: 1008x1008 or 992x992\n")
    }

    @Test func configPriceOverrideChangesTheCost() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let config = dir.url.appendingPathComponent("config/pixterm/config.toml")
        try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "[pricing.\"gpt-image-2\".\"1K\"]\nhigh = 15\n".write(to: config, atomically: true, encoding: .utf8)
        let output = try await PixtermBinary.run(["cost", "--json"], environment: dir.isolatedEnvironment())
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("\"costCredits\" : 15"))
    }

    @Test func modelsListsSizesAndMarksEstimates() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let output = try await PixtermBinary.run(["models"], environment: dir.isolatedEnvironment())
        #expect(output.status == 0)
        #expect(output.stdout.contains("gpt-image-2 (default)"))
        #expect(output.stdout.contains("3840x2160"))
        #expect(output.stdout.contains("prices:    estimated"))
    }
}
