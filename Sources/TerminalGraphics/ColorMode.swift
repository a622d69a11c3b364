/// How many colours the terminal can show; decides which escape sequences the renderer emits.
public enum ColorMode: String, Sendable, Hashable, CaseIterable {
    case truecolor, ansi256, ansi16, none

    /// Follows the conventions other terminal tools share: NO_COLOR (no-color.org) wins,
    /// then COLORTERM announces 24-bit colour, then TERM's name. An empty or unset TERM means
    /// output is not going to a terminal, so it gets no escape sequences at all.
    public static func detect(environment: [String: String]) -> ColorMode {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
        let colorTerm = environment["COLORTERM"]?.lowercased() ?? ""
        if colorTerm == "truecolor" || colorTerm == "24bit" { return .truecolor }
        let term = environment["TERM"]?.lowercased() ?? ""
        if term.isEmpty || term == "dumb" { return .none }
        if term.hasSuffix("-direct") { return .truecolor }
        if term.hasSuffix("-256color") { return .ansi256 }
        return .ansi16
    }
}
