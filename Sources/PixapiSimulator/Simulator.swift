import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// A local Pixapi-compatible server for tests and the demo.
///
/// It validates like Pixapi, answers with real PNG/JPEG images drawn from the prompt, runs async
/// tasks on a timer, charges credits, and plays scheduled faults. A POST that repeats an earlier
/// one's `Idempotency-Key` (same path) gets the earlier answer again and is not charged. A prompt
/// containing the word "forbidden" is refused with 422 `prompt_rejected`. `response_format`
/// defaults to `url`, as in Pixapi's documentation example.
public enum Simulator {
    /// Starts the simulator in this process and returns once it is listening. Its server and
    /// handlers run on `executor` when one is given: tests give it a thread of its own, so that
    /// it answers on time (a slow body's pauses) however busy their shared pool is, as a server
    /// on another machine would.
    public static func start(
        _ configuration: SimulatorConfiguration = .init(), executor: (any TaskExecutor)? = nil
    ) async throws -> RunningSimulator {
        let state = SimulatorState(configuration: configuration)
        let (ports, announce) = AsyncStream<Int>.makeStream()
        let application = makeApplication(state: state) { port in
            announce.yield(port)
            announce.finish()
        }
        let group = ServiceGroup(services: [application], logger: quietLogger)
        let running = Task(executorPreference: executor) {
            defer { announce.finish() }
            try await group.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            try await running.value
            throw SimulatorStartError(host: configuration.host, port: configuration.port)
        }
        return RunningSimulator(host: configuration.host, port: port, state: state, group: group, running: running)
    }

    /// Runs the simulator until SIGINT or SIGTERM, for `pixterm sim`; `onListening` receives the
    /// base URL once the port is bound (useful with port 0).
    public static func run(
        _ configuration: SimulatorConfiguration, onListening: @escaping @Sendable (URL) -> Void
    ) async throws {
        let state = SimulatorState(configuration: configuration)
        let application = makeApplication(state: state) { port in
            onListening(baseURL(host: configuration.host, port: port))
        }
        try await application.runService()
    }

    /// Never prints: the demo runs the simulator under the ncurses UI, and requests may carry keys.
    static let quietLogger = Logger(label: "pixapi-simulator") { _ in SwiftLogNoOpLogHandler() }

    private static func makeApplication(
        state: SimulatorState, onPort: @escaping @Sendable (Int) -> Void
    ) -> some ApplicationProtocol {
        let configuration = state.configuration
        return Application(
            responder: SimulatorResponder(state: state),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port)),
            onServerRunning: { channel in onPort(channel.localAddress?.port ?? configuration.port) },
            logger: quietLogger
        )
    }

    static func baseURL(host: String, port: Int) -> URL {
        let hostPart = host.contains(":") ? "[\(host)]" : host
        guard let url = URL(string: "http://\(hostPart):\(port)") else {
            preconditionFailure("http://\(hostPart):\(port) is not a URL")
        }
        return url
    }
}

/// The simulator could not bind its address.
public struct SimulatorStartError: Error, CustomStringConvertible {
    public let host: String
    public let port: Int

    public var description: String { "the simulator could not listen on \(host):\(port)" }
}

/// A simulator running in this process: its address, and in-process control for tests.
public final class RunningSimulator: Sendable {
    /// `http://127.0.0.1:PORT`, the base URL to give a client.
    public let baseURL: URL
    /// The bound port (the one the system chose when the configuration said 0).
    public let port: Int
    private let state: SimulatorState
    private let group: ServiceGroup
    private let running: Task<Void, any Error>

    init(host: String, port: Int, state: SimulatorState, group: ServiceGroup, running: Task<Void, any Error>) {
        baseURL = Simulator.baseURL(host: host, port: port)
        self.port = port
        self.state = state
        self.group = group
        self.running = running
    }

    /// Stops accepting connections, lets requests in flight finish, and returns when the server is down.
    public func shutdown() async {
        await group.triggerGracefulShutdown()
        _ = try? await running.value
    }

    /// Plays `fault` on the next matching requests (after any faults already scheduled).
    public func schedule(_ fault: Fault) async { await state.schedule([fault]) }

    /// Every `/v1` and `/files` request so far, oldest first.
    public func receivedRequests() async -> [RecordedRequest] { await state.requests() }

    /// Credits left; `nil` when unlimited.
    public func creditBalance() async -> Int? { await state.balance }
}
