#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The write end signal handlers report to; set before the handlers are installed and only
/// read by them, as a signal handler cannot reach any object.
nonisolated(unsafe) private var signalPipeWriteEnd: Int32 = -1
/// ncurses' own SIGWINCH handler, which only sets the flag that makes it report KEY_RESIZE.
nonisolated(unsafe) private var ncursesResizeHandler: (@convention(c) (Int32) -> Void)?
/// ncurses' SIGTSTP handler, which leaves curses mode, stops the process and repaints on resume.
nonisolated(unsafe) private var ncursesSuspendHandler: (@convention(c) (Int32) -> Void)?

/// Routes SIGTERM, SIGHUP and SIGINT (and SIGWINCH, to wake the poll) into a self-pipe instead of letting them kill the process
/// with the terminal still in raw mode; the UI thread then restores it (endwin is not
/// async-signal-safe, so the handler only writes one byte).
struct SignalRelay {
    static let signals: [Int32] = [SIGTERM, SIGHUP, SIGINT]
    private var previous: [Int32: (@convention(c) (Int32) -> Void)?] = [:]

    mutating func install(writingTo pipe: SelfPipe) {
        signalPipeWriteEnd = pipe.writeEnd
        for number in Self.signals {
            previous[number] = signal(number) { received in
                var byte = UInt8(truncatingIfNeeded: received)
                _ = write(signalPipeWriteEnd, &byte, 1)
            }
        }
        // SIGWINCH may land on any thread, where it would not interrupt the UI thread's poll:
        // ncurses still notes it, and the byte wakes the poll so the resize shows at once.
        let ncurses = signal(SIGWINCH) { received in
            if let handler = ncursesResizeHandler { handler(received) }
            var byte = UInt8(truncatingIfNeeded: received)
            _ = write(signalPipeWriteEnd, &byte, 1)
        }
        previous[SIGWINCH] = ncurses
        // SIG_DFL and SIG_IGN are the addresses 0 and 1, not functions to call.
        if let ncurses, unsafeBitCast(ncurses, to: Int.self) > 1 { ncursesResizeHandler = ncurses }
        installSuspendHandler()
    }

    /// A stop from outside (`kill -TSTP`; Ctrl+Z is a key in raw mode) goes through ncurses'
    /// handler, which restores the tty but knows nothing of the modes the UI turned on: they
    /// are turned off around it, so the shell in between gets no mouse reports or paste markers.
    private mutating func installSuspendHandler() {
        TerminalModes.prepare()
        let ncurses = signal(SIGTSTP) { received in
            TerminalModes.writeOff()
            if let handler = ncursesSuspendHandler { handler(received) }
            TerminalModes.writeOn()
        }
        guard let ncurses, unsafeBitCast(ncurses, to: Int.self) > 1 else {
            // No handler to wrap (the stop is ignored or default): leave it as it was.
            signal(SIGTSTP, ncurses)
            return
        }
        ncursesSuspendHandler = ncurses
        previous[SIGTSTP] = ncurses
    }

    mutating func uninstall() {
        for (number, handler) in previous { signal(number, handler) }
        previous = [:]
    }
}
