import Foundation
import NIOCore
import Testing
@testable import PixapiKit

/// Socket failures become sentences a person can act on, each with the right kind for retries.
@Suite struct TransportErrorTests {
    @Test(arguments: [
        (ECONNREFUSED, PixapiError.Kind.network, "nothing is listening at api.example (connection refused); check --base-url, or that the server is running"),
        (EHOSTUNREACH, .network, "no route to api.example; check the network (VPN, Wi-Fi) or --base-url"),
        (ENETUNREACH, .network, "no route to api.example; check the network (VPN, Wi-Fi) or --base-url"),
        (ECONNRESET, .network, "api.example dropped the connection"),
        (ETIMEDOUT, .timeout, "could not connect to api.example in time; check the network or --base-url"),
        (EACCES, .network, "connection to api.example failed: Permission denied"),
    ])
    func socketErrorsAreSaidInWords(code: Int32, kind: PixapiError.Kind, message: String) {
        let error = TransportError.map(IOError(errnoCode: code, reason: "connect"), host: "api.example")
        #expect(error.kind == kind)
        #expect(error.message == message)
        #expect(error.isTransient)
    }
}
