import Foundation
import Gallery
import Logging
import PixapiKit
import PixapiSimulator
import PixtermCore
import TerminalUI

/// The one interpreter of the UI's effects: jobs, gallery queries, history, the viewer, the
/// demo, the clipboard and quitting. Slow work runs in tasks; results go back to the UI
/// thread through `send`.
///
/// The backend opens in the background (a gallery without an index is rebuilt on open, which
/// takes seconds at 100,000 images; the demo's simulator starts first), and only once the UI
/// starts (after its first frame) or an effect needs it, so the first frame neither waits for
/// it nor shares the processor with it.
public final class EffectInterpreter: AppServices, @unchecked Sendable {
    private let lock = NSLock()
    private let settings: PixtermSettings
    private let insideTmux: Bool
    private let logger: Logger
    private let relay: ActionRelay
    private let open: @Sendable () async throws -> OpenBackend
    /// nil until something needs the backend.
    private var backend: Task<OpenBackend, any Error>?
    /// The live backend after the demo replaced it: its HTTP client must outlive the process.
    private var retired: [OpenBackend] = []
    let jobs = JobRegistry()
    /// Only the newest gallery query reports, so filter-as-you-type never shows a stale page.
    private var galleryQuery = 0
    private var refreshed = false

    /// A backend and, for the demo, its simulator, kept running for as long as the interpreter
    /// holds the backend.
    private struct OpenBackend: Sendable {
        var backend: JobBackend
        var simulator: RunningSimulator?
    }

    /// `open` opens the backend (and starts the demo's simulator), its clients reporting to `relay`.
    private init(
        settings: PixtermSettings, insideTmux: Bool, logger: Logger, relay: ActionRelay, open: @escaping @Sendable () async throws -> OpenBackend
    ) {
        self.settings = settings
        self.insideTmux = insideTmux
        self.logger = logger
        self.relay = relay
        self.open = open
    }

    /// `backend` opens the backend, its clients reporting to `relay`.
    convenience init(
        settings: PixtermSettings, insideTmux: Bool, logger: Logger, relay: ActionRelay, backend: @escaping @Sendable () async throws -> JobBackend
    ) {
        self.init(settings: settings, insideTmux: insideTmux, logger: logger, relay: relay, open: { OpenBackend(backend: try await backend()) })
    }

    /// The real API and gallery of `settings`. `insideTmux` wraps the clipboard's escape for
    /// tmux; `logger` gets the requests and journal steps.
    public static func live(settings: PixtermSettings, insideTmux: Bool, logger: Logger = .disabled) -> EffectInterpreter {
        let relay = ActionRelay()
        return EffectInterpreter(settings: settings, insideTmux: insideTmux, logger: logger, relay: relay) {
            try JobBackend.live(settings: settings, logger: logger, onClientEvent: relay.clientEvent)
        }
    }

    /// The demo from the start. Its simulator starts in the background with the backend, like
    /// the live one opens, so the first frame (labelled DEMO) never waits for it; a failure to
    /// start is reported in the UI, as when the demo starts from the first-run offer.
    public static func demo(settings: PixtermSettings, insideTmux: Bool, logger: Logger = .disabled) -> EffectInterpreter {
        let relay = ActionRelay()
        return EffectInterpreter(
            settings: settings, insideTmux: insideTmux, logger: logger, relay: relay,
            open: {
                try await openDemo(settings: settings, logger: logger, relay: relay)
            })
    }

    /// The demo's simulator and backend; a failure says the demo could not start.
    private static func openDemo(settings: PixtermSettings, logger: Logger, relay: ActionRelay) async throws -> OpenBackend {
        do {
            let (backend, simulator) = try await JobBackend.demo(settings: settings, logger: logger, onClientEvent: relay.clientEvent)
            return OpenBackend(backend: backend, simulator: simulator)
        } catch {
            throw PixapiError(.io, "the demo could not start: \(message(error))")
        }
    }

    /// The backend once open; its failure (an unwritable gallery, say) is what the action reports.
    private func current() async throws -> JobBackend {
        try await opening().value.backend
    }

    /// The backend's opening, begun on first use.
    private func opening() -> Task<OpenBackend, any Error> {
        lock.withLock {
            if let backend { return backend }
            let open = open
            let task = Task.detached { try await open() }
            backend = task
            return task
        }
    }

