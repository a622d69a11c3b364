import Foundation
import Gallery
import PixapiKit
import PixtermCore

/// What a `pixterm batch` is about to do: a fresh run sends every line; `--resume` finishes the
/// latest run of the same content, reporting the lines found done or unknown, resuming the tasks
/// its journal entries still hold and sending only the lines never sent.
struct BatchStart {
    /// What names the batch (`BatchFile.key`).
    let content: String
    /// The requests in the file.
    let lines: Int
    /// The run resumed; `nil` for a fresh run, recorded once it is confirmed.
    let run: BatchRun?
    /// Resumed tasks first (already paid for), then the lines to send, in file order.
    let work: [BatchWork]
    /// Lines settled before this process started: saved earlier, outcome unknown, or kept.
    let earlier: [BatchResult]

    /// `20 requests, 26 images, 260 credits ($2.60)`, and for a resumed run what it found.
    func description(sending total: BatchTotal) -> String {
        guard let run else { return total.summary }
        let resumed = work.count - total.requests
        var found = ["\(earlier.filter { $0.status == .ok }.count) saved earlier"]
        if resumed > 0 { found.append("\(Plural.count(resumed, "sent task")) to finish") }
        let unknown = earlier.filter { $0.status == .unknown }.count
        if unknown > 0 { found.append("\(unknown) with an unknown outcome (not sent again)") }
        let kept = earlier.filter { $0.status == .failed }.count
        if kept > 0 { found.append("\(kept) that cannot be finished now") }
        let sending = total.requests == 0 ? "nothing left to send" : "to send: \(total.summary)"
        return "resuming run \(run.number): \(found.joined(separator: ", ")); \(sending)"
    }

    static func plan(
        _ priced: [PricedBatchItem], input: BatchInput, content: String, resume: Bool, new: Bool, ledger: SpendLedger, journal: TaskJournal,
        store: GalleryStore, settings: PixtermSettings
    ) throws(PixapiError) -> BatchStart {
        let latest = try galleryCall { () throws(GalleryError) in try ledger.latestBatchRun(content: content) }
        guard resume else {
            if let latest, !new {
                let unfinished = try lines(of: latest, priced, ledger: ledger, journal: journal).statuses.values.filter(\.isUnfinished).count
                if unfinished > 0 {
                    throw PixapiError(
                        .invalidInput,
                        "\(input.name) was run before (run \(latest.number)) and \(unfinished) of its \(priced.count) lines are not finished: "
                            + "`\(input.resumeHint)` finishes that run and sends only the lines not sent; --new starts a fresh run that sends every line again"
                    )
                }
            }
            return BatchStart(content: content, lines: priced.count, run: nil, work: priced.map(BatchWork.send), earlier: [])
        }
        guard let latest else {
            throw PixapiError(
                .invalidInput,
                "there is no earlier run of \(input.name) to resume (a run is known by the file's content and -m -s -q -n, so an edited file, or other options, make a new batch); run it without --resume"
            )
        }
        return try resuming(latest, priced, content: content, ledger: ledger, journal: journal, store: store, settings: settings)
    }

