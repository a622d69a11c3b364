import ArgumentParser
import Foundation
import PixapiKit
import PixtermCore

/// Asks `Send? [y/N]` before a batch spends anything. The answer is read from the terminal
/// (`/dev/tty`), since standard input may be the batch itself (`pixterm batch -`); with no
/// terminal to ask on, the batch is refused and `--yes` is named.
enum BatchConfirmation {
    static func ask(_ total: BatchTotal) throws {
        let tty = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard isatty(STDERR_FILENO) == 1, tty >= 0 else {
            if tty >= 0 { close(tty) }
            throw PixapiError(.invalidInput, "not sent: nothing to ask for confirmation on (not a terminal); add --yes to send \(total.summary)")
        }
        defer { close(tty) }
        FileHandle.standardError.write(Data("Send? [y/N] ".utf8))
        var answer: [UInt8] = []
        var byte: UInt8 = 0
        while read(tty, &byte, 1) == 1, byte != UInt8(ascii: "\n") { answer.append(byte) }
        let word = String(decoding: answer, as: UTF8.self).trimmingCharacters(in: .whitespaces).lowercased()
        guard word == "y" || word == "yes" else {
            Terminal.printError("nothing sent")
            throw ExitCode(ExitStatus.failure)
        }
    }
}
