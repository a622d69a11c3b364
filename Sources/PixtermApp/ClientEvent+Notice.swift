import PixapiKit

extension ClientEvent {
    /// A retry as one line, for the CLI's progress line and the UI's session log; nil for the
    /// other events (task progress is shown by the jobs themselves).
    public var retryNotice: String? {
        guard case let .retrying(attempt, wait, reason) = self else { return nil }
        return "retry \(attempt) in \(wait.formatted(.units(allowed: [.seconds, .milliseconds], width: .narrow))): \(reason)"
    }
}
