import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// Maps AsyncHTTPClient and NIO failures to what a person can act on.
enum TransportError {
    static func map(_ error: any Error, host: String) -> PixapiError {
        if let error = error as? PixapiError { return error }
        if error is CancellationError { return PixapiError(.cancelled, "cancelled") }
        if let error = error as? HTTPClientError {
            switch error {
            case .cancelled, .requestStreamCancelled:
                return PixapiError(.cancelled, "cancelled")
            case .readTimeout, .deadlineExceeded:
                return PixapiError(.timeout, "\(host) stopped answering (timed out)")
            case .connectTimeout, .getConnectionFromPoolTimeout, .tlsHandshakeTimeout:
                return connectTimedOut(host: host)
            case .remoteConnectionClosed:
                return PixapiError(.network, "\(host) closed the connection before the answer was complete")
            case .bodyLengthMismatch:
                return PixapiError(.network, "the answer from \(host) was cut short (truncated)")
            case .invalidURL, .emptyHost, .emptyScheme:
                return PixapiError(.invalidInput, "the base URL is not a valid http(s) URL")
            default:
                return PixapiError(.network, "talking to \(host) failed: \(error.shortDescription)")
            }
        }
        if error is HTTPParserError {
            return PixapiError(.network, "the answer from \(host) was cut short or garbled")
        }
        if let error = error as? NIOConnectionError {
            let first = error.connectionErrors.first.map(\.error)
            if let io = first as? IOError { return connectionFailed(errno: io.errnoCode, host: host) }
            return PixapiError(.network, "cannot reach \(host): connection refused or no route; check --base-url and the network")
        }
        if let error = error as? IOError {
            return connectionFailed(errno: error.errnoCode, host: host)
        }
        if error is ChannelError {
            return PixapiError(.network, "the connection to \(host) was lost")
        }
        return PixapiError(.network, "talking to \(host) failed: \(error)")
    }

    /// The statuses after which a paid POST is sent again: complete answers by which the server
    /// says it did not act (the contract's 429, 500 and 503).
    static let paidRetryableStatuses: Set<Int> = [429, 500, 503]

    /// A paid POST whose body went out and whose answer was lost: what `cause` was, and that
    /// the server may have charged. Says where to look, since it is never retried on its own.
    static func answerLost(_ cause: PixapiError) -> PixapiError {
        PixapiError(
            .unknownOutcome,
            "the request was sent but its answer was lost (\(cause.message)), so it may have been charged; it was not sent again",
            status: cause.status, code: cause.code, requestID: cause.requestID
        )
    }

    static func connectTimedOut(host: String) -> PixapiError {
        PixapiError(.timeout, "could not connect to \(host) in time; check the network or --base-url")
    }

    /// A failed socket call, said in words rather than as NIO's description of the syscall.
    static func connectionFailed(errno code: Int32, host: String) -> PixapiError {
        switch code {
        case ECONNREFUSED:
            PixapiError(.network, "nothing is listening at \(host) (connection refused); check --base-url, or that the server is running")
        case ENETUNREACH, EHOSTUNREACH:
            PixapiError(.network, "no route to \(host); check the network (VPN, Wi-Fi) or --base-url")
        case ECONNRESET, EPIPE:
            PixapiError(.network, "\(host) dropped the connection")
        case ETIMEDOUT:
            connectTimedOut(host: host)
        default:
            PixapiError(.network, "connection to \(host) failed: \(String(cString: strerror(code)))")
        }
    }
}
