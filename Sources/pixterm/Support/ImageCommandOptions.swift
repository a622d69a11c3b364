import ArgumentParser
import Foundation
import Gallery
import Logging
import PixapiKit
import PixtermApp
import PixtermCore

/// What `generate` and `edit` share beyond the request settings: output and spending controls.
struct ImageCommandOptions: ParsableArguments {
    @Option(name: .long, help: "url or b64_json (default: the server's default).")
    var responseFormat: String?

    @Flag(name: .long, help: "Use the async endpoint and poll the task (the journal can resume it after a disconnect).")
    var async = false

    @Flag(name: .long, help: "Print the saved paths as a JSON array.")
    var json = false

    @Option(name: .long, help: "Refuse requests above this many credits unless --yes (default: max_credits in config).")
    var maxCredits: Int?

    @Flag(name: .long, help: "Send even when the cost is above --max-credits.")
    var yes = false

    @Flag(name: .long, help: "Send even when it would take the spend past a [budget] in config.")
    var overBudget = false

    func parsedResponseFormat() throws(PixapiError) -> ResponseFormat? {
        guard let responseFormat else { return nil }
        guard let format = ResponseFormat(rawValue: responseFormat.lowercased()) else {
            throw PixapiError(.invalidInput, "--response-format must be url or b64_json", param: "response_format")
        }
        return format
    }
}

/// The shared body of `generate` and `edit`: validate, price, confirm, run, print.
enum ImageCommandRunner {
    static func run(_ request: ImageRequest, options: ImageCommandOptions, settings: PixtermSettings, logger: Logger) async throws {
        try settings.catalog.validate(request)
        let cost = try settings.prices.estimate(model: request.model, size: request.size, quality: request.quality, n: request.n)
        if let limit = settings.maxCredits, cost.costCredits > limit, !options.yes {
            throw PixapiError(
                .invalidInput,
                "this request costs \(cost.costCredits) credits, above the limit of \(limit) (--max-credits or max_credits); add --yes to send it"
            )
        }
        let client = try Self.client(settings: settings, logger: logger)
        let runner = try await Self.runner(client: client, settings: settings, logger: logger)
        let outcome = JobOutcome()
        let mode: SubmitMode = options.async ? .async : .sync
        await runner.run(request, mode: mode, cost: cost, overBudget: options.overBudget) { event in
            outcome.record(event, showingProgress: true)
        }
        await client.shutdown()
        try finish(outcome, json: options.json)
    }

    /// A client that shows its retries on the progress line and logs its requests to `logger`.
    static func client(settings: PixtermSettings, logger: Logger) throws(PixapiError) -> PixapiClient {
        PixapiClient(configuration: try settings.clientConfiguration(), logger: logger) { event in
            if let notice = event.retryNotice { Terminal.progress(notice + "\n") }
        }
    }

    /// The runner sending through `client` (into the journal of `settings` when `journal` is nil).
    /// When it cannot be made (a gallery, journal or spend ledger that cannot be opened) the
    /// client is shut down before the error is reported: a client dropped unshut traps, and the
    /// user would see a crash instead of the reason.
    static func runner(client: PixapiClient, settings: PixtermSettings, journal: TaskJournal? = nil, logger: Logger) async throws -> JobRunner {
        do {
            return try JobBackend.runner(api: client, settings: settings, journal: journal, logger: logger)
        } catch {
            await client.shutdown()
            throw error
        }
    }

    /// Prints the saved paths (as JSON with `json`), then throws the job's error, if any.
    static func finish(_ outcome: JobOutcome, json: Bool) throws {
        Terminal.endProgress()
        if json {
            try Terminal.printJSON(outcome.paths)
        } else {
            for path in outcome.paths { print(path) }
        }
        if let error = outcome.error {
            throw error.kind == .overBudget ? error.adding("; add --over-budget to send it anyway") : error
        }
    }
}

/// Collects what a job reported, from the runner's task.
final class JobOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var savedPaths: [String] = []
    private var failure: PixapiError?

    func record(_ event: JobEvent) {
        lock.withLock {
            switch event {
            case let .saved(path, _): savedPaths.append(path)
            case let .failed(error): failure = error
            case .cancelled: failure = PixapiError(.cancelled, "cancelled")
            default: break
            }
        }
    }

    /// Records `event` and, with `showingProgress`, says it on the progress line.
    func record(_ event: JobEvent, showingProgress: Bool) {
        record(event)
        guard showingProgress else { return }
        switch event {
        case let .submitted(taskID): Terminal.progress("task \(taskID) submitted")
        case let .progress(status, percent): Terminal.progress("\(status)\(percent.map { " \($0)%" } ?? "")")
        case let .saved(_, total): Terminal.progress("saved \(paths.count)/\(total)")
        default: break
        }
    }

    var paths: [String] { lock.withLock { savedPaths } }
    var error: PixapiError? { lock.withLock { failure } }
}
