import Foundation
import Testing
import TestSupport

/// A spend ledger that cannot be opened (damaged, unreadable): every paid command refuses to
/// send with the reason, rather than crash or spend without recording it.
@Suite struct LedgerDamageCommandTests {
    @Test(arguments: [
        ["generate", "a fox", "-q", "low"],
        ["generate", "a fox", "-q", "low", "--async"],
    ])
    func aDamagedLedgerStopsAPaidRequestWithItsReasonAndNothingIsSent(_ arguments: [String]) async throws {
        let fixture = try CommandFixture()
        let first = try await fixture.run(["generate", "first", "-q", "low"], key: "sk-e2e-ledger")
        #expect(first.status == 0, "\(first.stderr)")
        let ledger = fixture.dir.file("data/pixterm/journal/ledger.sqlite")
        try Data(repeating: 0x5A, count: 4096).write(to: ledger)
        let postsBefore = try fixture.sim.receivedRequests().filter { $0["method"] as? String == "POST" }.count

        let refused = try await fixture.run(arguments, key: "sk-e2e-ledger")
        // Before the fix the client was dropped without being shut down: a trap (SIGILL, 132).
        #expect(refused.status == 1, "\(refused.stderr)")
        #expect(refused.stderr.contains("cannot open the spend ledger"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("Fatal error"), "\(refused.stderr)")
        #expect(try fixture.sim.receivedRequests().filter { $0["method"] as? String == "POST" }.count == postsBefore)
    }
}
