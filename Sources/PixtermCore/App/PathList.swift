import Foundation

/// Reads file paths as people paste them: one per line, or space-separated with quotes or
/// backslash-escaped spaces (what file managers produce on drag-and-drop), `file://` URLs, `~`.
public enum PathList {
    /// `home` is what `~` stands for (the environment's, so the caller stays pure).
    public static func parse(_ text: String, home: String) -> [String] {
        var paths: [String] = []
        for line in text.split(whereSeparator: \.isNewline) {
            paths += words(String(line)).map { normalize($0, home: home) }
        }
        return paths.filter { !$0.isEmpty }
    }

    private static func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var escaped = false
        for char in line {
            if escaped { current.append(char); escaped = false; continue }
            if char == "\\" && quote != "'" { escaped = true; continue }
            if let open = quote {
                if char == open { quote = nil } else { current.append(char) }
            } else if char == "'" || char == "\"" {
                quote = char
            } else if char == " " || char == "\t" {
                if !current.isEmpty { words.append(current); current = "" }
            } else {
                current.append(char)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    private static func normalize(_ word: String, home: String) -> String {
        if word.hasPrefix("file://"), let url = URL(string: word) { return url.path }
        if word == "~" { return home }
        if word.hasPrefix("~/") { return home + word.dropFirst() }
        return word
    }
}
