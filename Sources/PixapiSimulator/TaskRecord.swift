import Foundation

/// An async task: the job it will run and when it was submitted. Its status is a function of time,
/// so polling shows `queued`, then `in_progress` with growing progress, then the outcome.
struct TaskRecord: Sendable {
    enum Phase: Equatable, Sendable {
        case queued
        case running(progress: Int)
        case finished
    }

    let id: String
    let job: ImageJob
    let createdAt: Int
    let started: Date
    let duration: Duration
    /// Where result URLs point, taken from the submitting request's `Host`.
    let baseURL: String
    /// Set when a `taskFails` fault was scheduled for this submission.
    let failure: APIError?
    let requestID: String
    var result: ImagesResponse?

    /// The first tenth of the duration is `queued`; progress then grows to 99 until the end.
    func phase(at now: Date) -> Phase {
        let fraction = duration > .zero ? now.timeIntervalSince(started) / (duration / .seconds(1)) : 1
        if fraction >= 1 { return .finished }
        if fraction < 0.1 { return .queued }
        return .running(progress: min(99, max(1, Int(fraction * 100))))
    }
}
