import CNcurses
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension NcursesTerminal {
    /// Waits in `poll` on the terminal and the self-pipe, so an idle UI uses no CPU, yet a
    /// key, a resize (SIGWINCH interrupts the poll), a `TerminalWaker` or a signal wakes it at
    /// once. Everything ncurses has buffered is decoded before waiting again.
    public func nextEvent(timeout: Duration?) -> TerminalInput {
        let deadline = timeout.map { ContinuousClock.now + $0 }
        while true {
            if !pending.isEmpty {
                let event = pending.removeFirst()
                if case .resize = event { repaintAll = true }
                return .key(event)
            }
            readAvailableInput()
            if !pending.isEmpty { continue }
            var fds = [
                pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                pollfd(fd: pipe.readEnd, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&fds, 2, waitMilliseconds(until: deadline))
            if ready == 0 {
                if pasteHasStalled {
                    pending += decoder.feed(.pasteEnd)
                    continue
                }
                if let deadline, ContinuousClock.now >= deadline { return .timeout }
                continue
            }
            if ready > 0 && fds[1].revents != 0 {
                let bytes = pipe.drain()
                if let signal = bytes.first(where: { $0 != 0 && Int32($0) != SIGWINCH }) {
                    shutdown()
                    return .terminated(signal: Int32(signal))
                }
                // A resize: ncurses reports it as KEY_RESIZE on the next read.
                if bytes.contains(UInt8(SIGWINCH)) { continue }
                return .wake
            }
            if ready > 0 && fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                readAvailableInput()
                // The terminal went away: polling again would spin.
                if pending.isEmpty {
                    shutdown()
                    return .terminated(signal: SIGHUP)
                }
            }
        }
    }

    public func feed(typeahead: [UInt8]) {
        for byte in typeahead { pending += decoder.feed(byte: byte) }
    }

    /// Feeds the decoder everything that can be read without waiting. `wgetch` hands over
    /// key codes ncurses decoded and otherwise raw bytes, which the decoder assembles into
    /// UTF-8 itself: `wget_wch` converts through the locale, and in one without UTF-8 it
    /// rejects a typed "猫" and loses the rest of the burst with it.
    private func readAvailableInput() {
        let window = nc_stdscr()
        wtimeout(window, 0)
        while true {
            let code = wgetch(window)
            switch code {
            case 0...0xFF:
                pending += decoder.feed(byte: UInt8(code))
                lastInput = .now
            case KEY_MIN...:
                guard let token = keys.token(for: code, size: { size() }) else { break }
                pending += decoder.feed(token)
                lastInput = .now
            default:
                guard decoder.awaitsMoreInput else { return }
                pending += decoder.feed(.idle)
            }
            // Pasted text is taken raw, so sequences inside it are not decoded as keys.
            if keypadOn == decoder.isPasting {
                keypadOn = !decoder.isPasting
                keypad(window, keypadOn)
            }
        }
    }

    /// A paste whose end marker never comes must not swallow the keyboard for good.
    private static let pasteTimeout = Duration.seconds(1)

    private var pasteHasStalled: Bool {
        decoder.isPasting && lastInput.duration(to: .now) >= Self.pasteTimeout
    }

    /// The poll timeout: until the caller's deadline, or sooner to check a stalled paste.
    private func waitMilliseconds(until deadline: ContinuousClock.Instant?) -> Int32 {
        var wake = deadline
        if decoder.isPasting {
            let pasteDeadline = lastInput + Self.pasteTimeout
            wake = min(wake ?? pasteDeadline, pasteDeadline)
        }
        guard let wake else { return -1 }
        let left = ContinuousClock.now.duration(to: wake)
        if left <= .zero { return 0 }
        let (seconds, attoseconds) = left.components
        return Int32(clamping: seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
    }
}
