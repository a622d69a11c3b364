import Foundation

/// The four endpoints plus task polling and result download, as the rest of pixterm sees them.
///
/// A protocol so the view models and the job runner can be tested against a fake; the only
/// implementation that speaks HTTP is `PixapiClient`.
public protocol ImageAPI: Sendable {
    /// The sync endpoint: answers with the images. `b64_json` images are decoded into `staging`.
    /// Paid: sent with `idempotencyKey` (see `IdempotencyKey`), never sent twice unless the
    /// server certainly did not act; a lost answer throws `unknownOutcome`.
    func create(_ request: ImageRequest, idempotencyKey: String, staging: URL) async throws(PixapiError) -> ImageResult
    /// The async endpoint: answers with a task to poll. Record its id before anything else.
    /// Paid, like `create`.
    func submitTask(_ request: ImageRequest, idempotencyKey: String) async throws(PixapiError) -> TaskSnapshot
    /// One poll of `GET /v1/tasks/{id}`.
    func task(id: String, staging: URL) async throws(PixapiError) -> TaskSnapshot
    /// Streams a result URL into `destination`, which appears only once complete.
    func download(_ url: URL, to destination: URL) async throws(PixapiError)
}

/// What the client tells its caller while it works: for progress lines and the session log.
public enum ClientEvent: Sendable, Hashable {
    case retrying(attempt: Int, after: Duration, reason: String)
    case taskProgress(id: String, status: String, progress: Int?)
}

extension ImageAPI {
    /// Polls a task until it completes or fails, backing off as `schedule` says. The one polling
    /// loop in pixterm, so a change in Pixapi's task semantics is corrected here only.
    public func waitForTask(
        id: String, staging: URL, schedule: PollSchedule = .standard,
        onProgress: @Sendable (TaskSnapshot) -> Void = { _ in }
    ) async throws(PixapiError) -> ImageResult {
        let clock = ContinuousClock()
        let start = clock.now
        var poll = 0
        while true {
            let snapshot = try await task(id: id, staging: staging)
            onProgress(snapshot)
            switch snapshot.status {
            case let .completed(result): return result
            case let .failed(error): throw error
            case .running: break
            }
            let wait = schedule.delay(beforePoll: poll)
            guard clock.now - start + wait <= schedule.maxWait else {
                throw PixapiError(
                    .timeout,
                    "task \(id) is still running after \(Int((clock.now - start).components.seconds)) s; it is kept in the journal, run `pixterm tasks resume` later"
                )
            }
            do {
                try await Task.sleep(for: wait)
            } catch {
                throw PixapiError(.cancelled, "stopped waiting for task \(id); it is kept in the journal")
            }
            poll += 1
        }
    }
}
