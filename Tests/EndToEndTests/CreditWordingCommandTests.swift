import Foundation
import Testing
import TestSupport

/// "1 credit", never "1 credits": the budget lines of `cost` and `spend` and a batch refused
/// over a budget, with a budget of one credit.
@Suite struct CreditWordingCommandTests {
    typealias Setup = BatchCommandTests.Setup

    @Test func aBudgetOfOneCreditIsOneCredit() async throws {
        try await Setup.with { setup in
            let config = setup.dir.url.appendingPathComponent("config/pixterm")
            try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
            try Data("[budget]\ndaily = 1\nmonthly = 1\n".utf8).write(to: config.appendingPathComponent("config.toml"))

            let cost = try await setup.run(["cost", "-s", "1024x1024", "-q", "low"])
            #expect(cost.status == 0, "\(cost.stderr)")
            #expect(
                cost.stdout.contains("budget: 0 of 1 credit spent today (1 remains), 0 of 1 credit spent this month (1 remains)"), "\(cost.stdout)"
            )

            let file = try setup.write("two.txt", "one of two\ntwo of two\n")
            let batch = try await setup.run(["batch", file, "--yes", "-q", "low"])
            #expect(batch.status == 4, "\(batch.stderr)")
            #expect(
                batch.stderr.contains("not sent: over the daily budget of 1 credit: 0 spent today, 1 remains, and this batch costs 2; add --over-budget"),
                "\(batch.stderr)"
            )
            #expect(await setup.posted().isEmpty)

            let spend = try await setup.run(["spend"])
            #expect(spend.status == 0, "\(spend.stderr)")
            #expect(spend.stdout.contains("budget: today 0 of 1 credit (1 left), this month 0 of 1 credit (1 left)"), "\(spend.stdout)")
        }
    }
}
