import Foundation
import Gallery
import PixapiKit
import PixapiSimulator
import PixtermCore
import TerminalUI
import TestSupport
import Testing
@testable import PixtermApp

/// The composition root in-process: the interpreter the UI gets, against the simulator on
/// loopback, with a real gallery and journal in a temporary folder.
@Suite struct EffectInterpreterTests {
    @Test func aJobRunsToTheGalleryAndIsForgottenWhenDone() async throws {
        try await InterpreterHarness.with { harness in
            let interpreter = harness.live()
            let log = ActionLog()
            let job = InterpreterHarness.job()
            interpreter.perform(.startJob(job), session: RecordedSession(), send: log.send)
            try await log.waitForEnd(of: job.id)
            let events = log.events(of: job.id)
            #expect(events.last == .completed)
            let saved = events.compactMap { if case let .saved(path, _) = $0 { path } else { nil } }
            #expect(saved.count == 1 && saved.allSatisfy { $0.hasPrefix(harness.settings.gallery.path) })
            #expect(try JobBackend.openJournal(settings: harness.settings).openEntries().isEmpty)
            try await waitUntil("the registry forgets the job") { interpreter.jobs.running == 0 }
        }
    }

    @Test func cancellingAJobStopsItsTaskAndForgetsIt() async throws {
        try await InterpreterHarness.with(taskDuration: .seconds(60)) { harness in
            let interpreter = harness.live()
            let log = ActionLog()
            let job = InterpreterHarness.job(.async)
            interpreter.perform(.startJob(job), session: RecordedSession(), send: log.send)
            try await log.wait("the task to be submitted") { _ in log.events(of: job.id).contains { if case .submitted = $0 { true } else { false } } }
            #expect(interpreter.jobs.running == 1)
            interpreter.perform(.cancelJob(job.id), session: RecordedSession(), send: log.send)
            try await log.waitForEnd(of: job.id)
            #expect(log.events(of: job.id).last == .cancelled)
            try await waitUntil("the registry forgets the cancelled job") { interpreter.jobs.running == 0 }
        }
    }

