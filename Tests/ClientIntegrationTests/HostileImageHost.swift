import Foundation
#if canImport(Glibc)
import Glibc
private let noSignal = Int32(MSG_NOSIGNAL)
private let closeSocket = Glibc.close
#else
import Darwin
private let noSignal: Int32 = 0
private let closeSocket = Darwin.close
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 that misbehaves on purpose, byte by byte: trickling a
/// body, declaring a huge length, streaming without end. The simulator answers like Pixapi; this
/// answers like a hostile image host. Runs on its own thread with blocking sockets, so it never
/// occupies the cooperative pool the client under test needs.
final class HostileImageHost: @unchecked Sendable {
    /// What to do with one request, decided from its path.
    enum Step {
        case send([UInt8])
        case pause(Duration)
        /// Sends `chunk` until the client hangs up.
        case repeatUntilClosed([UInt8])
    }

    let port: Int
    private let listener: Int32
    private let route: @Sendable (String) -> [Step]
    private let lock = NSLock()
    private var served: [String] = []

    init(route: @escaping @Sendable (_ path: String) -> [Step]) throws {
        self.route = route
        #if canImport(Glibc)
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let listener = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        self.listener = listener
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) == 0 && getsockname(listener, $0, &length) == 0 }
        }
        guard bound, listen(listener, 16) == 0 else { throw POSIXError(.EADDRINUSE) }
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// The request paths received so far.
    var paths: [String] { lock.withLock { served } }

    /// Stops accepting; connections in progress end when their client hangs up.
    func close() {
        shutdown(listener, Int32(SHUT_RDWR))
        _ = closeSocket(listener)
    }

    /// Response headers for a 200 with the given content type and, unless nil, length.
    static func ok(contentType: String, length: Int?) -> [UInt8] {
        var head = "HTTP/1.1 200 OK\r\nContent-Type: \(contentType)\r\nConnection: close\r\n"
        if let length { head += "Content-Length: \(length)\r\n" }
        return Array((head + "\r\n").utf8)
    }

    /// A whole 200 answer.
    static func answer(_ body: [UInt8], contentType: String) -> [Step] {
        [.send(ok(contentType: contentType, length: body.count) + body)]
    }

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            Thread { [self] in serve(connection) }.start()
        }
    }

    private func serve(_ connection: Int32) {
        defer { _ = closeSocket(connection) }
        #if canImport(Darwin)
        var one: Int32 = 1
        setsockopt(connection, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
        guard let path = readRequestPath(connection) else { return }
        lock.withLock { served.append(path) }
        for step in route(path) {
            switch step {
            case let .send(bytes):
                guard write(bytes, to: connection) else { return }
            case let .pause(duration):
                Thread.sleep(forTimeInterval: Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
            case let .repeatUntilClosed(chunk):
                while write(chunk, to: connection) {}
                return
            }
        }
    }

    /// Reads up to the end of the request head; a body, which no script looks at, is left unread.
    private func readRequestPath(_ connection: Int32) -> String? {
        var head: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !head.indices.contains(where: { head[$0...].starts(with: [13, 10, 13, 10]) }) {
            let got = recv(connection, &buffer, buffer.count, 0)
            guard got > 0 else { return nil }
            head += buffer[0..<got]
        }
        let line = String(decoding: head.prefix { $0 != 13 }, as: UTF8.self).split(separator: " ")
        return line.count >= 2 ? String(line[1]) : nil
    }

    /// False once the client has gone (no SIGPIPE: MSG_NOSIGNAL).
    private func write(_ bytes: [UInt8], to connection: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(connection, $0.baseAddress, $0.count, noSignal) }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }
}
