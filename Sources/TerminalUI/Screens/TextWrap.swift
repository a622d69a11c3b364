import PixtermCore

/// Greedy word wrap by display width for panels and overlays (the prompt editor has its own,
/// incremental one). Words wider than a line are cut, never lost.
enum TextWrap {
    static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var result: [String] = []
        // Most texts are one paragraph: looking for the byte is far cheaper than splitting.
        let paragraphs = text.utf8.contains(UInt8(ascii: "\n")) ? text.split(separator: "\n", omittingEmptySubsequences: false) : [text[...]]
        for paragraph in paragraphs {
            // A line that fits keeps its spacing (aligned columns in help and tables).
            if DisplayWidth.of(paragraph) <= width {
                result.append(String(paragraph))
                continue
            }
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var word = String(word)
                var wordWidth = DisplayWidth.of(word)
                if lineWidth > 0, lineWidth + 1 + wordWidth > width {
                    result.append(line)
                    line = ""
                    lineWidth = 0
                }
                while wordWidth > width {
                    if lineWidth > 0 { result.append(line); line = ""; lineWidth = 0 }
                    var head = DisplayWidth.truncate(word, toWidth: width)
                    if head.isEmpty, let first = word.first { head = String(first) }
                    result.append(head)
                    word = String(word.dropFirst(head.count))
                    wordWidth = DisplayWidth.of(word)
                }
                if word.isEmpty { continue }
                line += (lineWidth > 0 ? " " : "") + word
                lineWidth += (lineWidth > 0 ? 1 : 0) + wordWidth
            }
            result.append(line)
        }
        return result
    }
}
