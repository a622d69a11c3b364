import PixapiKit

/// Why a batch stopped starting lines: a line failed in a way every line after it would fail
/// the same (the account is out of credits, the key is refused or missing, the API cannot be
/// reached, this machine cannot save or record a request). Sending the rest would only repeat the
/// failure (and a full disk would have every later line paid for and not saved), so the lines
/// running finish and the others wait for `--resume`. A refusal of one line (its prompt, its parameters, a budget
/// it would cross: a smaller line may still fit) is not a reason: the batch goes on.
public struct BatchStop: Sendable, Hashable {
    /// The line whose failure stopped the batch.
    public let line: Int
    public let kind: PixapiError.Kind

    /// The stop `error` on `line` calls for, or nil when the other lines may still succeed.
    public init?(line: Int, error: PixapiError) {
        guard Self.isFatalForTheRun(error.kind) else { return nil }
        self.line = line
        kind = error.kind
    }

    /// Whether a failure of this kind on one line means every line would fail the same way.
    /// `network` is what the client reports once its retries of a refused or dropped connection
    /// are spent (a lost answer to a paid request is `unknownOutcome`, never this). `io` mid-run
    /// is this machine's: the gallery, the journal or the ledger cannot be written (the edit
    /// lines' images were read and checked before anything was sent).
    public static func isFatalForTheRun(_ kind: PixapiError.Kind) -> Bool {
        switch kind {
        case .insufficientCredits, .unauthorized, .missingKey, .network, .io: true
        default: false
        }
    }

    /// `line 3 was refused: the account is out of credits; top up the account`: what happened
    /// and what to do before resuming.
    public var reason: String {
        switch kind {
        case .insufficientCredits: "line \(line) was refused: the account is out of credits; top up the account"
        case .unauthorized: "line \(line) was refused: the API key was not accepted; check the key (PIXAPI_KEY or api_key in config)"
        case .missingKey: "line \(line) could not be sent: no API key; set PIXAPI_KEY or api_key in config"
        case .io: "line \(line) could not be saved or recorded on this machine (its reason is above); free disk space or make the gallery and data folders writable"
        default: "line \(line) could not reach the API; check the network and --base-url, or wait until the service is back"
        }
    }
}
