import Foundation

/// How prompts are made searchable. SQLite's `unicode61` tokenizer splits on spaces and
/// punctuation, which suits most languages but turns a whole Chinese or Japanese sentence into
/// one token. Han and kana characters are therefore indexed one per token, and a query run of
/// them becomes a phrase, so `狐` finds `雪の中の赤い狐` and `赤い狐` finds it too.
enum SearchText {
    /// The text stored in the full-text column: the prompt with every Han or kana character
    /// standing alone.
    static func indexed(_ prompt: String) -> String {
        // Han and kana are never ASCII: most prompts are stored as they are.
        if prompt.utf8.allSatisfy({ $0 < 0x80 }) { return prompt }
        var text = ""
        text.unicodeScalars.reserveCapacity(prompt.unicodeScalars.count)
        for scalar in prompt.unicodeScalars {
            if isIdeographic(scalar) {
                text.unicodeScalars.append(" ")
                text.unicodeScalars.append(scalar)
                text.unicodeScalars.append(" ")
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        return text
    }

    /// An FTS5 query that matches prompts containing every word of `query`, each as a prefix
    /// (`fox sn` finds "a fox in snow"); runs of Han or kana must appear as written. `nil` when
    /// the query has nothing to search for. Every term is quoted, so no query is a syntax error.
    static func pattern(_ query: String) -> String? {
        var terms: [String] = []
        var word = ""
        var ideographs: [String] = []
        func flushWord() {
            if !word.isEmpty { terms.append(quoted(word) + "*") }
            word = ""
        }
        func flushIdeographs() {
            if !ideographs.isEmpty { terms.append(quoted(ideographs.joined(separator: " "))) }
            ideographs = []
        }
        for scalar in query.unicodeScalars {
            if isIdeographic(scalar) {
                flushWord()
                ideographs.append(String(scalar))
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar.properties.generalCategory == .nonspacingMark {
                flushIdeographs()
                word.unicodeScalars.append(scalar)
            } else {
                flushWord()
                flushIdeographs()
            }
        }
        flushWord()
        flushIdeographs()
        return terms.isEmpty ? nil : terms.joined(separator: " ")
    }

    private static func quoted(_ term: String) -> String {
        "\"" + term.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Han ideographs and Japanese kana: scripts written without spaces between words.
    static func isIdeographic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF66...0xFF9F,
            0x20000...0x3134F:
            true
        default:
            false
        }
    }
}
