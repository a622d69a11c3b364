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

    /// chmod 000 on the ledger: SQLite says only "unable to open database file"; the message names
    /// the file and the system's reason, for `spend` and before a paid request (nothing is sent).
    @Test func anUnreadableLedgerIsNamedWithTheReason() async throws {
        let fixture = try CommandFixture()
        let environment = fixture.dir.isolatedEnvironment(["PIXAPI_BASE_URL": fixture.sim.baseURL, "PIXAPI_KEY": "sk-e2e-ledger"])
        let first = try await PixtermBinary.run(["generate", "first", "-q", "low"], environment: environment)
        #expect(first.status == 0, "\(first.stderr)")
        // Root reads any file, so as root the commands run as nobody, who then owns the folder.
        let asRoot = getuid() == 0
        if asRoot {
            let chown = try Process.run(URL(fileURLWithPath: "/bin/chown"), arguments: ["-R", "65534:65534", fixture.dir.url.path])
            chown.waitUntilExit()
        }
        let wrapper = asRoot ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        let ledger = fixture.dir.file("data/pixterm/journal/ledger.sqlite").path
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: ledger)
        let postsBefore = try fixture.sim.receivedRequests().filter { $0["method"] as? String == "POST" }.count

        for arguments in [["generate", "second", "-q", "low"], ["spend"]] {
            let refused = try await PixtermBinary.run(arguments, environment: environment, wrapper: wrapper)
            #expect(refused.status == 1, "\(arguments): \(refused.stderr)")
            #expect(refused.stderr.contains("cannot open the spend ledger \(ledger): \(ledger) cannot be read and written (Permission denied)"), "\(refused.stderr)")
        }
        #expect(try fixture.sim.receivedRequests().filter { $0["method"] as? String == "POST" }.count == postsBefore)
    }
}
