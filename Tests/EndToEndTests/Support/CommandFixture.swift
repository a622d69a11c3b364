import Foundation
import TestSupport

/// A `pixterm sim` on loopback (300 ms tasks) and a private home for the commands a suite runs
/// against it, with the simulator's URL and `key` in their environment.
final class CommandFixture {
    let sim: SimulatorProcess
    let dir: TemporaryDirectory

    init() throws {
        sim = try SimulatorProcess(["--task-duration", "300"])
        dir = try TemporaryDirectory()
    }

    deinit { dir.remove() }

    /// Runs the real binary; `key: nil` runs it with no key at all.
    func run(_ arguments: [String], key: String?, stdin: String? = nil) async throws -> PixtermBinary.Output {
        var extra = ["PIXAPI_BASE_URL": sim.baseURL]
        extra["PIXAPI_KEY"] = key
        return try await PixtermBinary.run(arguments, environment: dir.isolatedEnvironment(extra), stdin: stdin)
    }
}
