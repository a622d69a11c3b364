import Foundation

/// Copying through the terminal (OSC 52), which works locally, over SSH and inside tmux, where
/// no clipboard program could reach the user's desktop.
public enum Clipboard {
    public static func osc52(_ text: String, insideTmux: Bool) -> [UInt8] {
        let sequence = "\u{1B}]52;c;\(Data(text.utf8).base64EncodedString())\u{07}"
        guard insideTmux else { return Array(sequence.utf8) }
        // tmux passes a DCS-wrapped sequence through with every ESC inside doubled.
        let escaped = sequence.replacingOccurrences(of: "\u{1B}", with: "\u{1B}\u{1B}")
        return Array("\u{1B}Ptmux;\(escaped)\u{1B}\\".utf8)
    }
}
