import Foundation
import Gallery
import PixapiKit
import PixapiSimulator
import PixtermApp
import PixtermCore
import TerminalUI

/// The UI's side effects: jobs, gallery queries, history, the viewer and the demo. Work runs
/// in tasks; results go back to the UI thread through `send`.
///
/// The backend opens in the background (a gallery without an index is rebuilt on open, which
/// takes seconds at 100,000 images), so the first frame never waits for it.
final class UIServices: AppServices, @unchecked Sendable {
    private let lock = NSLock()
    private let settings: PixtermSettings
    private var backend: Task<JobBackend, any Error>
    private var simulator: RunningSimulator?
    /// The live backend after the demo replaced it: its HTTP client must outlive the process.
    private var retired: [JobBackend] = []
    private var jobs: [UUID: Task<Void, Never>] = [:]
    /// Only the newest gallery query reports, so filter-as-you-type never shows a stale page.
    private var galleryQuery = 0
    private var refreshed = false

    init(settings: PixtermSettings, backend: @escaping @Sendable () async throws -> JobBackend, simulator: RunningSimulator?) {
        self.settings = settings
        self.backend = Task.detached { try await backend() }
        self.simulator = simulator
    }

    /// The backend once open; its failure (an unwritable gallery, say) is what the action reports.
    private func current() async throws -> JobBackend {
        try await lock.withLock { backend }.value
    }

    func start(send: @escaping @Sendable (Action) -> Void) {
        Task.detached { [self] in
            let backend: JobBackend
            do { backend = try await current() } catch {
                send(.effectFailed(Self.message(error)))
                return
            }
            guard let runner = backend.runner else { return }
            let plan = ResumePlan(backend.journal.claimOpenEntries(), baseURL: runner.baseURL, prices: settings.prices)
            for claimed in plan.elsewhere {
                send(.log("task \(claimed.entry) was sent to \(claimed.baseURL); finish it with `pixterm tasks resume --base-url \(claimed.baseURL)`"))
            }
            // Entries that may have been charged are listed as stopped jobs, to retry knowingly
            // (only against the server they were sent to) or leave.
            let kept = (plan.unknownOutcome.map { ($0, KeptReason.outcomeUnknown) } + plan.notDownloaded.map { ($0, KeptReason.paidNotDownloaded) })
                .filter { ResumePlan.isSameServer($0.0.baseURL, runner.baseURL) }
                .map { Job.keptInJournal($0.0, id: UUID(), reason: $0.1, cost: ResumePlan.cost(of: $0.0.request, prices: settings.prices)) }
            let resumed = plan.resumable.map { item in
                (Job(id: UUID(), request: item.claimed.request, mode: item.claimed.mode, cost: item.cost, startedAt: item.claimed.created, taskID: item.taskID, isResumed: true), item)
            }
            guard !resumed.isEmpty || !kept.isEmpty else { return }
            send(.resumed(kept + resumed.map(\.0)))
            for (job, item) in resumed {
                let claimed = item.claimed
                track(job.id) {
                    await runner.resume(
                        entry: claimed.journalRef, request: claimed.request, mode: claimed.mode, taskID: item.taskID,
                        cost: item.cost, alreadySaved: claimed.alreadySaved
                    ) { send(.jobEvent(job.id, $0)) }
                    withExtendedLifetime(claimed.claim) {}
                }
            }
        }
    }

    func perform(_ effect: Effect, send: @escaping @Sendable (Action) -> Void) {
        switch effect {
        case let .startJob(job):
            track(job.id) { [self] in
                do {
                    let backend = try await current()
                    guard let runner = backend.runner else {
                        send(.jobEvent(job.id, .failed(backend.missingKey ?? PixapiError(.missingKey, "no API key"))))
                        return
                    }
                    if let entry = job.retrying {
                        await runner.retry(entry, request: job.request, mode: job.mode, cost: job.cost) { send(.jobEvent(job.id, $0)) }
                    } else {
                        await runner.run(job.request, mode: job.mode, cost: job.cost) { send(.jobEvent(job.id, $0)) }
                    }
                } catch {
                    send(.jobEvent(job.id, .failed(PixapiError(.io, Self.message(error)))))
                }
            }
        case let .cancelJob(id):
            lock.withLock { jobs[id] }?.cancel()
        case let .loadGallery(filter, limit):
            loadGallery(filter: filter, limit: limit, send: send)
        case let .trash(item):
            background(send) { [self] in try await current().gallery.trash(item); return .trashed(item) }
        case let .restore(item):
            background(send) { [self] in try await current().gallery.restore(item); return .restored(item) }
        case let .openInViewer(path):
            background(send) { try SystemViewer.open(path, environment: ProcessInfo.processInfo.environment); return .log("opened \(path)") }
        case let .saveHistory(lines):
            let file = settings.paths.historyFile
            background(send) {
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file, options: .atomic)
                return nil
            }
        case .startDemo:
            Task.detached { [self] in
                do {
                    let (demo, simulator) = try await JobBackend.demo(settings: settings)
                    let previous = try? await current()
                    lock.withLock {
                        if let previous { retired.append(previous) }
                        backend = Task { demo }
                        self.simulator = simulator
                        refreshed = false
                    }
                    send(.demoStarted)
                } catch {
                    send(.effectFailed("the demo could not start: \(Self.message(error))"))
                }
            }
        case .copyToClipboard, .quit:
            break
        }
    }

    private func loadGallery(filter: String, limit: Int, send: @escaping @Sendable (Action) -> Void) {
        let (query, needsRefresh): (Int, Bool) = lock.withLock {
            galleryQuery += 1
            defer { refreshed = true }
            return (galleryQuery, !refreshed)
        }
        Task.detached { [self] in
            do {
                let gallery = try await current().gallery
                if needsRefresh { try gallery.refresh() }
                let page = try gallery.page(filter: filter, limit: limit)
                guard lock.withLock({ galleryQuery == query }) else { return }
                send(.galleryLoaded(items: page.items, total: page.total, filter: filter))
            } catch {
                send(.galleryFailed(Self.message(error)))
            }
        }
    }

    /// Runs a job's work as a cancellable task, forgotten when it ends.
    private func track(_ id: UUID, _ work: @escaping @Sendable () async -> Void) {
        // Registered under the lock, so the task's own removal cannot run before it.
        lock.withLock {
            jobs[id] = Task.detached { [self] in
                await work()
                _ = lock.withLock { jobs.removeValue(forKey: id) }
            }
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

    private static func message(_ error: any Error) -> String {
        if let error = error as? PixapiError { return error.message }
        if let error = error as? GalleryError { return TerminalText.sanitized(error.message) }
        return TerminalText.sanitized("\(error)")
    }
}