    /// Without a key a job fails at once, inside `track`: it must still be forgotten, so its
    /// removal cannot run before its registration. Many at once, from many threads.
    @Test func jobsThatEndAtOnceAreForgottenEvenWhenStartedTogether() async throws {
        try await InterpreterHarness.with(key: nil) { harness in
            let interpreter = harness.live()
            let log = ActionLog()
            let jobs = (0..<50).map { _ in InterpreterHarness.job() }
            await withTaskGroup(of: Void.self) { group in
                for job in jobs {
                    group.addTask { interpreter.perform(.startJob(job), session: RecordedSession(), send: log.send) }
                }
            }
            for job in jobs { try await log.waitForEnd(of: job.id) }
            #expect(
                jobs.allSatisfy { job in
                    if case let .failed(error) = log.events(of: job.id).last { error.kind == .missingKey } else { false }
                })
            try await waitUntil("every job is forgotten") { interpreter.jobs.running == 0 }
        }
    }

    /// Filter-as-you-type: queries sent before the gallery opened all finish together, and
    /// only the newest one may report, so a stale page never replaces a fresh one.
    @Test func onlyTheNewestGalleryQueryReports() async throws {
        try await InterpreterHarness.with { harness in
            let (opened, open) = AsyncStream<Void>.makeStream()
            let settings = harness.settings
            let interpreter = harness.kept(
                EffectInterpreter(settings: settings, insideTmux: false, logger: .disabled, relay: ActionRelay()) {
                    for await _ in opened { break }
                    return try JobBackend.live(settings: settings)
                })
            let log = ActionLog()
            for filter in ["l", "li", "lig", ""] {
                interpreter.perform(.loadGallery(GalleryQuery(text: filter), offset: 0, limit: 10), session: RecordedSession(), send: log.send)
            }
            open.yield()
            try await log.wait("the newest page") { $0.contains { if case .galleryLoaded = $0 { true } else { false } } }
            try await Task.sleep(for: .milliseconds(300))
            let pages = log.all.compactMap { if case let .galleryLoaded(_, _, query, _) = $0 { query.text } else { nil } }
            #expect(pages == [""], "the three stale queries stay silent")
        }
    }

    /// The UI's client reports its retries, and they land in the session log (Ctrl+L).
    @Test func retriesReachTheSessionLog() async throws {
        try await InterpreterHarness.with { harness in
            await harness.simulator.schedule(Fault.status(503))
            let interpreter = harness.live()
            let log = ActionLog()
            interpreter.start(send: log.send)
            let job = InterpreterHarness.job()
            interpreter.perform(.startJob(job), session: RecordedSession(), send: log.send)
            try await log.waitForEnd(of: job.id)
            #expect(log.events(of: job.id).last == .completed, "the retry succeeded")

            let environment = AppEnvironment.testing()
            var state = AppState(environment: environment, isDemo: false, hasKey: true)
            for action in log.all { _ = state.update(action, environment: environment) }
            let retries = state.log.filter { $0.hasPrefix("retry 1 in ") }
            #expect(retries.count == 1)
            #expect(retries.first?.contains("503") == true, "says why: \(retries)")
        }
    }

    /// A task left by an earlier run: `start` hands the claimed entry to `update`, whose
    /// `.resumeJob` effect the interpreter runs to the end, holding the claim meanwhile.
    @Test func aTaskLeftByAnEarlierRunIsResumedThroughUpdate() async throws {
        try await InterpreterHarness.with { harness in
            let client = PixapiClient(configuration: try harness.settings.clientConfiguration())
            let entry: String
            do {
                let journal = try JobBackend.openJournal(settings: harness.settings)
                entry = try journal.open(
                    request: InterpreterHarness.request, mode: .async, baseURL: harness.simulator.baseURL, cost: 6, idempotencyKey: "key-1"
                )
                try journal.recordTaskID(try await client.submitTask(InterpreterHarness.request).id, entry: entry)
            }  // the earlier process ends here
            await client.shutdown()

            let interpreter = harness.live()
            let log = ActionLog()
            interpreter.start(send: log.send)
            try await log.wait("the resume plan") { $0.contains { if case .resume = $0 { true } else { false } } }
            guard case let .resume(plan) = log.all.first(where: { if case .resume = $0 { true } else { false } }) else { return }
            #expect(plan.resumable.map(\.claimed.entry) == [entry])
            #expect(try JobBackend.openJournal(settings: harness.settings).claim(entry) == nil, "held by the interpreter")

            let environment = AppEnvironment.testing()
            var state = AppState(environment: environment, isDemo: false, hasKey: true)
            let effects = state.update(.resume(plan), environment: environment)
            #expect(effects.count == 1)
            for effect in effects { interpreter.perform(effect, session: RecordedSession(), send: log.send) }
            let job = try #require(state.jobs.first)
            try await log.waitForEnd(of: job.id)
            #expect(log.events(of: job.id).last == .completed)
            #expect(try JobBackend.openJournal(settings: harness.settings).openEntries().isEmpty)
            let submits = await harness.simulator.receivedRequests().filter { $0.method == "POST" }
            #expect(submits.count == 1, "the task is polled, never submitted again")
        }
    }

    @Test func theClipboardAndQuittingActOnTheSession() async throws {
        try await InterpreterHarness.with { harness in
            let session = RecordedSession()
            let log = ActionLog()
            harness.live(insideTmux: true).perform(.copyToClipboard("/g/a.png"), session: session, send: log.send)
            #expect(session.written == Clipboard.osc52("/g/a.png", insideTmux: true))
            #expect(!session.hasEnded)
            harness.live().perform(.quit, session: session, send: log.send)
            #expect(session.hasEnded)
            #expect(log.all.isEmpty)
        }
    }

    /// The demo replaces the backend under the lock: later jobs go to its simulator and gallery.
    @Test func theDemoTakesOverTheBackend() async throws {
        try await InterpreterHarness.with(key: nil) { harness in
            let interpreter = harness.live()
            let log = ActionLog()
            interpreter.perform(.startDemo, session: RecordedSession(), send: log.send)
            try await log.wait("the demo") { $0.contains(.demoStarted) || $0.contains { if case .effectFailed = $0 { true } else { false } } }
            #expect(log.all.contains(.demoStarted))
            let job = InterpreterHarness.job()
            interpreter.perform(.startJob(job), session: RecordedSession(), send: log.send)
            try await log.waitForEnd(of: job.id)
            #expect(log.events(of: job.id).last == .completed)
            let demoGallery = harness.settings.paths.dataDirectory.appendingPathComponent("demo/gallery").path
            let saved = log.events(of: job.id).compactMap { if case let .saved(path, _) = $0 { path } else { nil } }
            #expect(saved.count == 1 && saved.allSatisfy { $0.hasPrefix(demoGallery) })
        }
    }
}

/// Waits until `condition` holds, checking every 20 ms, for at most 90 s (see `ActionLog.wait`).
func waitUntil(_ what: String, _ condition: () -> Bool) async throws {
    let deadline = ContinuousClock.now + .seconds(90)
    while !condition() {
        guard ContinuousClock.now < deadline else { throw HarnessTimeout(what: what, actions: []) }
        try await Task.sleep(for: .milliseconds(20))
    }
}
