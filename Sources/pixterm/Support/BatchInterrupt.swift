import Foundation

/// Ctrl+C during a batch: no new line starts; once every request being sent has been accepted
/// (its task id is in the journal, so nothing is left with an unknown outcome), pixterm exits
/// 130 saying how to finish. The tasks keep running on the server; `--resume` collects them.
/// A second Ctrl+C exits at once.
final class BatchInterrupt: @unchecked Sendable {
    private let lock = NSLock()
    private var stopping = false
    private let source: any DispatchSourceSignal
    private let console: BatchConsole
    private let resumeHint: String

    init(console: BatchConsole, resumeHint: String) {
        self.console = console
        self.resumeHint = resumeHint
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { [weak self] in self?.interrupted() }
        source.resume()
    }

    /// Whether Ctrl+C was pressed: the run loop starts no more lines.
    var requested: Bool { lock.withLock { stopping } }

    private func interrupted() {
        let again = lock.withLock {
            defer { stopping = true }
            return stopping
        }
        if again {
            console.end()
            exitWithHint("stopped at once (a request being sent may have an unknown outcome: `pixterm tasks` lists it)")
        }
        console.say("stopping: no more lines start; waiting for the requests being sent to be accepted (Ctrl+C again stops at once)")
        Thread.detachNewThread { [self] in
            while !console.nothingInFlight { usleep(20_000) }
            console.end()
            exitWithHint("stopped")
        }
    }

    /// Says how to finish the batch and exits 130, leaving the tasks running in the journal.
    /// Only the first caller exits; another (the run loop ending meanwhile) waits for it.
    func exitWithHint(_ what: String = "stopped") -> Never {
        Self.exiting.lock()
        Terminal.printError(
            "\(what) (\(console.standing)); tasks already sent stay in the journal: `\(resumeHint)` finishes them and sends the lines not sent"
        )
        exit(130)
    }

    /// Taken by the one thread that exits, never given back.
    private static let exiting = NSLock()
}
