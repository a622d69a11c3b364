import PixapiKit
import PixtermCore
import Testing

/// Which failures of one line stop a batch from starting the others.
@Suite struct BatchStopTests {
    @Test(arguments: [PixapiError.Kind.insufficientCredits, .unauthorized, .missingKey, .network, .io])
    func aFailureEveryLineWouldShareStopsTheRun(_ kind: PixapiError.Kind) throws {
        let stop = try #require(BatchStop(line: 4, error: PixapiError(kind, "refused")))
        #expect(stop.line == 4 && stop.kind == kind)
        #expect(stop.reason.hasPrefix("line 4 "))
    }

    /// A refusal of the line itself, or a failure that may pass (a busy server, a lost answer,
    /// a budget a smaller line may still fit), lets the other lines go on.
    @Test(arguments: [
        PixapiError.Kind.invalidInput, .overBudget, .invalidRequest, .notFound, .promptRejected, .rateLimited, .server, .timeout,
        .malformedResponse, .taskFailed, .unknownOutcome, .cancelled,
    ])
    func aFailureOfTheLineItselfDoesNot(_ kind: PixapiError.Kind) {
        #expect(BatchStop(line: 1, error: PixapiError(kind, "refused")) == nil)
    }

    @Test func theReasonSaysWhatToDo() throws {
        let credits = try #require(BatchStop(line: 3, error: PixapiError(.insufficientCredits, "")))
        #expect(credits.reason == "line 3 was refused: the account is out of credits; top up the account")
        let key = try #require(BatchStop(line: 1, error: PixapiError(.unauthorized, "")))
        #expect(key.reason.contains("the API key was not accepted; check the key"))
        let down = try #require(BatchStop(line: 2, error: PixapiError(.network, "")))
        #expect(down.reason.contains("could not reach the API; check the network and --base-url"))
    }
}
