/// The line of a `pixterm batch` run a request is for: recorded with the request in the spend
/// ledger before it is sent, so a resumed run knows which lines went out and sends the rest.
public struct BatchLine: Sendable, Hashable, Codable {
    /// The run's id: which file (by its content) and which run of it.
    public let batch: String
    /// 1-based, as editors count.
    public let line: Int

    public init(batch: String, line: Int) {
        self.batch = batch
        self.line = line
    }
}
