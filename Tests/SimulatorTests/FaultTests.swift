import AsyncHTTPClient
import Foundation
import NIOCore
import PixapiSimulator
import TestSupport
import Testing

@Suite("Scheduled faults")
struct FaultTests {
    static let path = "/v1/images/generations"
    static var body: [String: Any] { ["model": "gpt-image-2", "prompt": "a lighthouse", "quality": "low", "response_format": "b64_json"] }

    @Test("a 429 with Retry-After, used up after its count")
    func rateLimited() async throws {
        try await withSimulator { sim in
            await sim.schedule(.status(429, retryAfter: 2))
            let limited = try await RawHTTP.postJSON(sim, Self.path, Self.body)
            #expect(limited.status == 429)
            #expect(limited.headers.first(name: "retry-after") == "2")
            #expect(limited.error?["code"] as? String == "rate_limit_exceeded")
            #expect(limited.error?["request_id"] as? String == limited.headers.first(name: "x-request-id"))
            let next = try await RawHTTP.postJSON(sim, Self.path, Self.body)
            #expect(next.status == 200)
        }
    }

    @Test("statuses repeat `count` times and only on their path prefix", arguments: [500, 503, 401, 402])
    func statusCountAndPath(status: Int) async throws {
        try await withSimulator(.init(startingCredits: 100)) { sim in
            await sim.schedule(Fault.status(status, path: "/v1/images/", count: 2))
            let task = try await RawHTTP.postJSON(sim, "/v1/async/images/generations", Self.body)
            #expect(task.status == 200)
            let first = try await RawHTTP.postJSON(sim, Self.path, Self.body)
            let second = try await RawHTTP.postJSON(sim, Self.path, Self.body)
            let third = try await RawHTTP.postJSON(sim, Self.path, Self.body)
            #expect([first.status, second.status, third.status] == [status, status, 200] as [Int])
            #expect(first.error?["message"] is String)
            // A faulted request does no work and costs nothing: only the task and the third were charged.
            #expect(await sim.creditBalance() == 98)
        }
    }

    @Test("drop closes the connection without a response")
    func drop() async throws {
        try await withSimulator { sim in
            await sim.schedule(Fault(kind: .drop))
            await #expect(throws: (any Error).self) {
                _ = try await RawHTTP.postJSON(sim, Self.path, Self.body)
            }
            let after = try await RawHTTP.postJSON(sim, Self.path, Self.body)
            #expect(after.status == 200)
            let log = await sim.receivedRequests()
            #expect(log.first?.fault == .drop)
            #expect(log.first?.status == nil)
        }
    }

    @Test("truncate sends the full Content-Length but only half the body, then closes")
    func truncate() async throws {
        try await withSimulator { sim in
            await sim.schedule(Fault(kind: .truncate))
            var request = HTTPClientRequest(url: sim.baseURL.absoluteString + Self.path)
            request.method = .POST
            request.headers.add(name: "Authorization", value: "Bearer \(RawHTTP.key)")
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: Self.body)))
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
            #expect(response.status.code == 200)
            let declared = try #require(response.headers.first(name: "content-length").flatMap(Int.init))
            var received = 0
            await #expect(throws: (any Error).self) {
                for try await chunk in response.body { received += chunk.readableBytes }
            }
            #expect(received > 0)
            #expect(received < declared)
        }
    }

    @Test("malformed answers 200 with a body that is not JSON")
    func malformed() async throws {
        try await withSimulator { sim in
            await sim.schedule(Fault(kind: .malformed))
            let response = try await RawHTTP.postJSON(sim, Self.path, Self.body)
            #expect(response.status == 200)
            #expect(!response.body.isEmpty)
            #expect(response.json == nil)
        }
    }

    @Test("slowBody spreads a complete body over the requested time")
    func slowBody() async throws {
        try await withSimulator { sim in
            await sim.schedule(Fault(kind: .slowBody, durationMs: 600))
            let clock = ContinuousClock()
            let start = clock.now
            let response = try await RawHTTP.postJSON(sim, Self.path, Self.body)
            #expect(clock.now - start >= .milliseconds(550))
            #expect(response.status == 200)
            #expect(response.data.count == 1)
        }
    }

    @Test("the control API schedules faults, lists requests and resets over HTTP")
    func controlOverHTTP() async throws {
        try await withSimulator(.init(startingCredits: 10)) { sim in
            let faults = #"[{"kind":"status","status":503,"count":1},{"kind":"malformed","path":"/v1/tasks"}]"#
            let scheduled = try await RawHTTP.send(
                .POST, sim.baseURL.absoluteString + "/_sim/faults",
                headers: [("Content-Type", "application/json")], body: Array(faults.utf8)
            )
            #expect(scheduled.json?["scheduled"] as? Int == 2)
            #expect(try await RawHTTP.postJSON(sim, Self.path, Self.body).status == 503)
            #expect(try await RawHTTP.get(sim, "/v1/tasks/task_x").json == nil)
            #expect(try await RawHTTP.postJSON(sim, Self.path, Self.body).status == 200)

            let log = try await RawHTTP.get(sim, "/_sim/requests", key: nil)
            let entries = try #require((try JSONSerialization.jsonObject(with: Data(log.body))) as? [[String: Any]])
            #expect(entries.compactMap { $0["status"] as? Int } == [503, 200, 200])
            #expect(entries.first?["fault"] as? String == "status")
            #expect(entries.first?["time"] is Double)

            let bad = try await RawHTTP.send(.POST, sim.baseURL.absoluteString + "/_sim/faults", body: Array(#"[{"kind":"explode"}]"#.utf8))
            #expect(bad.status == 400)

            _ = try await RawHTTP.send(.POST, sim.baseURL.absoluteString + "/_sim/reset")
            #expect(await sim.receivedRequests().isEmpty)
            #expect(await sim.creditBalance() == 10)
        }
    }
}

@Suite("Lifecycle")
struct LifecycleTests {
    @Test("a port already in use fails to start; a stopped simulator refuses connections")
    func portInUse() async throws {
        let first = try await Simulator.start()
        await #expect(throws: (any Error).self) {
            let second = try await Simulator.start(.init(port: first.port))
            await second.shutdown()
        }
        let url = first.baseURL.absoluteString + "/_sim/credits"
        #expect(try await RawHTTP.send(.GET, url).status == 200)
        await first.shutdown()
        #expect(Self.connectErrno(port: first.port) == ECONNREFUSED)
    }

    /// The errno of a TCP connect to 127.0.0.1:`port`, or 0 when it connects.
    static func connectErrno(port: Int) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return result == 0 ? 0 : errno
    }

    @Test("a status fault outside 400-599 plays as 500")
    func outOfRangeStatus() async throws {
        try await withSimulator { sim in
            await sim.schedule(.status(1200))
            let response = try await RawHTTP.get(sim, "/v1/tasks/task_x")
            #expect(response.status == 500)
        }
    }
}
