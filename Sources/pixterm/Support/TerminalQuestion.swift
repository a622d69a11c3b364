import Foundation

/// A yes/no question asked on the controlling terminal (`/dev/tty`), so it can be asked while
/// standard input carries data (`pixterm batch -`): what `batch` and `tasks retry` ask before
/// they spend.
enum TerminalQuestion {
    /// Writes `prompt` to standard error and reads one line from the terminal: true for `y` or
    /// `yes` (any case), false for anything else or end of input, nil when standard error is not
    /// a terminal or there is no terminal to read from.
    static func yes(_ prompt: String) -> Bool? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        let tty = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard tty >= 0 else { return nil }
        defer { close(tty) }
        Terminal.write(Data(prompt.utf8), to: .standardError)
        var answer: [UInt8] = []
        var byte: UInt8 = 0
        while read(tty, &byte, 1) == 1, byte != UInt8(ascii: "\n") { answer.append(byte) }
        let word = String(decoding: answer, as: UTF8.self).trimmingCharacters(in: .whitespaces).lowercased()
        return word == "y" || word == "yes"
    }
}
