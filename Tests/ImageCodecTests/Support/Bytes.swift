import Foundation

/// Escape sequences as readable text in expectations and failure messages.
func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

func bytes(_ string: String) -> [UInt8] { Array(string.utf8) }

/// Every `ESC _ G ... ESC \` command in `output`, as (keys, payload) strings.
func kittyCommands(_ output: String) -> [(keys: String, payload: String)] {
    output.components(separatedBy: "\u{1B}_G").dropFirst().map { part in
        let body = part.components(separatedBy: "\u{1B}\\")[0]
        let pieces = body.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)
        return (String(pieces[0]), pieces.count > 1 ? String(pieces[1]) : "")
    }
}
