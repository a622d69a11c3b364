import Foundation
import Gallery
import PixtermCore

/// What `pixterm gallery rebuild` shows while it runs: a progress line redrawn in place on
/// standard error, at most ten times a second, only when standard error is a terminal (scripts
/// get the same output as without it).
///
/// Ctrl+C on the terminal clears the line and says the index was kept, then pixterm dies of the
/// signal as it did before there was a line (status 130 in the shell): the new index is written in one transaction, so a
/// rebuild stopped before its end leaves the old index as it was.
final class RebuildConsole: @unchecked Sendable {
    private let lock = NSLock()
    private var readingSince: Date?
    private var drawn: Date?
    private var ended = false
    private let interrupt: any DispatchSourceSignal

    /// How often the line may be redrawn: a rebuild reports far more often than anyone can read.
    static let interval: TimeInterval = 0.1

    /// The console, or nil when standard error is not a terminal.
    init?() {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        signal(SIGINT, SIG_IGN)
        // A queue of its own: the global queues are busy reading files on every core.
        interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: DispatchQueue(label: "pixterm.rebuild-interrupt"))
        interrupt.setEventHandler { [weak self] in self?.interrupted() }
        interrupt.resume()
    }

    func show(_ progress: GalleryRebuildProgress) {
        lock.withLock {
            let now = Date()
            if case .reading = progress, readingSince == nil { readingSince = now }
            let due = drawn.map { now.timeIntervalSince($0) >= Self.interval } ?? true
            guard !ended, due || Self.isLast(progress) else { return }
            drawn = now
            let width = TerminalSize.current(of: STDERR_FILENO)?.columns ?? 80
            Terminal.progress(RebuildProgressLine.text(progress, elapsed: now.timeIntervalSince(readingSince ?? now), width: width))
        }
    }

    /// Clears the line for good, and Ctrl+C works as it does without a line.
    func end() {
        lock.withLock {
            guard !ended else { return }
            ended = true
            Terminal.endProgress()
        }
        interrupt.cancel()
        signal(SIGINT, SIG_DFL)
    }

    /// The report that comes once, which a throttled redraw must not skip.
    private static func isLast(_ progress: GalleryRebuildProgress) -> Bool {
        if case .finishing = progress { return true }
        return false
    }

    private func interrupted() {
        lock.withLock {
            if !ended {
                Terminal.endProgress()
                Terminal.printError("interrupted before the new index was complete; the gallery index is as it was")
            }
            ended = true
        }
        // Dispatch keeps SIGINT blocked to hand it to its source: unblocked here, with the
        // default action back, it ends the process as it would have without the line.
        var interruptOnly = sigset_t()
        sigemptyset(&interruptOnly)
        sigaddset(&interruptOnly, SIGINT)
        signal(SIGINT, SIG_DFL)
        pthread_sigmask(SIG_UNBLOCK, &interruptOnly, nil)
        raise(SIGINT)
        exit(130)
    }
}
