import ArgumentParser
import Foundation
import Gallery
import Logging
import PixapiKit
import PixtermApp
import PixtermCore

/// `pixterm batch FILE`: sends a file of prompts, a few at a time, through the async endpoints
/// and the journal; checked, priced and confirmed as a whole before anything is sent, and
/// resumable after a kill without sending any line twice.
struct BatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch", abstract: "Send every prompt of a file (one per line, or JSON lines) and save the images to the gallery.",
        discussion: """
            FILE holds one prompt per line (blank lines and lines starting with # are skipped), or JSON \
            objects, one per line: {"prompt": "...", "model": "...", "size": "1024x1024", "quality": "low", \
            "n": 2, "images": ["a.png"], "mask": "m.png"}; a line with images is an edit, relative paths are \
            read from FILE's folder. Lines without their own settings take -m -s -q -n and config. Every line \
            is checked and priced before anything is sent; the total is shown and confirmed (--yes skips the \
            question), and it must fit --max-credits and the [budget] in config as a whole.

            A run is known by the file's content and -m -s -q -n. Killed or stopped with Ctrl+C, `pixterm batch FILE \
            --resume` finishes it: tasks already sent are finished (never sent again), lines whose answer \
            was lost are reported and left alone (`pixterm tasks retry ID`), lines never sent (or refused \
            without charge) are sent. Results: on a terminal a progress line; otherwise one line per result \
            on standard output (`line 3: saved PATH...`, `line 4: failed: REASON`), or JSON lines with --json.

            A line that fails the way every other line would (402 out of credits, 401/403 the key refused, \
            no key, the API unreachable, the gallery or data folder not writable or full) stops the batch: no more lines start, the lines running finish, and \
            the summary says why; fix the cause, then `pixterm batch FILE --resume` sends the lines not sent \
            and the refused ones. A line refused for itself (its prompt, its parameters, a budget it would \
            cross) is reported and the others go on.

            Exit status: 0 every line saved; 1 some lines failed (nothing charged for them, or kept for \
            --resume), the batch stopped early, or the question was declined; 2 refused before sending (a bad line, no key, above \
            --max-credits, not confirmed, a run of this file unfinished); 3 some outcomes unknown: sent and \
            the answer lost, so possibly charged (kept in the journal: `pixterm tasks`); 4 not sent: the batch \
            would cross a [budget] in config (--over-budget sends it anyway); 130 stopped by Ctrl+C (resume \
            with --resume).
            """
    )

    @Argument(help: "The batch file; - reads it from standard input.") var file: String
    @OptionGroup var global: GlobalOptions
    @OptionGroup var request: RequestOptions
    @Option(name: .long, help: "How many requests run at once, 1 to 16.") var jobs = 2
    @Option(name: .long, help: "Refuse a batch costing more than this many credits in all (default: max_credits in config).")
    var maxCredits: Int?
    @Flag(name: .long, help: "Send without asking for confirmation.") var yes = false
    @Flag(name: .long, help: "Send even when the batch would take the spend past a [budget] in config.") var overBudget = false
    @Flag(name: .long, help: "Print one JSON object per result line: line, status (ok, failed, unknown), paths, credits, error, earlier (saved by an earlier run).")
    var json = false
    @Flag(name: .long, help: "Finish the latest run of this file: send only the lines that were not sent.") var resume = false
    @Flag(name: .long, help: "Start a fresh run of this file even though the last one was not finished (sends every line again).")
    var new = false

    func run() async throws {
        try await reportingFailures {
            guard (1...16).contains(jobs) else { throw PixapiError(.invalidInput, "--jobs must be from 1 to 16 (got \(jobs))") }
            guard !(resume && new) else { throw PixapiError(.invalidInput, "--resume finishes the last run and --new starts another: choose one") }
            let settings = try global.settings(maxCredits: maxCredits)
            let defaults = try request.request(operation: .generate, prompt: "", settings: settings)
            let input = try BatchInput.read(file)
            let lineDefaults = BatchDefaults(model: defaults.model, size: defaults.size, quality: defaults.quality, n: defaults.n)
            let priced: [PricedBatchItem]
            do throws(BatchLineError) {
                let items = try BatchFile.parse(input.data, defaults: lineDefaults, folder: input.folder)
                priced = try BatchPlan.price(items, catalog: settings.catalog, prices: settings.prices)
            } catch {
                throw PixapiError(.invalidInput, "\(input.name): \(error.message); nothing was sent")
            }
            guard !priced.isEmpty else {
                throw PixapiError(.invalidInput, "\(input.name) has no prompts (blank lines and lines starting with # are skipped)")
            }
            let logger = try global.commandLogger(settings: settings)
            let client = PixapiClient(configuration: try settings.clientConfiguration(), logger: logger)
            let status: Int32
            do {
                status = try await run(priced, input: input, key: BatchFile.key(input.data, defaults: lineDefaults), settings: settings, client: client, logger: logger)
            } catch {
                await client.shutdown()
                throw error
            }
            await client.shutdown()
            if status != 0 { throw ExitCode(status) }
        }
    }

    /// Plans the run (fresh or resumed) holding the file's run lock, then sends it.
    private func run(
        _ priced: [PricedBatchItem], input: BatchInput, key content: String, settings: PixtermSettings, client: PixapiClient, logger: Logger
    ) async throws -> Int32 {
        let journal = try JobBackend.openJournal(settings: settings)
        let runner = try JobBackend.runner(api: client, settings: settings, journal: journal, logger: logger)
        let ledger = try runner.ledger ?? JobBackend.openLedger(settings: settings)
        guard let lock = ledger.lockBatch(content: content) else {
            throw PixapiError(.invalidInput, "\(input.name) is being run by another pixterm right now (the same content and settings); wait for it to finish")
        }
        let plan = try BatchStart.plan(
            priced, input: input, content: content, resume: resume, new: new, ledger: ledger, journal: journal, store: runner.store, settings: settings
        )
        let status = try await send(plan, input: input, settings: settings, ledger: ledger, runner: runner)
        withExtendedLifetime(lock) {}
        return status
    }

    /// Checks the caps, confirms, runs the lines and reports; returns the exit status.
    private func send(_ plan: BatchStart, input: BatchInput, settings: PixtermSettings, ledger: SpendLedger, runner: JobRunner) async throws -> Int32 {
        let toSend = plan.work.compactMap { if case let .send(priced) = $0 { priced } else { nil } }
        let total = BatchTotal(toSend)
        if let limit = settings.maxCredits, total.credits > limit {
            throw PixapiError(
                .invalidInput,
                "this batch costs \(Plural.count(total.credits, "credit")), above the limit of \(limit) for the whole batch (--max-credits or max_credits); raise --max-credits to send it"
            )
        }
        if !overBudget, total.credits > 0, let refusal = settings.budgets.refusal(cost: total.credits, spent: try ledger.totals()) {
            throw PixapiError(
                .overBudget,
                "not sent: \(refusal.message(costing: "this batch")); add --over-budget to send it anyway"
            )
        }
        Terminal.printError("\(input.name): \(plan.description(sending: total))")
        if !toSend.isEmpty, !yes { try BatchConfirmation.ask(total) }
        let run = try plan.run ?? ledger.startBatchRun(content: plan.content, path: input.name, lines: plan.lines)
        let console = BatchConsole(total: plan.lines, json: json)
        for result in plan.earlier { console.report(earlier: result) }
        let stop = BatchInterrupt(console: console, resumeHint: input.resumeHint)
        let loop = BatchRunLoop(runner: runner, batch: run.id, jobs: jobs, overBudget: overBudget)
        let ticker = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(500))
                console.tick()
            }
        }
        let stopped = await loop.run(plan.work, shouldStart: { !stop.requested }, onEvent: console.handle)
        ticker.cancel()
        console.end()
        let results = console.finished
        Terminal.printError(BatchSummary.text(results, lines: plan.lines, usdPerCredit: settings.prices.usdPerCredit, input: input, stop: stopped))
        if stop.requested { stop.exitWithHint() }
        if results.contains(where: { $0.status == .unknown }) { return ExitStatus.unknownOutcome }
        return results.contains(where: { $0.status == .failed }) ? ExitStatus.failure : 0
    }
}
