import Foundation
import Hummingbird

/// The `/_sim/` endpoints tests use over HTTP, without auth:
/// - `POST /_sim/faults` with a JSON `Fault` or list of them: schedules them; answers `{"scheduled": n}`.
/// - `GET /_sim/requests`: the request log, a JSON list of `RecordedRequest`.
/// - `POST /_sim/reset`: forgets faults, log, files and tasks and restores the starting credits.
/// - `GET /_sim/credits`: `{"balance": n}`, `null` when credits are unlimited.
struct ControlAPI {
    let state: SimulatorState

    func reply(to request: Request, path: String, requestID: String) async -> Reply {
        switch (request.method, path) {
        case (.post, "/_sim/faults"):
            guard let body = try? await request.body.collect(upTo: 1_048_576), let faults = Self.faults(from: Data(buffer: body)) else {
                return .error(.invalid("Send a JSON fault or list of faults, each with at least a 'kind'.", param: nil), requestID: requestID)
            }
            await state.schedule(faults)
            return .json(["scheduled": faults.count])
        case (.get, "/_sim/requests"):
            return .json(await state.requests())
        case (.post, "/_sim/reset"):
            await state.reset()
            return .json(["reset": true])
        case (.get, "/_sim/credits"):
            return .json(Balance(balance: await state.balance))
        default:
            return .error(.notFound("\(request.method.rawValue) \(path)"), requestID: requestID)
        }
    }

    private static func faults(from data: Data) -> [Fault]? {
        let decoder = JSONDecoder()
        return (try? decoder.decode([Fault].self, from: data)) ?? (try? decoder.decode(Fault.self, from: data)).map { [$0] }
    }

    private struct Balance: Encodable {
        let balance: Int?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(balance, forKey: .balance)
        }

        enum CodingKeys: String, CodingKey { case balance }
    }
}
