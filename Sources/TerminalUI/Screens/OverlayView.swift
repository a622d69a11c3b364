import PixapiKit
import PixtermCore
import TerminalGraphics

/// Boxes drawn over the screen: help, the session log, questions, and the first-run screen.
enum OverlayView {
    static func draw(_ overlay: Overlay, _ state: AppState, _ environment: AppEnvironment, into grid: inout CellGrid, layout: ScreenLayout) {
        switch overlay {
        case .help:
            help(state, into: &grid, layout: layout)
        case .log:
            let lines = state.log.isEmpty ? ["Nothing has happened yet."] : state.log
            box(title: "Session log", lines: lines.map { ($0, Theme.text) }, into: &grid, layout: layout, keepEnd: true)
        case let .confirm(question):
            box(title: "Confirm", lines: confirmLines(question), into: &grid, layout: layout)
        case .firstRun:
            let lines: [(String, CellStyle)] = [
                ("No API key is configured.", Theme.title),
                ("", Theme.text),
                (environment.keyHelp, Theme.text),
                ("", Theme.text),
                ("Press d or Enter to try everything in the demo: an offline simulator on this machine, real images, no credits spent.", Theme.accent),
                ("Esc looks around without a key; q quits.", Theme.dim),
            ]
            box(title: "Welcome to pixterm", lines: lines, into: &grid, layout: layout)
        }
    }

    private static func confirmLines(_ question: Confirmation) -> [(String, CellStyle)] {
        switch question {
        case let .spend(credits, threshold):
            return [
                ("This request costs \(credits.grouped) credits, above your limit of \(threshold.grouped).", Theme.warning),
                ("Send it?  y sends · n or Esc keeps editing", Theme.text),
            ]
        case let .overBudget(crossed, threshold, _):
            var lines = crossed.map { refusal in (refusal.message.prefix(1).uppercased() + refusal.message.dropFirst() + ".", Theme.warning) }
            if let threshold {
                lines.append(("It is also above your limit of \(threshold.grouped) \(Plural.noun(threshold, "credit")) for one request.", Theme.warning))
            }
            lines.append(("Send it anyway, this once?  y sends · n or Esc sends nothing", Theme.text))
            return lines
        case let .retryKept(_, reason, credits):
            let cost = credits.map { "\($0.grouped) credits" } ?? "its price"
            let what =
                switch reason {
                case .outcomeUnknown: "Outcome unknown: this request was sent and its answer was lost, so it may have been charged (\(cost))."
                case .paidNotDownloaded: "This request was charged (\(cost)) but its images were not saved."
                }
            return [
                (what, Theme.warning),
                (
                    "Send it again with the same Idempotency-Key? A server that honours the key answers with the first result and charges nothing; one that ignores it charges \(cost) again.",
                    Theme.text
                ),
                ("y sends again · n or Esc leaves it in the journal (`pixterm tasks`)", Theme.dim),
            ]
        case let .quit(running):
            return [
                ("\(running) paid job\(running == 1 ? " is" : "s are") still running.", Theme.warning),
                ("Quit anyway? They are kept in the journal and finished the next time pixterm starts (or by `pixterm tasks resume`).", Theme.text),
                ("y quits · n or Esc stays", Theme.dim),
            ]
        }
    }

    /// Lines of text a box shows at most: the screen but a frame and a blank row above and below.
    /// The help overlay scrolls by this many (the runtime reports it as `.helpLayout`).
    static func textRows(size: GridSize) -> Int { max(1, size.rows - 4) }

    /// The help, scrolled to `state.helpScroll`, one line per row (every line fits 80 columns;
    /// a narrower screen cuts them at the frame), its width that of its widest line whatever is
    /// shown, and "↑ more" / "↓ more" in the bottom edge while lines are out of view.
    private static func help(_ state: AppState, into grid: inout CellGrid, layout: ScreenLayout) {
        let lines = HelpText.lines(for: state)
        let title = state.screen == .gallery ? "Gallery keys" : "Compose keys"
        let rows = textRows(size: layout.size)
        let top = min(state.helpScroll.top, max(0, lines.count - rows))
        let shown = lines[top..<min(lines.count, top + rows)].map { ($0.text, $0.isHeading ? Theme.title : Theme.text) }
        let more = [top > 0 ? "↑ more" : nil, top + rows < lines.count ? "↓ more" : nil].compactMap(\.self).joined(separator: " · ")
        let innerWidth = innerWidth(title: title, widest: lines.map { DisplayWidth.of($0.text) }.max() ?? 0, layout: layout)
        framed(title: title, lines: shown, innerWidth: innerWidth, footnote: more, into: &grid, layout: layout)
    }

    /// A centred box sized to its text, clipped to the screen; `keepEnd` shows the last lines.
    private static func box(title: String, lines: [(String, CellStyle)], into grid: inout CellGrid, layout: ScreenLayout, keepEnd: Bool = false) {
        let innerWidth = innerWidth(title: title, widest: lines.map { DisplayWidth.of($0.0) }.max() ?? 0, layout: layout)
        var wrapped: [(String, CellStyle)] = []
        for (text, style) in lines {
            for line in TextWrap.lines(TerminalText.sanitized(text), width: innerWidth) { wrapped.append((line, style)) }
        }
        let maxInner = textRows(size: layout.size)
        if wrapped.count > maxInner {
            wrapped = keepEnd ? Array(wrapped.suffix(maxInner)) : Array(wrapped.prefix(maxInner))
        }
        framed(title: title, lines: wrapped, innerWidth: innerWidth, into: &grid, layout: layout)
    }

    /// The text width of a box for its title and widest line: at most 72 columns, less on a narrow screen.
    private static func innerWidth(title: String, widest: Int, layout: ScreenLayout) -> Int {
        let maxWidth = min(layout.size.columns - 4, 76)
        return min(maxWidth - 4, max(DisplayWidth.of(title) + 4, widest))
    }

    /// Draws `lines` in a centred frame `innerWidth` wide, with `footnote` in its bottom edge.
    private static func framed(
        title: String, lines: [(String, CellStyle)], innerWidth: Int, footnote: String = "", into grid: inout CellGrid, layout: ScreenLayout
    ) {
        let rect = layout.size.bounds.centered(width: innerWidth + 4, height: lines.count + 2)
        grid.fill(rect, style: Theme.text)
        grid.box(rect, style: Theme.focusedFrame, title: title)
        // Inside the frame, a blank column either side of the text.
        let text = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        for (line, entry) in lines.enumerated() {
            grid.put(entry.0, in: text, line: line, style: entry.1)
        }
        if !footnote.isEmpty {
            let label = " \(footnote) "
            grid.put(label, row: rect.bottom - 1, column: max(rect.column + 1, rect.right - 2 - DisplayWidth.of(label)), style: Theme.focusedFrame, limit: rect.right - 1)
        }
    }
}
