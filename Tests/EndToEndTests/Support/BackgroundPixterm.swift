import Foundation

extension PixtermBinary {
    /// Starts `pixterm` without waiting for it, output discarded: for killing it mid-job or
    /// running several at once. The caller ends it (`kill` or `waitUntilExit`).
    static func start(_ arguments: [String], environment: [String: String]) throws -> Process {
        let process = process(arguments, environment: environment)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Waits until `condition` holds, checking every 20 ms without blocking a thread, for at
    /// most `timeout` seconds.
    static func wait(timeout: TimeInterval, until condition: () throws -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return true }
            try await Task.sleep(for: .milliseconds(20))
        }
        return try condition()
    }
}
