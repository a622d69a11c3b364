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
            let journal = try JobBackend.openJournal(settings: try global.settings())
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
            try journal.fail(entry: claim.entryID)
            print("dismissed \(name)")
        }
    }
}
