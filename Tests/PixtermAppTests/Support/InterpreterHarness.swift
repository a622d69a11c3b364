import Foundation
import PixapiKit
import PixapiSimulator
import PixtermCore
import TerminalUI
import TestSupport
@testable import PixtermApp

/// What the interpreter sent back to the UI thread, in order, for a test to wait on.
final class ActionLog: @unchecked Sendable {
    private let lock = NSLock()
    private var actions: [Action] = []

    var send: @Sendable (Action) -> Void { { [self] action in lock.withLock { actions.append(action) } } }

    var all: [Action] { lock.withLock { actions } }

    /// The events reported for job `id`, in order.
    func events(of id: UUID) -> [JobEvent] {
        all.compactMap { if case let .jobEvent(job, event) = $0, job == id { event } else { nil } }
    }

    /// Waits until `condition` holds for the actions so far; fails the wait after `timeout`.
    /// The interpreter's work (polls, downloads, saves) shares the test runner's two-thread pool
    /// with every other test, where a job of a second alone has taken 40 s; the timeout is there
    /// to end a hang, not to time the work.
    func wait(
        _ what: String, timeout: Duration = .seconds(90), until condition: ([Action]) -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + timeout
        while !condition(all) {
            guard ContinuousClock.now < deadline else { throw HarnessTimeout(what: what, actions: all) }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Waits until job `id` has reported an end (`.completed`, `.failed` or `.cancelled`).
    func waitForEnd(of id: UUID) async throws {
        try await wait("job \(id) to end") { _ in events(of: id).contains { [.completed, .cancelled].contains($0) || $0.isFailure } }
    }
}

struct HarnessTimeout: Error, CustomStringConvertible {
    let what: String
    let actions: [Action]
    var description: String { "timed out waiting for \(what); got \(actions)" }
}

extension JobEvent {
    var isFailure: Bool { if case .failed = self { true } else { false } }
}

/// The UI's side of the session: what the interpreter wrote to the terminal, and whether it
/// ended the loop.
final class RecordedSession: UISession {
    private(set) var written: [UInt8] = []
    private(set) var hasEnded = false

    func writeToTerminal(_ bytes: [UInt8]) { written += bytes }

    func endSession() { hasEnded = true }
}

/// A simulator on loopback and settings whose data folder (gallery, journal, history) is a
/// temporary folder, with the key and base URL pointing at the simulator, as a user's would.
struct InterpreterHarness {
    let simulator: RunningSimulator
    let folder: TemporaryDirectory
    let settings: PixtermSettings
    private let interpreters = Interpreters()

    /// Runs `body` with a fresh simulator and folder, torn down afterwards even when it throws.
    static func with(
        taskDuration: Duration = .milliseconds(200), key: String? = "sk-test-key-0001", _ body: (InterpreterHarness) async throws -> Void
    ) async throws {
        let folder = try TemporaryDirectory("pixterm-app")
        defer { folder.remove() }
        try await withSimulator(SimulatorConfiguration(taskDuration: taskDuration)) { simulator in
            var environment = folder.isolatedEnvironment(["PIXAPI_BASE_URL": simulator.baseURL.absoluteString])
            environment["PIXAPI_KEY"] = key
            let settings = try PixtermSettings.load(environment: environment)
            let harness = InterpreterHarness(simulator: simulator, folder: folder, settings: settings)
            do {
                try await body(harness)
            } catch {
                await harness.interpreters.shutdown()
                throw error
            }
            await harness.interpreters.shutdown()
        }
    }

    /// The interpreter the UI gets for these settings, shut down when the test ends.
    func live(insideTmux: Bool = false) -> EffectInterpreter {
        kept(EffectInterpreter.live(settings: settings, insideTmux: insideTmux))
    }

    /// `interpreter`, shut down when the test ends (its HTTP clients must be closed).
    func kept(_ interpreter: EffectInterpreter) -> EffectInterpreter {
        interpreters.add(interpreter)
        return interpreter
    }

    static let request = ImageRequest(model: "gpt-image-2", prompt: "a lighthouse at dusk", size: try! ImageSize.parse("1024x1024"), quality: .low, n: 1)

    /// A new job for `request`, as `update` makes one when Enter is pressed.
    static func job(_ mode: SubmitMode = .sync, id: UUID = UUID()) -> Job {
        let cost = try? PriceTable.builtIn.estimate(model: request.model, size: request.size, quality: request.quality, n: request.n)
        return Job(id: id, request: request, mode: mode, cost: cost, startedAt: Date())
    }
}

/// The interpreters a test made, to close their clients at its end.
final class Interpreters: @unchecked Sendable {
    private let lock = NSLock()
    private var all: [EffectInterpreter] = []

    func add(_ interpreter: EffectInterpreter) { lock.withLock { all.append(interpreter) } }

    func shutdown() async {
        for interpreter in lock.withLock({ all }) { await interpreter.shutdown() }
    }
}
