import Logging

extension Logger.MetadataValue {
    /// A duration as seconds with milliseconds, "0.512s", the one way log lines show time.
    public static func seconds(_ duration: Duration) -> Self {
        let (whole, fraction) = duration.components
        let milliseconds = whole * 1000 + fraction / 1_000_000_000_000_000
        let rest = String(milliseconds % 1000)
        return .string("\(milliseconds / 1000).\(String(repeating: "0", count: 3 - rest.count))\(rest)s")
    }
}
