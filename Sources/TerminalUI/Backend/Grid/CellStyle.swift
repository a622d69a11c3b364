/// Text attributes ncurses can show on every terminal worth supporting.
public struct CellAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = CellAttributes(rawValue: 1 << 0)
    public static let dim = CellAttributes(rawValue: 1 << 1)
    public static let reverse = CellAttributes(rawValue: 1 << 2)
    public static let underline = CellAttributes(rawValue: 1 << 3)
}

/// How a cell looks; one value per run of text so screens style whole strings at once.
public struct CellStyle: Sendable, Hashable {
    public var foreground: CellColor
    public var background: CellColor
    public var attributes: CellAttributes

    public init(foreground: CellColor = .default, background: CellColor = .default, attributes: CellAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// The terminal's default colours without attributes: what an empty screen shows.
    public static let plain = CellStyle()
}
