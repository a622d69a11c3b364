import Foundation

/// Runs the real `pixterm` executable that `swift build` put beside the test bundle.
struct PixtermBinary {
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static var url: URL {
        if let override = ProcessInfo.processInfo.environment["PIXTERM_BINARY"] { return URL(fileURLWithPath: override) }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // Swift Testing may run from inside the .xctest bundle folder.
        while !FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent("pixterm").path), directory.path != "/" {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("pixterm")
    }

    /// Runs `pixterm` with `arguments` in a clean environment (`environment` plus PATH and a
    /// private HOME), waiting at most `timeout` seconds. The waiting happens on a thread of its
    /// own: tests run in parallel on Swift's few cooperative threads, and a test that blocked
    /// one for the seconds a process takes would starve the async tests beside it.
    /// `wrapper` runs `pixterm` through another command (`["/usr/bin/strace", "-o", log]`).
    static func run(
        _ arguments: [String], environment: [String: String], stdin: String? = nil, timeout: TimeInterval = 120, wrapper: [String] = []
    ) async throws -> Output {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try runBlocking(arguments, environment: environment, stdin: stdin, timeout: timeout, wrapper: wrapper) })
            }
        }
    }

    private static func runBlocking(
        _ arguments: [String], environment: [String: String], stdin: String?, timeout: TimeInterval, wrapper: [String]
    ) throws -> Output {
        let process = process(arguments, environment: environment)
        if let command = wrapper.first {
            process.executableURL = URL(fileURLWithPath: command)
            process.arguments = wrapper.dropFirst() + [url.path] + arguments
        }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes while the process runs so a large output cannot block it.
        let stdoutData = ReadAll(out.fileHandleForReading), stderrData = ReadAll(err.fileHandleForReading)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw TimeoutError(arguments: arguments, stderr: stderrData.text)
        }
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: stdoutData.text, stderr: stderrData.text)
    }

    /// A `pixterm` process, not started, with `environment` plus PATH and a UTF-8 locale.
    static func process(_ arguments: [String], environment: [String: String]) -> Process {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        var env = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "LANG": "C.UTF-8"]
        env.merge(environment) { $1 }
        process.environment = env
        return process
    }

    struct TimeoutError: Error, CustomStringConvertible {
        let arguments: [String]
        let stderr: String
        var description: String { "pixterm \(arguments.joined(separator: " ")) timed out; stderr: \(stderr)" }
    }
}

/// Collects everything a file handle yields on a background thread.
final class ReadAll: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            let all = handle.readDataToEndOfFile()
            lock.withLock { data = all }
            done.signal()
        }
    }

    var text: String {
        done.wait()
        done.signal()
        return lock.withLock { String(decoding: data, as: UTF8.self) }
    }
}
