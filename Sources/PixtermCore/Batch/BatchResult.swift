import Foundation
import PixapiKit

/// How one batch line ended: what `--json` prints per line and the summary counts.
public struct BatchResult: Sendable, Hashable, Encodable {
    public enum Status: String, Sendable, Hashable, Encodable {
        /// Every image is in the gallery.
        case ok
        /// Not charged (refused, never sent), or charged and kept in the journal for resuming.
        case failed
        /// Sent and its answer lost: it may have been charged; never sent again by itself.
        case unknown
    }

    public let line: Int
    public let status: Status
    /// The gallery paths of its images.
    public let paths: [String]
    /// What it cost, as the ledger counts it: 0 for a request that was not charged.
    public let credits: Int
    /// Why it did not succeed, sanitized for a terminal.
    public let error: String?
    /// Saved by an earlier run of the batch (found done when resuming).
    public let earlier: Bool

    public init(line: Int, status: Status, paths: [String] = [], credits: Int = 0, error: String? = nil, earlier: Bool = false) {
        self.line = line
        self.status = status
        self.paths = paths.map { TerminalText.sanitized($0) }
        self.credits = credits
        self.error = error.map { TerminalText.sanitized($0) }
        self.earlier = earlier
    }

    /// `line 3: saved /a.png /b.png`, `line 4: failed: <reason>`, `line 5: outcome unknown: ...`.
    public var text: String {
        switch status {
        case .ok: "line \(line): saved\(earlier ? " earlier" : "")" + paths.map { " " + $0 }.joined()
        case .failed: "line \(line): failed: \(error ?? "no reason given")"
        case .unknown: "line \(line): \(error ?? "outcome unknown")"
        }
    }

    private enum CodingKeys: String, CodingKey { case line, status, paths, credits, error, earlier }

    /// Every key always present (`error` is `null` on success), so a script can read any field.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(line, forKey: .line)
        try container.encode(status, forKey: .status)
        try container.encode(paths, forKey: .paths)
        try container.encode(credits, forKey: .credits)
        try container.encode(error, forKey: .error)
        try container.encode(earlier, forKey: .earlier)
    }
}
