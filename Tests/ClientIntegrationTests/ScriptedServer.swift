import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import TestSupport

/// A loopback HTTP server that answers every request from a script and records what arrived,
/// the `Authorization` header included: the other side of a redirect, a result-URL host, or an
/// API that sends odd bodies, for tests that check what the client sends where.
final class ScriptedServer: Sendable {
    struct Arrival: Sendable {
        let method: String
        let path: String
        let authorization: String?
    }

    struct Answer: Sendable {
        var status: Int
        var headers: [String: String] = [:]
        var body: [UInt8] = []
    }

    let baseURL: URL
    private let log: ArrivalLog
    private let group: ServiceGroup
    private let running: Task<Void, any Error>

    private init(baseURL: URL, log: ArrivalLog, group: ServiceGroup, running: Task<Void, any Error>) {
        self.baseURL = baseURL
        self.log = log
        self.group = group
        self.running = running
    }

    /// Starts listening on 127.0.0.1 at a free port; `answer` decides every reply.
    static func start(_ answer: @escaping @Sendable (Arrival) -> Answer) async throws -> ScriptedServer {
        let log = ArrivalLog()
        let quiet = Logger(label: "scripted-server") { _ in SwiftLogNoOpLogHandler() }
        let (ports, announce) = AsyncStream<Int>.makeStream()
        let application = Application(
            responder: Responder(log: log, answer: answer),
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                announce.yield(channel.localAddress?.port ?? 0)
                announce.finish()
            },
            logger: quiet
        )
        let group = ServiceGroup(services: [application], logger: quiet)
        let running = Task {
            defer { announce.finish() }
            try await group.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            try await running.value
            throw CancellationError()
        }
        return ScriptedServer(baseURL: URL(string: "http://127.0.0.1:\(port)")!, log: log, group: group, running: running)
    }

    /// Every request so far, oldest first.
    func arrivals() async -> [Arrival] { await log.all }

    func shutdown() async {
        await group.triggerGracefulShutdown()
        _ = try? await running.value
    }

    /// Runs `body` with a started server and always shuts it down.
    static func with<T>(
        _ answer: @escaping @Sendable (Arrival) -> Answer, _ body: (ScriptedServer) async throws -> T
    ) async throws -> T {
        try await using(try await start(answer), tearDown: { await $0.shutdown() }, body)
    }

    private actor ArrivalLog {
        private(set) var all: [Arrival] = []
        func append(_ arrival: Arrival) { all.append(arrival) }
    }

    private struct Responder: HTTPResponder {
        typealias Context = BasicRequestContext
        let log: ArrivalLog
        let answer: @Sendable (Arrival) -> Answer

        func respond(to request: Request, context: Context) async throws -> Response {
            _ = try? await request.body.collect(upTo: 64 << 20)
            let arrival = Arrival(method: request.method.rawValue, path: request.uri.path, authorization: request.headers[.authorization])
            await log.append(arrival)
            let reply = answer(arrival)
            var headers = HTTPFields()
            for (name, value) in reply.headers {
                if let field = HTTPField.Name(name) { headers[field] = value }
            }
            return Response(
                status: HTTPResponse.Status(code: reply.status), headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: reply.body))
            )
        }
    }
}
