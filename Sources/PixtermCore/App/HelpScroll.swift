/// Where the help overlay is scrolled to: its first shown line, kept so that the last page is
/// full and never past the end. The runtime reports how many lines the overlay shows
/// (`Action.helpLayout`); the line count comes from the help's sections (`AppState.helpLineCount`).
public struct HelpScroll: Hashable, Sendable {
    public private(set) var top = 0
    /// Lines the overlay shows at once (20 in an 80 x 24 terminal, until the runtime says).
    public private(set) var visibleRows = 20

    public init() {}

    /// The first line of the last page: scrolling stops there.
    public func maxTop(lineCount: Int) -> Int { max(0, lineCount - visibleRows) }

    /// A page down keeps one line of the page before in view.
    var page: Int { max(1, visibleRows - 1) }

    mutating func scroll(by lines: Int, lineCount: Int) {
        top = min(max(0, top + lines), maxTop(lineCount: lineCount))
    }

    mutating func resize(visibleRows rows: Int, lineCount: Int) {
        visibleRows = max(1, rows)
        scroll(by: 0, lineCount: lineCount)
    }

    mutating func reset() { top = 0 }
}
