import ArgumentParser
import Foundation
import PixapiKit
import PixtermApp
import PixtermCore

/// `pixterm tasks resume`: finishes every unfinished async task no other pixterm is working on.
struct TasksResumeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume", abstract: "Finish unfinished tasks: poll them, download and save their images, print the paths."
    )

    @Flag(name: .long, help: "Print the saved paths as a JSON array.") var json = false
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await reportingFailures {
            let settings = try global.settings()
            let logger = try global.commandLogger(settings: settings)
            let journal = try JobBackend.openJournal(settings: settings)
            let plan = ResumePlan(journal.claimOpenEntries(), baseURL: settings.baseURL, prices: settings.prices)
            for claimed in plan.unknownOutcome {
                let id = TerminalText.sanitized(claimed.entry)
                Terminal.printError(
                    "\(id) was sent but its answer was lost, so it may have been charged and is not sent again by itself; `pixterm tasks retry \(id)` sends it again with the same Idempotency-Key, or check your Pixapi account, then `pixterm tasks dismiss \(id) --yes`"
                )
            }
            for claimed in plan.notDownloaded {
                let id = TerminalText.sanitized(claimed.entry)
                Terminal.printError(
                    "\(id) was charged but its images were not saved; `pixterm tasks retry \(id)` asks for them again with the same Idempotency-Key, or `pixterm tasks dismiss \(id) --yes`"
                )
            }
            for claimed in plan.elsewhere {
                let sentTo = TerminalText.sanitized(claimed.baseURL)
                Terminal.printError("\(TerminalText.sanitized(claimed.entry)) was sent to \(sentTo); resume it with --base-url \(sentTo)")
            }
            let resumable = plan.resumable
            guard !resumable.isEmpty else {
                if json { try Terminal.printJSON([String]()) }
                return
            }
            let client = PixapiClient(configuration: try settings.clientConfiguration(), logger: logger)
            let runner = try await ImageCommandRunner.runner(client: client, settings: settings, journal: journal, logger: logger)
            var paths: [String] = []
            var failed = false
            for item in resumable {
                let outcome = JobOutcome()
                let (claimed, taskID) = (item.claimed, item.taskID)
                await runner.resume(
                    entry: claimed.journalRef, request: claimed.request, mode: claimed.mode, taskID: taskID, cost: item.cost,
                    alreadySaved: claimed.alreadySaved
                ) { event in
                    outcome.record(event)
                    if case let .progress(status, percent) = event { Terminal.progress("\(taskID): \(status)\(percent.map { " \($0)%" } ?? "")") }
                }
                Terminal.endProgress()
                paths += outcome.paths
                if let error = outcome.error {
                    Terminal.printError("\(TerminalText.sanitized(claimed.entry)): \(error.description)")
                    failed = true
                }
            }
            await client.shutdown()
            if json { try Terminal.printJSON(paths) } else { for path in paths { print(path) } }
            if failed { throw ExitCode(1) }
        }
    }

}
