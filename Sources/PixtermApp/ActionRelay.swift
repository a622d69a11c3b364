import Foundation
import PixapiKit
import PixtermCore

/// Carries what the API clients report to the UI once it is listening: the clients are built
/// (with their event handler) before the UI loop hands over its `send`.
final class ActionRelay: @unchecked Sendable {
    private let lock = NSLock()
    private var send: (@Sendable (Action) -> Void)?

    func connect(_ send: @escaping @Sendable (Action) -> Void) {
        lock.withLock { self.send = send }
    }

    /// A client's retries go to the session log (Ctrl+L); other events are the jobs' business.
    func clientEvent(_ event: ClientEvent) {
        guard let notice = event.retryNotice, let send = lock.withLock({ self.send }) else { return }
        send(.log(notice))
    }
}
