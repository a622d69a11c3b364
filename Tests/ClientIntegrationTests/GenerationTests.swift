import Foundation
import ImageCodec
import PixapiKit
import PixapiSimulator
import TestSupport
import Testing

@Suite(.serialized) struct GenerationTests {
    @Test(arguments: [ResponseFormat.b64JSON, .url])
    func syncGenerationReturnsImagesOfTheRequestedSize(format: ResponseFormat) async throws {
        try await SimulatorHarness.with { harness in
            let request = ImageRequest(model: "gpt-image-2", prompt: "a lighthouse", size: .pixels(width: 1536, height: 1024), quality: .low, n: 2, responseFormat: format)
            let result = try await harness.client.create(request, staging: harness.staging)
            #expect(result.items.count == 2)
            var contents: [Data] = []
            for item in result.items {
                if format == .b64JSON { #expect({ if case .file = item.payload { true } else { false } }()) }
                let file = try await harness.materialize(item)
                let header = try #require(try SimulatorHarness.header(file))
                #expect(header.format == .png)
                #expect(header.width == 1536 && header.height == 1024)
                contents.append(try Data(contentsOf: file))
            }
            #expect(contents[0] != contents[1])
            let sent = await harness.simulator.receivedRequests()
            let post = try #require(sent.first { $0.path == "/v1/images/generations" })
            #expect(post.keyPresent && post.keyAccepted)
            #expect(post.fields["size"] == "1536x1024")
            #expect(post.fields["response_format"] == format.rawValue)
        }
    }

    @Test func asyncTaskReportsProgressAndCompletes() async throws {
        try await SimulatorHarness.with(taskDuration: .milliseconds(600)) { harness in
            let request = ImageRequest(model: "gpt-image-2", prompt: "a fox", size: .pixels(width: 1024, height: 1024), quality: .medium, n: 3, responseFormat: .b64JSON)
            let submitted = try await harness.client.submitTask(request)
            #expect(submitted.id.hasPrefix("task_"))
            #expect(!submitted.isTerminal)
            let seen = ProgressLog()
            let result = try await harness.client.waitForTask(id: submitted.id, staging: harness.staging, schedule: SimulatorHarness.fastPoll) { seen.add($0.progress) }
            #expect(result.items.count == 3)
            #expect(seen.values.count >= 2)
            #expect(seen.values.last == 100)
            for item in result.items {
                let header = try #require(try SimulatorHarness.header(try await harness.materialize(item)))
                #expect(header.width == 1024)
            }
            let paths = await harness.simulator.receivedRequests().map(\.path)
            #expect(paths.first == "/v1/async/images/generations")
            #expect(paths.dropFirst().allSatisfy { $0 == "/v1/tasks/\(submitted.id)" })
        }
    }

    @Test func editsSendOneOrSeveralImagesAndAMask() async throws {
        try await SimulatorHarness.with { harness in
            let one = try harness.writePNG("one.png", width: 64, height: 48)
            let two = try harness.writePNG("two.png", width: 32, height: 32)
            let three = try harness.writePNG("three.png", width: 16, height: 16)
            let mask = try harness.writePNG("mask.png", width: 64, height: 48, alpha: 0)
            let single = ImageRequest(operation: .edit, model: "gpt-image-1.5", prompt: "add a hat", size: .pixels(width: 1024, height: 1024), quality: .low, images: [one])
            #expect(try await harness.client.create(single, staging: harness.staging).items.count == 1)
            var several = single
            several.images = [one, two, three]
            several.mask = mask
            several.operation = .edit
            let task = try await harness.client.submitTask(several)
            let result = try await harness.client.waitForTask(id: task.id, staging: harness.staging, schedule: SimulatorHarness.fastPoll)
            #expect(result.items.count == 1)
            let sent = await harness.simulator.receivedRequests().filter { $0.method == "POST" }
            #expect(sent.map(\.path) == ["/v1/images/edits", "/v1/async/images/edits"])
            #expect(sent[0].files.map(\.part) == ["image"])
            #expect(sent[1].files.map(\.part) == ["image[]", "image[]", "image[]", "mask"])
            #expect(sent[1].files.map(\.byteCount) == [one, two, three, mask].map { (try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int) ?? -1 })
            #expect(sent[1].fields["prompt"] == "add a hat")
        }
    }

    @Test func unreadableEditInputIsRefusedBeforeSending() async throws {
        try await SimulatorHarness.with { harness in
            let text = harness.staging.appendingPathComponent("notes.png")
            try Data("not an image".utf8).write(to: text)
            let request = ImageRequest(operation: .edit, model: "gpt-image-2", prompt: "x", images: [text.path])
            await #expect(throws: PixapiError.self) { try await harness.client.create(request, staging: harness.staging) }
            #expect(await harness.simulator.receivedRequests().isEmpty)
        }
    }
}

final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Int] = []
    func add(_ value: Int?) { if let value { lock.withLock { stored.append(value) } } }
    var values: [Int] { lock.withLock { stored } }
}
