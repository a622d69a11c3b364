/// The few styles every screen uses, in the 16 theme colours so they follow the user's
/// palette and still read on 16-colour terminals and, through attributes, with `NO_COLOR`.
enum Theme {
    static let text = CellStyle.plain
    static let dim = CellStyle(attributes: .dim)
    static let title = CellStyle(attributes: .bold)
    static let frame = CellStyle(foreground: .ansi(8))
    static let focusedFrame = CellStyle(foreground: .ansi(6), attributes: .bold)
    static let statusBar = CellStyle(attributes: .reverse)
    /// A used-up budget on the status line.
    static let statusWarning = CellStyle(foreground: .ansi(3), attributes: [.reverse, .bold])
    static let demoBanner = CellStyle(foreground: .ansi(0), background: .ansi(3), attributes: .bold)
    static let selected = CellStyle(attributes: .reverse)
    static let focusedValue = CellStyle(foreground: .ansi(6), attributes: [.bold, .underline])
    static let accent = CellStyle(foreground: .ansi(6))
    static let money = CellStyle(foreground: .ansi(2), attributes: .bold)
    static let warning = CellStyle(foreground: .ansi(3))
    static let error = CellStyle(foreground: .ansi(1), attributes: .bold)
    static let key = CellStyle(attributes: .bold)
}
