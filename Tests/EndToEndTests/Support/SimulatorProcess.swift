import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `pixterm sim` running as its own process on a free loopback port, as a user would start it.
final class SimulatorProcess {
    let process = Process()
    let baseURL: String

    init(_ extraArguments: [String] = []) throws {
        process.executableURL = PixtermBinary.url
        process.arguments = ["sim", "--port", "0"] + extraArguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The first line names the URL; read byte by byte so nothing after it is consumed.
        var line = Data()
        let handle = out.fileHandleForReading
        while true {
            let byte = handle.readData(ofLength: 1)
            guard let first = byte.first else { break }
            if first == UInt8(ascii: "\n") { break }
            line.append(first)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let range = text.range(of: "http://[^ ]+", options: .regularExpression) else {
            process.terminate()
            throw StartError(firstLine: text)
        }
        baseURL = String(text[range])
    }

    deinit {
        process.terminate()
        process.waitUntilExit()
    }

    /// Schedules faults on the next requests through the control API.
    func schedule(_ faultsJSON: String) throws {
        _ = try send("POST", "/_sim/faults", body: faultsJSON)
    }

    /// The requests the simulator received, as JSON.
    func receivedRequests() throws -> [[String: Any]] {
        let data = try send("GET", "/_sim/requests", body: nil)
        return (try JSONSerialization.jsonObject(with: data) as? [[String: Any]]) ?? []
    }

    /// The credit balance (`pixterm sim --credits`); `nil` when unlimited.
    func credits() throws -> Int? {
        (try JSONSerialization.jsonObject(with: send("GET", "/_sim/credits", body: nil)) as? [String: Any])?["balance"] as? Int
    }

    private func send(_ method: String, _ path: String, body: String?) throws -> Data {
        var request = URLRequest(url: URL(string: baseURL + path)!)
        request.httpMethod = method
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let box = ResultBox()
        URLSession.shared.dataTask(with: request) { data, _, error in box.set(data, error) }.resume()
        return try box.wait()
    }

    struct StartError: Error, CustomStringConvertible {
        let firstLine: String
        var description: String { "pixterm sim did not print its URL; first line: \(firstLine)" }
    }
}

/// Hands a URLSession completion to the waiting test thread.
private final class ResultBox: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data: Data?
    private var error: (any Error)?

    func set(_ data: Data?, _ error: (any Error)?) {
        self.data = data
        self.error = error
        done.signal()
    }

    func wait() throws -> Data {
        done.wait()
        if let error { throw error }
        return data ?? Data()
    }
}
