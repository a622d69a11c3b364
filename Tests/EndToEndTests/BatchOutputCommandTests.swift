import Foundation
import Testing
import TestSupport

/// Where a batch's output goes is the user's business: a reader that stops early
/// (`pixterm batch FILE | head -1`) or closed streams must not stop pixterm while paid requests
/// are in flight (that left a line with an unknown outcome) nor leave anything half done.
/// Serialized: each test runs pixterm processes and a simulator; run together they starve the
/// timed tests of other suites.
@Suite(.serialized) struct BatchOutputCommandTests {
    typealias Setup = BatchCommandTests.Setup

    @Test(arguments: [
        "set -o pipefail; \"$0\" \"$@\" | true",  // the reader is gone before the first result
        "exec \"$0\" \"$@\" >&- 2>&-",  // no standard output or error at all
    ])
    func aBatchWhoseOutputIsGoneStillFinishesEveryLine(_ script: String) async throws {
        try await Setup.with { setup in
            let prompts = (1...4).map { "unread line \($0)" }
            let file = try setup.write("unread.txt", prompts.joined(separator: "\n") + "\n")
            let batch = try await PixtermBinary.run(
                ["batch", file, "--yes", "-q", "low"], environment: setup.environment,
                wrapper: ["/bin/bash", "-c", script]
            )
            #expect(batch.status == 0, "\(batch.stderr)")
            #expect(!batch.stderr.contains("Fatal error"), "\(batch.stderr)")
            #expect(await setup.posted().sorted() == prompts)
            #expect(setup.journalEntries().all == 0, "a line was left in the journal")
            #expect(try await setup.galleryPrompts().sorted() == prompts)
        }
    }
}
