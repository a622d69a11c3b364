import ArgumentParser
import Foundation
import Gallery
import PixapiKit
import PixtermApp
import PixtermCore

/// `pixterm tasks retry ID`: sends the request of an entry that may have been charged once
/// more, knowingly, under the entry's own Idempotency-Key, after saying what it may cost.
struct TasksRetryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry",
        abstract: "Send a request whose outcome is unknown (or whose images were not saved) again, under the same Idempotency-Key.",
        discussion: """
            Shows what it may cost and asks first (without a terminal, --yes is needed). A server that \
            honours the Idempotency-Key answers with the first result and charges nothing; one that \
            ignores it charges again.
            """
    )

    @Argument(help: "The entry id from `pixterm tasks`.") var id: String
    @Flag(name: .long, help: "Send without asking.") var yes = false
    @Flag(name: .long, help: "Print the saved paths as a JSON array.") var json = false
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await reportingFailures {
            let settings = try global.settings()
            let logger = try global.commandLogger(settings: settings)
            let journal = try JobBackend.openJournal(settings: settings)
            let name = TerminalText.sanitized(id)
            guard let entry = journal.entry(id) else {
                throw PixapiError(.invalidInput, "no unfinished task \(name); `pixterm tasks` lists them")
            }
            if case .poll = entry.nextStep {
                throw PixapiError(.invalidInput, "\(name) has a task to poll; `pixterm tasks resume` finishes it without sending it again")
            }
            guard ResumePlan.isSameServer(entry.baseURL, settings.baseURL) else {
                let sentTo = TerminalText.sanitized(entry.baseURL)
                throw PixapiError(.invalidInput, "\(name) was sent to \(sentTo); retry it with --base-url \(sentTo)")
            }
            let cost = ResumePlan.cost(of: entry.request, prices: settings.prices)
            let question = Self.question(entry, name: name, credits: cost?.costCredits ?? entry.cost)
            guard yes || Self.confirm(question) else {
                throw PixapiError(.invalidInput, "\(question); nothing was sent: run again with --yes to send it")
            }
            guard let claim = journal.claim(id) else {
                throw PixapiError(.io, "\(name) is held by another pixterm right now; try again when it has stopped")
            }
            let client = try ImageCommandRunner.client(settings: settings, logger: logger)
            let runner = try await ImageCommandRunner.runner(client: client, settings: settings, journal: journal, logger: logger)
            let outcome = JobOutcome()
            let entryRef = JournalRef(entry: entry.id, idempotencyKey: entry.idempotencyKey)
            await runner.retry(entryRef, request: entry.request, mode: entry.mode, cost: cost) { event in
                outcome.record(event, showingProgress: true)
            }
            withExtendedLifetime(claim) {}
            await client.shutdown()
            try ImageCommandRunner.finish(outcome, json: json)
        }
    }

    /// What sending it again means, with the cost.
    static func question(_ entry: JournalEntry, name: String, credits: Int?) -> String {
        let price = credits.map { "\($0) credits" } ?? "its price"
        let state =
            entry.nextStep == .paidNotDownloaded
            ? "was charged but its images were not saved" : "may have been charged already"
        return "\(name) \(state); sending it again under its Idempotency-Key costs nothing where the server honours the key, "
            + "and \(price) again where it does not"
    }

    /// Asks on the terminal, when standard input is one too; without one, only --yes sends.
    static func confirm(_ question: String) -> Bool {
        guard isatty(STDIN_FILENO) == 1 else { return false }
        return TerminalQuestion.yes("pixterm: \(question). Send it again? [y/N] ") ?? false
    }
}
