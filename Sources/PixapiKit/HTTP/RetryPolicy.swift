import Foundation

/// How many times and how long to wait before trying a transient failure again.
///
/// Bounded on purpose: a sync generation is paid, so a retry storm would be a bill.
public struct RetryPolicy: Sendable, Hashable {
    /// Total attempts, the first included.
    public var maxAttempts: Int
    public var baseDelay: Duration
    public var maxDelay: Duration
    /// A server asking for a longer wait than this is reported rather than obeyed.
    public var maxRetryAfter: Duration

    public init(maxAttempts: Int, baseDelay: Duration, maxDelay: Duration, maxRetryAfter: Duration = .seconds(120)) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
    }

    public static let standard = RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(500), maxDelay: .seconds(20))

    /// The wait before attempt `attempt + 1` (attempt counts from 1), or `nil` to give up.
    ///
    /// `Retry-After` wins when the server sent it; otherwise full-jitter exponential backoff, so
    /// many clients that failed together do not come back together.
    public func delay(afterAttempt attempt: Int, error: PixapiError, random: () -> Double = { Double.random(in: 0...1) }) -> Duration? {
        guard error.isTransient, attempt < maxAttempts else { return nil }
        if let retryAfter = error.retryAfter {
            let wait = Duration.milliseconds(Int64((retryAfter * 1000).rounded(.up)))
            return wait <= maxRetryAfter ? wait : nil
        }
        let exponential = baseDelay * (1 << min(attempt - 1, 20))
        let capped = min(exponential, maxDelay)
        return capped * random()
    }

    /// Reads `Retry-After` as delay-seconds or an HTTP date, relative to `now`.
    public static func parseRetryAfter(_ value: String, now: Date = Date()) -> Double? {
        let trimmed = value.trimmingWhitespace()
        if let seconds = Double(trimmed), seconds >= 0, seconds.isFinite { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: trimmed) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }
}

/// Waits between task polls: quick at first, then every 5-10 s with jitter (the contract's advice).
public struct PollSchedule: Sendable, Hashable {
    public var initial: [Duration]
    public var steadyMin: Duration
    public var steadyMax: Duration
    /// Give up polling after this long; the journal keeps the task for `pixterm tasks resume`.
    public var maxWait: Duration

    public init(initial: [Duration], steadyMin: Duration, steadyMax: Duration, maxWait: Duration) {
        self.initial = initial
        self.steadyMin = steadyMin
        self.steadyMax = steadyMax
        self.maxWait = maxWait
    }

    public static let standard = PollSchedule(
        initial: [.seconds(1), .seconds(2), .seconds(4)], steadyMin: .seconds(5), steadyMax: .seconds(10),
        maxWait: .seconds(30 * 60)
    )

    public func delay(beforePoll poll: Int, random: () -> Double = { Double.random(in: 0...1) }) -> Duration {
        if poll < initial.count { return initial[poll] }
        return steadyMin + (steadyMax - steadyMin) * random()
    }
}