    private static func resuming(
        _ run: BatchRun, _ priced: [PricedBatchItem], content: String, ledger: SpendLedger, journal: TaskJournal, store: GalleryStore,
        settings: PixtermSettings
    ) throws(PixapiError) -> BatchStart {
        let (rows, statuses) = try lines(of: run, priced, ledger: ledger, journal: journal)
        let credits = Dictionary(rows.map { ($0.id, $0.credits) }) { first, _ in first }
        var sends: [BatchWork] = []
        var earlier: [BatchResult] = []
        var claimed: [ClaimedEntry] = []
        var lineOf: [String: Int] = [:]
        for item in priced {
            let line = item.line
            switch statuses[line] ?? .notSent {
            case .notSent:
                sends.append(.send(item))
            case let .diedBeforeSending(entries):
                // Reserved, then the process died before the journal entry: the request never went out.
                for entry in entries { try galleryCall { () throws(GalleryError) in try ledger.settle(entry, as: .refused) } }
                sends.append(.send(item))
            case let .charged(entry):
                let paths = ((try? store.images(ofRequest: entry)) ?? []).map(\.url.path)
                earlier.append(BatchResult(line: line, status: .ok, paths: paths, credits: credits[entry] ?? 0, earlier: true))
            case let .unknown(entry):
                earlier.append(
                    BatchResult(
                        line: line, status: .unknown, credits: credits[entry] ?? 0,
                        error: "outcome unknown: request \(entry) was sent by an earlier run and its answer was lost (its journal entry was dismissed); it is not sent again",
                        earlier: true
                    )
                )
            case let .open(entry):
                guard let claim = journal.claim(entry), let found = journal.entry(entry) else {
                    earlier.append(
                        BatchResult(
                            line: line, status: .failed, credits: credits[entry] ?? 0,
                            error: "its request \(entry) is being finished by another pixterm (`pixterm tasks resume`?); run --resume again when it is done",
                            earlier: true
                        )
                    )
                    continue
                }
                claimed.append(ClaimedEntry(found, claim: claim))
                lineOf[entry] = line
            }
        }
        let plan = ResumePlan(claimed, baseURL: settings.baseURL, prices: settings.prices)
        for entry in plan.unknownOutcome {
            // Sent with no answer kept: count it as possibly charged from now on, never send it again.
            try? ledger.settle(entry.entry, as: .unknown)
            let id = entry.entry
            earlier.append(
                BatchResult(
                    line: lineOf[id] ?? 0, status: .unknown, credits: credits[id] ?? 0,
                    error: "outcome unknown: an earlier run sent it and its answer was lost, so it may have been charged; it is not sent again: "
                        + "`pixterm tasks retry \(id)` sends it again with the same Idempotency-Key, or `pixterm tasks dismiss \(id) --yes`",
                    earlier: true
                )
            )
        }
        for entry in plan.notDownloaded {
            let id = entry.entry
            earlier.append(
                BatchResult(
                    line: lineOf[id] ?? 0, status: .failed, credits: credits[id] ?? 0,
                    error: "charged but its images were not saved; `pixterm tasks retry \(id)` asks for them again with the same Idempotency-Key",
                    earlier: true
                )
            )
        }
        for entry in plan.elsewhere {
            let sentTo = TerminalText.sanitized(entry.baseURL)
            earlier.append(
                BatchResult(
                    line: lineOf[entry.entry] ?? 0, status: .failed, credits: credits[entry.entry] ?? 0,
                    error: "its task was sent to \(sentTo); resume with --base-url \(sentTo)", earlier: true
                )
            )
        }
        let resumed = plan.resumable.map { BatchWork.resume(line: lineOf[$0.claimed.entry] ?? 0, $0) }.sorted { $0.line < $1.line }
        return BatchStart(
            content: content, lines: priced.count, run: run, work: resumed + sends, earlier: earlier.sorted { $0.line < $1.line }
        )
    }

    /// The run's ledger rows and where each line stands.
    private static func lines(
        of run: BatchRun, _ priced: [PricedBatchItem], ledger: SpendLedger, journal: TaskJournal
    ) throws(PixapiError) -> (rows: [LedgerEntry], statuses: [Int: BatchLineStatus]) {
        let rows = try galleryCall { () throws(GalleryError) in try ledger.entries(batch: run.id) }
        return (rows, BatchLineStatus.of(lines: priced.map(\.line), rows: rows) { journal.entry($0) != nil })
    }

    /// A gallery or ledger call whose error becomes the command's (`io`, exit 1).
    private static func galleryCall<T>(_ body: () throws(GalleryError) -> T) throws(PixapiError) -> T {
        do { return try body() } catch { throw PixapiError(.io, error.message) }
    }
}