    /// Opens the backend (the UI calls this after its first frame), then claims the journal
    /// entries left open and hands them to `update` as a plan.
    public func start(send: @escaping @Sendable (Action) -> Void) {
        relay.connect(send)
        Task.detached { [self] in
            let backend: JobBackend
            do { backend = try await current() } catch {
                send(.effectFailed(Self.message(error)))
                return
            }
            if !settings.budgets.isEmpty {
                do { send(try spendLoaded(backend.ledger)) } catch { send(.effectFailed(Self.message(error))) }
            }
            guard let runner = backend.runner else { return }
            send(.resume(ResumePlan(backend.journal.claimOpenEntries(), baseURL: runner.baseURL, prices: settings.prices)))
        }
    }

    public func perform(_ effect: Effect, session: any UISession, send: @escaping @Sendable (Action) -> Void) {
        switch effect {
        case let .startJob(job):
            run(job, send: send) { runner in
                if let entry = job.retrying {
                    await runner.retry(entry, request: job.request, mode: job.mode, cost: job.cost) { send(.jobEvent(job.id, $0)) }
                } else {
                    await runner.run(job.request, mode: job.mode, cost: job.cost, overBudget: job.overBudget) { send(.jobEvent(job.id, $0)) }
                }
            }
        case let .resumeJob(job, item):
            let claimed = item.claimed
            run(job, send: send) { runner in
                await runner.resume(
                    entry: claimed.journalRef, request: claimed.request, mode: claimed.mode, taskID: item.taskID, cost: item.cost,
                    alreadySaved: claimed.alreadySaved
                ) { send(.jobEvent(job.id, $0)) }
                // The claim is held until the job is done, so no other pixterm takes the entry.
                withExtendedLifetime(claimed.claim) {}
            }
        case let .cancelJob(id):
            jobs.cancel(id)
        case let .loadGallery(query, offset, limit):
            loadGallery(query, offset: offset, limit: limit, send: send)
        case let .trash(item):
            background(send) { [self] in
                try await current().gallery.trash(item); return .trashed(item)
            }
        case let .restore(item):
            background(send) { [self] in
                try await current().gallery.restore(item); return .restored(item)
            }
        case let .trashAll(items):
            together(send, report: Action.trashedAll) { $0.trashAll(items) }
        case let .restoreAll(items):
            together(send, report: Action.restoredAll) { $0.restoreAll(items) }
        case let .loadSheet(paths):
            background(send) { [self] in .sheetLoaded(try await current().gallery.requestImages(ofAnyOf: paths)) }
        case let .loadLineage(entry):
            background(send) { [self] in .lineageLoaded(try await current().gallery.lineage(of: entry)) }
        case let .locateInGallery(entry, query, limit):
            locate(entry, in: query, limit: limit, send: send)
        case let .copyToClipboard(text):
            session.writeToTerminal(Clipboard.osc52(text, insideTmux: insideTmux))
        case let .openInViewer(path):
            background(send) {
                try SystemViewer.open(path, environment: ProcessInfo.processInfo.environment); return .log("opened \(path)")
            }
        case let .saveHistory(lines):
            let file = settings.paths.historyFile
            background(send) {
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file, options: .atomic)
                return nil
            }
        case let .saveGalleryViewMode(mode):
            let file = GalleryViewModeFile.url(settings.paths)
            background(send) {
                try GalleryViewModeFile.save(mode, to: file)
                return nil
            }
        case .startDemo:
            startDemo(send: send)
        case .loadSpend:
            background(send) { [self] in try await spendLoaded(current().ledger) }
        case .quit:
            let running = jobs.running
            if running > 0 { logger.info("quitting with \(running) job(s) in flight; their journal entries are finished next time") }
            session.endSession()
        }
    }

    /// Closes the HTTP clients and stops the demo simulator, for an owner that outlives the UI
    /// (the tests). The UI itself never calls it: it exits with its clients open, because paid
    /// work may be in flight, and the journal has it.
    func shutdown() async {
        let opening: Task<OpenBackend, any Error>? = lock.withLock { backend }
        var backends: [OpenBackend] = lock.withLock { retired }
        if let open = try? await opening?.value { backends.append(open) }
        for open in backends {
            await open.backend.client?.shutdown()
            await open.simulator?.shutdown()
        }
    }

    /// Today's and this month's spend in `ledger`, for the budgets on the status line.
    private func spendLoaded(_ ledger: SpendLedger) throws(GalleryError) -> Action {
        let now = Date()
        return .spendLoaded(try ledger.totals(now: now), day: LedgerDay.key(now, timeZone: ledger.timeZone))
    }

    /// Runs a job with the backend's runner as a cancellable task; without a key it fails at once.
    private func run(_ job: Job, send: @escaping @Sendable (Action) -> Void, _ work: @escaping @Sendable (JobRunner) async -> Void) {
        jobs.track(job.id) { [self] in
            do {
                let backend = try await current()
                guard let runner = backend.runner else {
                    send(.jobEvent(job.id, .failed(backend.missingKey ?? PixapiError(.missingKey, "no API key"))))
                    return
                }
                await work(runner)
            } catch {
                send(.jobEvent(job.id, .failed(PixapiError(.io, Self.message(error)))))
            }
        }
    }

    private func startDemo(send: @escaping @Sendable (Action) -> Void) {
        Task.detached { [self] in
            do {
                let demo = try await Self.openDemo(settings: settings, logger: logger, relay: relay)
                let previous = try? await lock.withLock { backend }?.value
                lock.withLock {
                    if let previous { retired.append(previous) }
                    backend = Task { demo }
                    refreshed = false
                }
                send(.demoStarted)
            } catch {
                send(.effectFailed(Self.message(error)))
            }
        }
    }

    private func loadGallery(_ galleryQuery: GalleryQuery, offset: Int, limit: Int, send: @escaping @Sendable (Action) -> Void) {
        let (query, needsRefresh): (Int, Bool) = lock.withLock {
            self.galleryQuery += 1
            defer { refreshed = true }
            return (self.galleryQuery, !refreshed)
        }
        Task.detached { [self] in
            do {
                let gallery = try await current().gallery
                if needsRefresh { try gallery.refresh() }
                let page = try gallery.page(galleryQuery, offset: offset, limit: limit)
                guard lock.withLock({ self.galleryQuery == query }) else { return }
                send(.galleryLoaded(items: page.entries, total: page.total, query: galleryQuery, offset: offset))
            } catch {
                send(.galleryFailed(Self.message(error)))
            }
        }
    }

    /// Finds where an image is for `p`, `[` or `]`. It takes a turn like a page load: a page
    /// asked for later wins, and a page asked for earlier no longer reports.
    private func locate(_ entry: GalleryEntry, in query: GalleryQuery, limit: Int, send: @escaping @Sendable (Action) -> Void) {
        let turn: Int = lock.withLock {
            galleryQuery += 1
            return galleryQuery
        }
        background(send) { [self] in
            let location = try await current().gallery.locate(entry, in: query, limit: limit)
            return lock.withLock { galleryQuery == turn } ? .galleryLocated(location) : nil
        }
    }

    /// Runs `work` off the UI thread and reports its action, or its error as `.effectFailed`.
    private func background(_ send: @escaping @Sendable (Action) -> Void, _ work: @escaping @Sendable () async throws -> Action?) {
        Task.detached {
            do {
                if let action = try await work() { send(action) }
            } catch {
                send(.effectFailed(Self.message(error)))
            }
        }
    }

    /// Trashes or restores several images off the UI thread: reports those it moved as one
    /// action (undone as one), then the first failure, if any.
    private func together(
        _ send: @escaping @Sendable (Action) -> Void, report: @escaping @Sendable ([GalleryEntry]) -> Action,
        _ work: @escaping @Sendable (GalleryBrowserSource) -> (done: [GalleryEntry], failure: (any Error)?)
    ) {
        Task.detached { [self] in
            do {
                let (done, failure) = work(try await current().gallery)
                if !done.isEmpty { send(report(done)) }
                if let failure { send(.effectFailed(Self.message(failure))) }
            } catch {
                send(.effectFailed(Self.message(error)))
            }
        }
    }

    private static func message(_ error: any Error) -> String {
        if let error = error as? PixapiError { return error.message }
        if let error = error as? GalleryError { return TerminalText.sanitized(error.message) }
        return TerminalText.sanitized("\(error)")
    }
}
