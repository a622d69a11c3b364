import PixtermCore

/// Turns a decoded mouse report into what `update` understands, using the clickable regions of
/// the frame on screen when it was made. Only a left press is a click and only a wheel notch
/// scrolls; releases, other buttons, motion, and anything with Shift held (the terminal's own
/// selection gesture, should a terminal pass it on) do nothing.
enum MouseRouting {
    static func input(for event: MouseEvent, regions: [MouseRegion]) -> MouseInput? {
        guard !event.isRelease, !event.isMotion, !event.modifiers.contains(.shift) else { return nil }
        let gesture: MouseInput.Gesture
        switch event.button {
        case .left: gesture = .click
        case .wheelUp: gesture = .wheelUp
        case .wheelDown: gesture = .wheelDown
        case .middle, .right, .other: return nil
        }
        return MouseInput(gesture: gesture, hits: MouseRegion.hits(at: GridPoint(row: event.row, column: event.column), in: regions))
    }
}
