#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The terminal's private modes the UI turns on: bracketed paste, and mouse reporting (buttons
/// and wheel, 1000, with SGR coordinates, 1006; never the motion modes 1002/1003, so a drag
/// stays the terminal's text selection). Kept as globals because the exit hook and the suspend
/// handler, which cannot reach the terminal object, must turn them off: a shell never receives
/// paste markers or mouse reports after the UI stops, however it stops.
enum TerminalModes {
    nonisolated(unsafe) static var bracketedPaste = false
    nonisolated(unsafe) static var mouseReporting = false

    static let bracketedPasteOn = Array("\u{1B}[?2004h".utf8), bracketedPasteOff = Array("\u{1B}[?2004l".utf8)
    static let mouseReportingOn = Array("\u{1B}[?1000h\u{1B}[?1006h".utf8), mouseReportingOff = Array("\u{1B}[?1006l\u{1B}[?1000l".utf8)

    /// Touches the byte arrays, so a signal handler never runs their one-time initialisation.
    static func prepare() {
        _ = bracketedPasteOn.count + bracketedPasteOff.count + mouseReportingOn.count + mouseReportingOff.count
    }

    /// Writes what turns off every mode that is on. Only `write(2)`: safe in a signal handler.
    static func writeOff() {
        if mouseReporting { writeDirectly(mouseReportingOff) }
        if bracketedPaste { writeDirectly(bracketedPasteOff) }
    }

    /// Writes what turns every mode that should be on back on (after a suspension).
    static func writeOn() {
        if bracketedPaste { writeDirectly(bracketedPasteOn) }
        if mouseReporting { writeDirectly(mouseReportingOn) }
    }

    private static func writeDirectly(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }
}
