extension StringProtocol {
    /// The text without leading and trailing characters from `set`; header values and form
    /// fields are trimmed of spaces and tabs without Foundation's character sets.
    func trimmed(_ set: String) -> String {
        String(drop(while: set.contains).reversed().drop(while: set.contains).reversed())
    }
}
