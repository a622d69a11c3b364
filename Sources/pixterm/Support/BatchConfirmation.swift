import ArgumentParser
import Foundation
import PixapiKit
import PixtermCore

/// Asks `Send? [y/N]` before a batch spends anything. The answer is read from the terminal
/// (`/dev/tty`), since standard input may be the batch itself (`pixterm batch -`); with no
/// terminal to ask on, the batch is refused and `--yes` is named.
enum BatchConfirmation {
    static func ask(_ total: BatchTotal) throws {
        guard let send = TerminalQuestion.yes("Send? [y/N] ") else {
            throw PixapiError(.invalidInput, "not sent: nothing to ask for confirmation on (not a terminal); add --yes to send \(total.summary)")
        }
        guard send else {
            Terminal.printError("nothing sent")
            throw ExitCode(ExitStatus.failure)
        }
    }
}
