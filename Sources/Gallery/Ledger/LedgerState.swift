/// What the ledger knows about a paid request's charge.
public enum LedgerState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Checked against the budgets and about to be sent, or sent with no answer yet. A row left
    /// so by a process that died counts as spent: the request may have gone out.
    case sent
    /// The server answered, so it charged (whether or not every image was saved).
    case charged
    /// Sent and its answer lost: it may have been charged, so it counts.
    case unknown
    /// Refused by the server or never sent: nothing was charged, it does not count.
    case refused

    /// Whether its credits count against the budgets.
    public var counts: Bool { self != .refused }
}
