import ArgumentParser
import Foundation
import PixapiKit

/// The exit statuses of pixterm's commands.
enum ExitStatus {
    /// Any failure not below: refused by the server (nothing charged), network, disk.
    static let failure: Int32 = 1
    /// Input refused before anything was sent.
    static let invalidInput: Int32 = 2
    /// A paid request was sent and its answer was lost: it may have been charged. Its journal
    /// entry is kept; `pixterm tasks` shows it.
    static let unknownOutcome: Int32 = 3
    /// Not sent: over a `[budget]` without `--over-budget`. Nothing was charged.
    static let overBudget: Int32 = 4

    /// The statuses in words, for `generate --help` and `edit --help`.
    static let help = """
        Exit status: 0 saved; 1 failed (refused by the server, so not charged; network; disk); \
        2 refused before sending (bad input, no key, above --max-credits); 3 outcome unknown: the \
        request was sent and its answer lost, so it may have been charged (it is kept in the \
        journal: `pixterm tasks` lists it, `pixterm tasks retry ID` sends it again under the same \
        Idempotency-Key); 4 not sent: over a [budget] in config (--over-budget sends it anyway).
        """

    static func of(_ error: PixapiError) -> Int32 {
        switch error.kind {
        case .invalidInput, .missingKey: invalidInput
        case .unknownOutcome: unknownOutcome
        case .overBudget: overBudget
        default: failure
        }
    }
}

/// Prints an error as one line on standard error and exits non-zero with its `ExitStatus`.
func reportingFailures<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as PixapiError {
        Terminal.printError(error.description)
        throw ExitCode(ExitStatus.of(error))
    } catch let error as ExitCode {
        throw error
    } catch {
        Terminal.printError(TerminalText.sanitized("\(error)"))
        throw ExitCode(1)
    }
}

enum Terminal {
    static func printError(_ message: String) {
        write(Data("pixterm: \(message)\n".utf8), to: .standardError)
    }

    /// Writes to standard output or error, ignoring a failure: a reader gone (`| head -1`) or a
    /// closed stream must not stop pixterm midway (`FileHandle.write` traps on EPIPE), least of
    /// all while paid requests are in flight.
    static func write(_ data: Data, to handle: FileHandle) {
        try? handle.write(contentsOf: data)
    }

    /// A progress line on standard error, only when it is a terminal, so scripts get clean output.
    static func progress(_ message: String) {
        guard isatty(STDERR_FILENO) == 1 else { return }
        write(Data("\r\u{1B}[2K\(message)".utf8), to: .standardError)
    }

    static func endProgress() {
        guard isatty(STDERR_FILENO) == 1 else { return }
        write(Data("\r\u{1B}[2K".utf8), to: .standardError)
    }

    /// Pretty, key-sorted JSON on standard output, with dates in ISO 8601. Every control
    /// character is escaped (`\u009b`), C1 and DEL included, which `JSONEncoder` leaves raw.
    static func printJSON<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        print(String(decoding: JSONControlEscaping.escaped(try encoder.encode(value)), as: UTF8.self))
    }
}
