import Foundation

/// When a UI test stops waiting for the screen to show something.
///
/// The condition must hold on two looks in a row: tmux applies a frame as its bytes arrive, so
/// one look can catch a frame half drawn (a new status line above an old picker). It gives up
/// only on a look that does not hold, taken after the deadline. On a loaded machine the waiting
/// task can wait seconds for a thread, so the deadline can pass between a look that holds and
/// the look that confirms it; that is a slow test runner, not a slow UI.
struct ScreenWait {
    let what: String
    let deadline: Date

    func run(
        look: () throws -> String, holds: (String) -> Bool, now: () -> Date, pause: () async throws -> Void
    ) async throws -> String {
        var heldBefore = false
        while true {
            let screen = try look()
            let holdsNow = holds(screen)
            if holdsNow, heldBefore { return screen }
            if !holdsNow, now() >= deadline { throw WaitError(what: what, screen: screen) }
            heldBefore = holdsNow
            try await pause()
        }
    }

    struct WaitError: Error, CustomStringConvertible {
        let what: String
        let screen: String
        var description: String { "timed out waiting for \(what); the screen was:\n\(screen)" }
    }
}
