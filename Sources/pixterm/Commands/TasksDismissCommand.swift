import ArgumentParser
import PixapiKit
import PixtermApp

/// `pixterm tasks dismiss ID --yes`: forgets an entry the user gives up on.
struct TasksDismissCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dismiss", abstract: "Forget an unfinished request; its images, if any, are not downloaded."
    )

    @Argument(help: "The entry id from `pixterm tasks`.") var id: String
    @Flag(name: .long, help: "Confirm: without it nothing is changed.") var yes = false
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await reportingFailures {
            let settings = try global.settings()
            let journal = try JobBackend.openJournal(settings: settings)
            let name = TerminalText.sanitized(id)
            guard let entry = journal.entry(id) else {
                throw PixapiError(.invalidInput, "no unfinished task \(name); `pixterm tasks` lists them")
            }
            guard yes else {
                let cost = entry.cost.map { " (\($0) credits)" } ?? ""
                throw PixapiError(
                    .invalidInput,
                    "dismissing \(name)\(cost) gives up on its images for good; run again with --yes to confirm"
                )
            }
            guard let claim = journal.claim(id) else {
                throw PixapiError(.io, "\(name) is being finished by another pixterm right now; try again when it is done")
            }
            // It went out and may have been charged: the ledger keeps counting it, as `unknown`
            // (a charged one stays charged), so `batch --resume` never takes it for a line never sent.
            try JobBackend.openLedger(settings: settings).settle(claim.entryID, as: .unknown)
            try journal.fail(entry: claim.entryID)
            print("dismissed \(name)")
        }
    }
}
