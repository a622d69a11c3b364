import ArgumentParser
import Foundation
import Gallery
import PixapiKit
import PixtermApp
import PixtermCore

/// `pixterm tasks`: the open journal entries.
struct TasksListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List open journal entries (the default).")

    @Flag(name: .long, help: "Print the entries as JSON.") var json = false
    @OptionGroup var global: GlobalOptions

    struct EntryJSON: Encodable {
        let id: String
        let created: Date
        let ageSeconds: Int
        let cost: Int?
        let state: String
        let taskID: String?
        let claimed: Bool
        let model: String
        let prompt: String
        let n: Int
        let saved: Int
        let baseURL: String
        /// Sent with the request and with any retry of it.
        let idempotencyKey: String
        /// What happened to it, when a run said so.
        let note: String?
    }

    func run() async throws {
        try await reportingFailures {
            let journal = try JobBackend.openJournal(settings: try global.settings())
            let now = Date()
            let entries = journal.openEntries().map { entry in
                EntryJSON(
                    id: TerminalText.sanitized(entry.id), created: entry.created, ageSeconds: Int(entry.age(now: now)), cost: entry.cost,
                    state: Self.state(entry, claimed: journal.isClaimed(entry.id)), taskID: entry.taskID.map { TerminalText.sanitized($0) },
                    claimed: journal.isClaimed(entry.id), model: TerminalText.sanitized(entry.request.model),
                    prompt: TerminalText.sanitized(entry.request.prompt), n: entry.request.n, saved: entry.saved.count,
                    baseURL: TerminalText.sanitized(entry.baseURL), idempotencyKey: TerminalText.sanitized(entry.idempotencyKey),
                    note: entry.note.map { TerminalText.sanitized($0) }
                )
            }
            if json { return try Terminal.printJSON(entries) }
            guard !entries.isEmpty else { return print("no unfinished tasks") }
            let width = TerminalSize.current()?.columns ?? 120
            let stateWidth = entries.map { DisplayWidth.of($0.state) }.max() ?? 0
            for entry in entries {
                let columns = [
                    DisplayWidth.pad(entry.id, toWidth: 20), Self.age(entry.ageSeconds).leftPadded(4),
                    DisplayWidth.pad(entry.cost.map { "\($0) cr" } ?? "-", toWidth: 7), DisplayWidth.pad(entry.state, toWidth: stateWidth), entry.prompt,
                ]
                print(DisplayWidth.truncate(columns.joined(separator: "  "), toWidth: max(width, 40), ellipsis: "…"))
            }
            if entries.contains(where: { $0.taskID != nil && !$0.claimed }) { print("`pixterm tasks resume` finishes the ones with a task id") }
            if entries.contains(where: { $0.taskID == nil && !$0.claimed }) {
                print("`pixterm tasks retry ID` sends one without a task id again under its Idempotency-Key (showing the cost first); `pixterm tasks dismiss ID --yes` forgets it")
            }
        }
    }

    static let mayHaveBeenCharged = "outcome unknown: may have been charged"
    static let chargedNotSaved = "charged, images not saved"

    /// A few words for what the entry is waiting for.
    static func state(_ entry: JournalEntry, claimed: Bool) -> String {
        switch entry.nextStep {
        case .poll:
            if claimed { return "running in another pixterm" }
            return entry.saved.isEmpty ? "resumable" : "resumable (\(entry.saved.count)/\(entry.request.n) saved)"
        case .unknownOutcome:
            // A pending entry held by a live process is still waiting for its answer.
            if claimed, entry.state == .pending { return "running in another pixterm" }
            return mayHaveBeenCharged + (claimed ? " (held by another pixterm)" : "")
        case .paidNotDownloaded:
            return chargedNotSaved + (claimed ? " (held by another pixterm)" : "")
        }
    }

    /// `45s`, `12m`, `5h`, `3d`.
    static func age(_ seconds: Int) -> String {
        switch max(0, seconds) {
        case ..<60: "\(max(0, seconds))s"
        case ..<3600: "\(seconds / 60)m"
        case ..<86_400: "\(seconds / 3600)h"
        default: "\(seconds / 86_400)d"
        }
    }
}
