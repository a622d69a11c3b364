/// How pictures reach the screen. Pixel methods need a capable terminal; `blocks` (Unicode half
/// blocks) works on every terminal, which is why it is the fallback whenever anything is unsure.
public enum GraphicsMethod: String, Sendable, Hashable, CaseIterable {
    case kitty, iterm, sixel, blocks
}

/// What the user asked for with `--graphics` or `graphics = "..."` in the config.
public enum GraphicsPreference: Sendable, Hashable {
    case auto
    case fixed(GraphicsMethod)

    /// `auto`, `kitty`, `iterm`, `sixel` or `blocks` (case-insensitive); nil for anything else
    /// so the caller can say which flag or config key was wrong.
    public init?(_ text: String) {
        let lowered = text.lowercased()
        if lowered == "auto" {
            self = .auto
        } else if let method = GraphicsMethod(rawValue: lowered) {
            self = .fixed(method)
        } else {
            return nil
        }
    }

    public static let choices = "auto, kitty, iterm, sixel or blocks"
}
