import Foundation
import ImageCodec
import Testing
import TestSupport

/// `pixterm sim --images`: the photo-like mode benchmarks use, and its refusal of unknown styles.
struct PhotoSimulatorCommandTests {
    @Test func anUnknownImageStyleIsRefusedWithTheChoices() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let output = try await PixtermBinary.run(["sim", "--port", "0", "--images", "nope"], environment: dir.isolatedEnvironment([:]), timeout: 20)
        #expect(output.status != 0)
        #expect(output.stderr.contains("--images must be striped or photo, not \"nope\""), "stderr: \(output.stderr)")
    }

    @Test func aGenerateAgainstThePhotoSimulatorSavesAPhotographSizedPNG() async throws {
        let sim = try SimulatorProcess(["--images", "photo"])
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let environment = dir.isolatedEnvironment(["PIXAPI_BASE_URL": sim.baseURL, "PIXAPI_KEY": "sk-e2e-photo"])
        let output = try await PixtermBinary.run(["generate", "a harbour at dawn", "-s", "1024x1024", "--json"], environment: environment)
        #expect(output.status == 0, "stderr: \(output.stderr)")
        let paths = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String], "stdout: \(output.stdout)")
        let path = try #require(paths.first)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect((1_000_000...4_000_000).contains(size), "saved PNG is \(size) bytes")
        let image = try ImageDecoder.decode(contentsOf: URL(fileURLWithPath: path))
        #expect(image.width == 1024 && image.height == 1024)
    }
}
