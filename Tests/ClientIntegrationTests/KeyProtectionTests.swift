import Foundation
import ImageCodec
import PixapiKit
import PixapiSimulator
import TestSupport
import Testing

/// Over real loopback HTTP: the key goes only to the exact API origin, a paid request is never
/// redirected, and server text is redacted before it is cut.
@Suite struct KeyProtectionTests {
    static let key = "sk-test-key-0001-ABCDEFGHIJ"
    let request = ImageRequest(model: "gpt-image-2", prompt: "a bridge", size: .pixels(width: 1024, height: 1024), quality: .low, responseFormat: .b64JSON)

    static func png() throws -> [UInt8] {
        try PNGCodec.encode(RGBAImage(width: 4, height: 4, pixels: [UInt8](repeating: 200, count: 64)))
    }

    static func client(base: URL) -> PixapiClient {
        PixapiClient(configuration: ClientConfiguration(baseURL: base, apiKey: key, connectTimeout: .seconds(5), retry: SimulatorHarness.fastRetry))
    }

    @Test func aPlainHTTPResultURLOnTheAPIHostGetsNoKeyAndNoRequest() async throws {
        let image = try Self.png()
        try await ScriptedServer.with({ _ in .init(status: 200, headers: ["Content-Type": "image/png"], body: image) }) { server in
            let port = try #require(server.baseURL.port)
            // The API is https on this host and port; the result URL is http on the same ones.
            let client = Self.client(base: URL(string: "https://127.0.0.1:\(port)")!)
            let temporary = try TemporaryDirectory("pixterm-keys")
            defer { temporary.remove() }
            let folder = temporary.url
            do throws(PixapiError) {
                try await client.download(URL(string: "http://127.0.0.1:\(port)/files/a.png")!, to: folder.appendingPathComponent("a.png"))
                Issue.record("a download that leaves HTTPS must be refused")
            } catch {
                #expect(error.message.contains("plain HTTP"), "\(error)")
            }
            await client.shutdown()
            let arrivals = await server.arrivals()
            #expect(arrivals.isEmpty, "nothing is fetched over plain HTTP")
            #expect(!arrivals.contains { $0.authorization != nil })
        }
    }

    @Test func aResultURLAtTheAPIOriginStillGetsTheKey() async throws {
        let image = try Self.png()
        try await ScriptedServer.with({ _ in .init(status: 200, headers: ["Content-Type": "image/png"], body: image) }) { server in
            let client = Self.client(base: server.baseURL)
            let temporary = try TemporaryDirectory("pixterm-keys")
            defer { temporary.remove() }
            let folder = temporary.url
            try await client.download(server.baseURL.appendingPathComponent("files/a.png"), to: folder.appendingPathComponent("a.png"))
            await client.shutdown()
            #expect(await server.arrivals().map(\.authorization) == ["Bearer \(Self.key)"])
        }
    }

    @Test func aDownloadRedirectedToAnotherOriginLeavesTheKeyBehind() async throws {
        let image = try Self.png()
        try await ScriptedServer.with({ _ in .init(status: 200, headers: ["Content-Type": "image/png"], body: image) }) { cdn in
            let target = cdn.baseURL.appendingPathComponent("img/a.png").absoluteString
            try await ScriptedServer.with({ _ in .init(status: 302, headers: ["Location": target]) }) { api in
                let client = Self.client(base: api.baseURL)
                let temporary = try TemporaryDirectory("pixterm-keys")
                defer { temporary.remove() }
                let folder = temporary.url
                let file = folder.appendingPathComponent("a.png")
                try await client.download(api.baseURL.appendingPathComponent("files/a.png"), to: file)
                await client.shutdown()
                #expect(try Data(contentsOf: file) == Data(image))
                #expect(await api.arrivals().map(\.authorization) == ["Bearer \(Self.key)"])
                let atCDN = await cdn.arrivals()
                #expect(atCDN.count == 1 && atCDN.allSatisfy { $0.authorization == nil })
            }
        }
    }

