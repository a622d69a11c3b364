import ArgumentParser
import Foundation
import PixapiKit

/// Prints an error as one line on standard error and exits non-zero: 2 for input that was
/// refused before anything was sent, 1 for everything else.
func reportingFailures<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as PixapiError {
        Terminal.printError(error.description)
        throw ExitCode(error.kind == .invalidInput || error.kind == .missingKey ? 2 : 1)
    } catch let error as ExitCode {
        throw error
    } catch {
        Terminal.printError(TerminalText.sanitized("\(error)"))
        throw ExitCode(1)
    }
}

enum Terminal {
    static func printError(_ message: String) {
        FileHandle.standardError.write(Data("pixterm: \(message)\n".utf8))
    }

    /// A progress line on standard error, only when it is a terminal, so scripts get clean output.
    static func progress(_ message: String) {
        guard isatty(STDERR_FILENO) == 1 else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(message)".utf8))
    }

    static func endProgress() {
        guard isatty(STDERR_FILENO) == 1 else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }

    /// Pretty, key-sorted JSON on standard output, with dates in ISO 8601.
    static func printJSON<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
