import Foundation

/// Reads the tmux facts detection needs by running `tmux` itself (inside a pane, `tmux` talks
/// to the server that owns it). One `tmux` process answers both questions (a command sequence:
/// tmux stops at the first command that fails and exits non-zero), and it can run while the
/// caller does other work: `start` returns at once, `Pending.info()` waits for the answer.
public enum TmuxProbe {
    /// nil when `tmux` cannot be run or does not answer.
    public static func info(environment: [String: String]) -> TmuxInfo? {
        start(environment: environment).info()
    }

    /// Starts asking tmux; the answer is read by `info()` on the result.
    public static func start(environment: [String: String]) -> Pending {
        let target = environment["TMUX_PANE"].map { ["-t", $0] } ?? []
        let arguments =
            ["show-options", "-Apv"] + target + ["allow-passthrough", ";"]
            + ["display-message", "-p"] + target + ["#{client_termname}\t#{client_termtype}"]
        return Pending(command: SpawnedCommand.start("tmux", arguments, environment: environment))
    }

    /// The output of `show-options -Apv ... allow-passthrough ; display-message -p ...`: the
    /// option's lines (the last one counts), then the client's line.
    static func parse(_ output: String) -> TmuxInfo {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).dropLast(output.hasSuffix("\n") ? 1 : 0)
        let fields = (lines.last ?? "").split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        return TmuxInfo(
            allowPassthrough: TmuxPassthrough.allows(optionValue: lines.dropLast().last.map(String.init) ?? ""),
            clientTermName: fields.first ?? "", clientTermType: fields.count > 1 ? fields[1] : ""
        )
    }

    /// A question to tmux in flight. `info()` waits for the answer once and keeps it.
    public final class Pending: @unchecked Sendable {
        private let lock = NSLock()
        private var command: SpawnedCommand?
        private var answer: TmuxInfo?

        init(command: SpawnedCommand?) { self.command = command }

        public func info() -> TmuxInfo? {
            lock.withLock {
                if let command {
                    answer = command.finish().map(TmuxProbe.parse)
                    self.command = nil
                }
                return answer
            }
        }
    }
}
