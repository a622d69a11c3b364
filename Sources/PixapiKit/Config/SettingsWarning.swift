/// Something about the setup that is unsafe but does not stop pixterm: printed on standard
/// error at the start of every command, shown on the UI's message line, and listed by `doctor`.
public struct SettingsWarning: Sendable, Hashable, CustomStringConvertible {
    /// What it is about, as `doctor` labels it (`config`, `base url`).
    public let subject: String
    public let problem: String
    /// The exact command or change that removes the warning.
    public let fix: String

    public init(subject: String, problem: String, fix: String) {
        self.subject = subject
        self.problem = problem
        self.fix = fix
    }

    /// `warning: PROBLEM; fix: FIX`, one line.
    public var description: String { "warning: \(problem); fix: \(fix)" }
}
