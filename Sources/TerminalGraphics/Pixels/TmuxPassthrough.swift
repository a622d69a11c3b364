import Foundation

/// tmux swallows escape sequences it does not know unless they come wrapped in its DCS
/// passthrough (`ESC P tmux; ... ESC \`, every ESC inside doubled), and then only when the pane
/// option `allow-passthrough` is on.
public enum TmuxPassthrough {
    /// The one-line setting that lets pixel images through, for messages and `pixterm doctor`.
    public static let enableCommand = "tmux set -g allow-passthrough on"

    /// Wraps one complete escape sequence. Wrap each sequence separately: tmux buffers a whole
    /// passthrough string before forwarding it, so huge strings are slow or dropped.
    public static func wrap(_ sequence: [UInt8]) -> [UInt8] {
        var output: [UInt8] = Array("\u{1B}Ptmux;".utf8)
        output.reserveCapacity(sequence.count + sequence.count / 64 + 10)
        for byte in sequence {
            if byte == EscapeBytes.escape { output.append(byte) }
            output.append(byte)
        }
        return output + EscapeBytes.stringTerminator
    }

    /// True for `on` and `all`, the values that let a pane's programs pass sequences through.
    public static func allows(optionValue: String) -> Bool {
        let value = optionValue.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        return value == "on" || value == "all"
    }
}
