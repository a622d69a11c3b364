import AsyncHTTPClient
import Foundation
import NIOCore

/// One GET of the base URL without the key, for `pixterm doctor`: any HTTP answer means the
/// server can be reached. Uses AsyncHTTPClient like the rest of the client, so the executable
/// never loads Foundation's URLSession stack (libcurl and its thirty libraries), which cost
/// every command, even `--version`, over 10 ms of start-up.
public enum Reachability {
    public enum Outcome: Sendable {
        case reachable(status: Int, milliseconds: Int)
        case unreachable(String)
    }

    public static func check(_ url: URL, timeout: Duration = .seconds(5)) async -> Outcome {
        let url = url.removingCredentials
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .GET
        let http = PixapiClient.makeHTTPClient(connectTimeout: timeout, readTimeout: timeout)
        let start = ContinuousClock.now
        let outcome: Outcome
        do {
            let response = try await http.execute(request, timeout: timeout.timeAmount)
            let elapsed = ContinuousClock.now - start
            let milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
            outcome = .reachable(status: Int(response.status.code), milliseconds: milliseconds)
        } catch {
            outcome = .unreachable(TransportError.map(error, host: url.host ?? url.absoluteString).message)
        }
        try? await http.shutdown()
        return outcome
    }
}
