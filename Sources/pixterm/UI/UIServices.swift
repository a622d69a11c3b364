import Foundation
import Gallery
import PixapiKit
import PixapiSimulator
import PixtermCore
import TerminalUI

/// The UI's side effects: jobs, gallery queries, history, the viewer and the demo. Work runs
/// in tasks; results go back to the UI thread through `send`.
final class UIServices: AppServices, @unchecked Sendable {
    private let lock = NSLock()
    private let settings: PixtermSettings
    private var backend: JobBackend
    private var simulator: RunningSimulator?
    /// The live backend after the demo replaced it: its HTTP client must outlive the process.
    private var retired: [JobBackend] = []
    private var jobs: [UUID: Task<Void, Never>] = [:]
    /// Only the newest gallery query reports, so filter-as-you-type never shows a stale page.
    private var galleryQuery = 0
    private var refreshed = false

    init(settings: PixtermSettings, backend: JobBackend, simulator: RunningSimulator?) {
        self.settings = settings
        self.backend = backend
        self.simulator = simulator
    }

    private var current: JobBackend { lock.withLock { backend } }

    func start(send: @escaping @Sendable (Action) -> Void) {
        let backend = current
        guard let runner = backend.runner else { return }
        Task.detached { [self] in
            var resumed: [(Job, ClaimedEntry)] = []
            var unknown = 0
            for claimed in backend.journal.claimOpenEntries() {
                guard let taskID = claimed.taskID, claimed.mode == .async else { unknown += 1; continue }
                let request = claimed.request
                let cost = try? settings.prices.estimate(model: request.model, size: request.size, quality: request.quality, n: request.n)
                let job = Job(request: request, mode: claimed.mode, cost: cost, startedAt: claimed.created, taskID: taskID, isResumed: true)
                resumed.append((job, claimed))
            }
            if unknown > 0 {
                send(.log("\(unknown) journal entr\(unknown == 1 ? "y has" : "ies have") no task id (pixterm stopped before the server answered); `pixterm tasks` lists them"))
            }
            guard !resumed.isEmpty else { return }
            send(.resumed(resumed.map(\.0)))
            for (job, claimed) in resumed {
                track(job.id) {
                    await runner.resume(
                        entry: claimed.entry, request: claimed.request, mode: claimed.mode, taskID: claimed.taskID ?? "",
                        cost: job.cost, alreadySaved: claimed.alreadySaved
                    ) { send(.jobEvent(job.id, $0)) }
                    withExtendedLifetime(claimed.claim) {}
                }
            }
        }
    }

    func perform(_ effect: Effect, send: @escaping @Sendable (Action) -> Void) {
        switch effect {
        case let .startJob(job):
            guard let runner = current.runner else {
                send(.jobEvent(job.id, .failed(current.missingKey ?? PixapiError(.missingKey, "no API key"))))
                return
            }
            track(job.id) {
                await runner.run(job.request, mode: job.mode, cost: job.cost) { send(.jobEvent(job.id, $0)) }
            }
        case let .cancelJob(id):
            lock.withLock { jobs[id] }?.cancel()
        case let .loadGallery(filter, limit):
            loadGallery(filter: filter, limit: limit, send: send)
        case let .trash(item):
            background(send) { [self] in try current.gallery.trash(item); return .trashed(item) }
        case let .restore(item):
            background(send) { [self] in try current.gallery.restore(item); return .restored(item) }
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
                    lock.withLock {
                        retired.append(backend)
                        backend = demo
                        self.simulator = simulator
                        refreshed = false
                    }
                    send(.demoStarted)
                } catch {
                    send(.effectFailed("the demo could not start: \(TerminalText.sanitized("\(error)"))"))
                }
            }
        case .copyToClipboard, .quit:
            break
        }
    }

    private func loadGallery(filter: String, limit: Int, send: @escaping @Sendable (Action) -> Void) {
        let (query, gallery, needsRefresh): (Int, GalleryBrowserSource, Bool) = lock.withLock {
            galleryQuery += 1
            defer { refreshed = true }
            return (galleryQuery, backend.gallery, !refreshed)
        }
        Task.detached { [self] in
            do {
                if needsRefresh { try gallery.refresh() }
                let page = try gallery.page(filter: filter, limit: limit)
                guard lock.withLock({ galleryQuery == query }) else { return }
                send(.galleryLoaded(items: page.items, total: page.total, filter: filter))
            } catch {
                send(.galleryFailed(TerminalText.sanitized("\(error)")))
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
    private func background(_ send: @escaping @Sendable (Action) -> Void, _ work: @escaping @Sendable () throws -> Action?) {
        Task.detached {
            do {
                if let action = try work() { send(action) }
            } catch let error as PixapiError {
                send(.effectFailed(error.message))
            } catch {
                send(.effectFailed(TerminalText.sanitized("\(error)")))
            }
        }
    }
}