    @Test func aPaidPOSTRedirectedToAnotherOriginIsRefusedAndNothingReachesIt() async throws {
        let other = try await Simulator.start()
        let target = other.baseURL.appendingPathComponent("v1/images/generations").absoluteString
        try await ScriptedServer.with({ _ in .init(status: 307, headers: ["Location": target]) }) { api in
            let client = Self.client(base: api.baseURL)
            let temporary = try TemporaryDirectory("pixterm-keys")
            defer { temporary.remove() }
            let folder = temporary.url
            do throws(PixapiError) {
                _ = try await client.create(request, staging: folder)
                Issue.record("a redirected POST must not be followed")
            } catch {
                #expect(error.status == 307, "\(error)")
                #expect(error.message.contains("http://127.0.0.1:\(other.port)/v1/images/generations"), "\(error)")
                #expect(error.message.contains("nothing was sent there"))
            }
            await client.shutdown()
            #expect(await api.arrivals().count == 1, "a refused redirect is not retried")
        }
        #expect(await other.receivedRequests().isEmpty, "the prompt never reaches the other origin")
        await other.shutdown()
    }

    @Test func aKeyStraddlingThe80CharacterPreviewIsRedactedFirst() async throws {
        let body = Array((String(repeating: "x", count: 70) + Self.key + " and more").utf8)
        try await ScriptedServer.with({ _ in .init(status: 200, headers: ["Content-Type": "application/json"], body: body) }) { api in
            let client = Self.client(base: api.baseURL)
            let temporary = try TemporaryDirectory("pixterm-keys")
            defer { temporary.remove() }
            let folder = temporary.url
            do throws(PixapiError) {
                _ = try await client.task(id: "task_1", staging: folder)
                Issue.record("a body that is not JSON must fail")
            } catch {
                #expect(error.kind == .malformedResponse, "\(error)")
                #expect(error.message.contains("[redacted]"), "\(error)")
                #expect(!error.description.contains("sk-"), "no opening of the key survives the cut: \(error)")
            }
            await client.shutdown()
        }
    }

    @Test func aKeyStraddlingThe200CharacterErrorPreviewIsRedactedFirst() async throws {
        let body = Array((String(repeating: "y", count: 190) + Self.key + " tail").utf8)
        try await ScriptedServer.with({ _ in .init(status: 400, headers: ["Content-Type": "text/plain"], body: body) }) { api in
            let client = Self.client(base: api.baseURL)
            let temporary = try TemporaryDirectory("pixterm-keys")
            defer { temporary.remove() }
            let folder = temporary.url
            do throws(PixapiError) {
                _ = try await client.task(id: "task_1", staging: folder)
                Issue.record("a 400 must fail")
            } catch {
                #expect(error.status == 400, "\(error)")
                #expect(error.message.contains("[redacted]"), "\(error)")
                #expect(!error.description.contains("sk-"), "no opening of the key survives the cut: \(error)")
            }
            await client.shutdown()
        }
    }

    @Test func aFailedTasksMessageIsRedacted() async throws {
        try await SimulatorHarness.with(key: Self.key) { harness in
            await harness.simulator.schedule(Fault(kind: .taskFails, message: "upstream said key \(Self.key) is wrong"))
            let task = try await harness.client.submitTask(request)
            do throws(PixapiError) {
                _ = try await harness.client.waitForTask(id: task.id, staging: harness.staging, schedule: SimulatorHarness.fastPoll)
                Issue.record("expected the task to fail")
            } catch {
                #expect(error.kind == .taskFailed)
                #expect(error.message.contains("upstream said key [redacted] is wrong"), "\(error)")
                #expect(!error.description.contains("sk-test"))
            }
        }
    }

    @Test func anEchoedKeyInRevisedPromptIsRedacted() async throws {
        try await SimulatorHarness.with(key: Self.key) { harness in
            var echoing = request
            echoing.prompt = "a sign that reads \(Self.key)"
            let result = try await harness.client.create(echoing, staging: harness.staging)
            let revised = try #require(result.items.first?.revisedPrompt)
            #expect(revised == "a sign that reads [redacted]")
        }
    }
}
