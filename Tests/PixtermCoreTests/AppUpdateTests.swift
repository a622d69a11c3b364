import Foundation
import Gallery
import PixapiKit
import TestSupport
import Testing
@testable import PixtermCore

@Suite struct AppUpdateTests {
    let environment = AppEnvironment.testing(maxCredits: 100, keyHelp: "PIXAPI_KEY")

    func makeState(hasKey: Bool = true) -> AppState {
        var state = AppState(environment: environment, isDemo: false, hasKey: hasKey)
        _ = state.update(.layout(promptWidth: 60, promptHeight: 5), environment: environment)
        return state
    }

    func type(_ text: String, into state: inout AppState) {
        for char in text { _ = state.update(.key(.character(char)), environment: environment) }
    }

    @Test func typingAndSubmittingStartsAJobWithTheComposedRequest() throws {
        var state = makeState()
        type("一只猫 🐈 in space", into: &state)
        _ = state.update(.key(.tab), environment: environment)  // model
        _ = state.update(.key(.tab), environment: environment)  // size
        _ = state.update(.key(.right), environment: environment)  // auto -> 1024x1024
        _ = state.update(.key(.right), environment: environment)  // -> 1536x1024
        let effects = state.update(.key(.enter), environment: environment)
        guard case let .startJob(job) = effects.first else { Issue.record("no job started: \(effects)"); return }
        #expect(job.request.prompt == "一只猫 🐈 in space")
        #expect(job.request.size == .pixels(width: 1536, height: 1024))
        #expect(job.mode == .async)
        #expect(job.cost?.costCredits == 14)
        #expect(effects.contains { if case .saveHistory = $0 { true } else { false } })
        #expect(state.compose.input.editor.isEmpty)
        #expect(state.jobs.count == 1)
    }

    @Test func emptyPromptIsRefusedWithAMessageAndNothingSent() {
        var state = makeState()
        type("   ", into: &state)
        let effects = state.update(.key(.enter), environment: environment)
        #expect(effects.isEmpty)
        #expect(state.message?.kind == .error)
        #expect(state.message?.text.contains("empty") == true)
        #expect(state.compose.input.editor.text == "   ")
    }

    @Test func newlineKeysInsertAndNeverSubmit() {
        var state = makeState()
        type("a", into: &state)
        #expect(state.update(.key(.newline), environment: environment).isEmpty)
        #expect(state.update(.key(.paste("b\nc\r\nd")), environment: environment).isEmpty)
        #expect(state.compose.input.editor.text == "a\nb\nc\nd")
        #expect(state.jobs.isEmpty)
    }

    @Test func invalidCustomSizeBlocksSubmitAndExplains() {
        var state = makeState()
        type("cat", into: &state)
        state.compose.focus = .picker(.size)
        _ = state.update(.key(.left), environment: environment)  // wraps to "custom…"
        #expect(state.compose.settings.label(for: .size) == "custom…")
        type("1000x1000", into: &state)
        let preview = state.costPreview(environment)
        #expect(preview.estimate == nil)
        if case let .invalid(reason) = preview.status {
            #expect(reason.contains("Nearest valid: 1008x1008 or 992x992"))
        } else {
            Issue.record("1000x1000 should not be priced, got \(preview.status)")
        }
        #expect(state.update(.key(.enter), environment: environment).isEmpty)
        #expect(state.message?.kind == .error)
        #expect(state.compose.focus == .picker(.size))
        for _ in 0..<9 { _ = state.update(.key(.backspace), environment: environment) }
        type("1008x1008", into: &state)
        #expect(state.costPreview(environment).estimate?.costCredits == 14)
    }

    @Test func costPreviewFollowsEveryPick() {
        var state = makeState()
        state.compose.focus = .picker(.size)
        var seen: [Int] = []
        for _ in 0..<5 {
            _ = state.update(.key(.right), environment: environment)
            seen.append(state.costPreview(environment).estimate?.costCredits ?? -1)
        }
        // 1024x1024, 1536x1024, 1024x1536 (1K, auto=high 14), 2048x2048, 2048x1152 (2K, 67).
        #expect(seen == [14, 14, 14, 67, 67])
        state.compose.focus = .picker(.quality)
        _ = state.update(.key(.left), environment: environment)  // auto -> high
        _ = state.update(.key(.left), environment: environment)  // high -> medium
        #expect(state.costPreview(environment).estimate?.costCredits == 17)
        state.compose.focus = .picker(.n)
        _ = state.update(.key(.character("3")), environment: environment)
        #expect(state.costPreview(environment).estimate?.costCredits == 51)
    }

    @Test func switchingModelPullsSettingsIntoWhatItAccepts() {
        var state = makeState()
        state.compose.settings.size = .listed(.pixels(width: 3840, height: 2160))
        state.compose.settings.selectModel("gpt-image-1.5", in: environment.catalog)
        #expect(state.compose.settings.size == .listed(.pixels(width: 1536, height: 1024)))
        let offered = state.compose.settings.options(for: .size, in: environment.catalog).map(\.label)
        #expect(offered == ["auto", "1024x1024", "1536x1024", "1024x1536"])
        #expect(state.costPreview(environment).estimate?.estimate == true)
    }

    @Test func spendingAboveTheThresholdAsksFirst() {
        var state = makeState()
        type("big", into: &state)
        state.compose.settings.size = .listed(.pixels(width: 3840, height: 2160))
        state.compose.settings.n = 2
        #expect(state.update(.key(.enter), environment: environment).isEmpty)
        #expect(state.overlay == .confirm(.spend(credits: 266, threshold: 100)))
        #expect(state.update(.key(.character("x")), environment: environment).isEmpty)
        let effects = state.update(.key(.character("y")), environment: environment)
        #expect(effects.contains { if case .startJob = $0 { true } else { false } })
        #expect(state.overlay == nil)
    }

    @Test func ctrlCTwiceQuitsAndEscapeNeverDoes() {
        var state = makeState()
        let escapes = (0..<5).map { _ in state.update(.key(.escape), environment: environment) }
        #expect(escapes.allSatisfy { $0.isEmpty })
        #expect(!escapes.joined().contains(.quit))
        #expect(state.update(.key(.ctrl("c")), environment: environment).isEmpty)
        #expect(state.message?.text.contains("Ctrl+C again") == true)
        #expect(state.update(.key(.ctrl("c")), environment: environment) == [.quit])
    }

    @Test func quittingWithPaidJobsRunningAsks() {
        var state = makeState()
        type("x", into: &state)
        _ = state.update(.key(.enter), environment: environment)
        state.compose.focus = .jobs
        #expect(state.update(.key(.character("q")), environment: environment).isEmpty)
        #expect(state.overlay == .confirm(.quit(runningJobs: 1)))
        #expect(state.update(.key(.character("n")), environment: environment).isEmpty)
        #expect(state.overlay == nil)
        _ = state.update(.key(.ctrl("c")), environment: environment)
        _ = state.update(.key(.ctrl("c")), environment: environment)
        #expect(state.update(.key(.character("y")), environment: environment) == [.quit])
    }

    @Test func jobEventsDriveTheJobAndLateEventsAreIgnored() throws {
        var state = makeState()
        type("x", into: &state)
        guard case let .startJob(job) = state.update(.key(.enter), environment: environment).first else { Issue.record("no job"); return }
        _ = state.update(.jobEvent(job.id, .submitted(taskID: "task_1")), environment: environment)
        _ = state.update(.jobEvent(job.id, .progress(status: "in_progress", percent: 40)), environment: environment)
        #expect(state.jobs[0].stateLabel == "in progress")
        #expect(state.jobs[0].progress == 40)
        _ = state.update(.jobEvent(job.id, .saved(path: "/g/a.png", total: 1)), environment: environment)
        _ = state.update(.jobEvent(job.id, .completed), environment: environment)
        _ = state.update(.jobEvent(job.id, .progress(status: "late", percent: 10)), environment: environment)
        #expect(state.jobs[0].state == .completed)
        #expect(state.jobs[0].savedPaths == ["/g/a.png"])
        #expect(state.runningJobs == 0)
    }

    @Test func failedJobCanBeRetried() {
        var state = makeState()
        type("x", into: &state)
        guard case let .startJob(job) = state.update(.key(.enter), environment: environment).first else { Issue.record("no job"); return }
        _ = state.update(.jobEvent(job.id, .failed(PixapiError(.server, "HTTP 500: boom", status: 500))), environment: environment)
        #expect(state.message?.kind == .error)
        state.compose.focus = .jobs
        let effects = state.update(.key(.character("r")), environment: environment)
        guard case let .startJob(retry) = effects.first else { Issue.record("no retry"); return }
        #expect(retry.request == job.request)
        #expect(retry.id != job.id)
    }

    @Test func aJobThatMayHaveBeenChargedAsksWithTheCostBeforeItIsRetriedUnderTheSameKey() throws {
        var state = makeState()
        type("x", into: &state)
        guard case let .startJob(job) = state.update(.key(.enter), environment: environment).first else { Issue.record("no job"); return }
        let entry = JournalRef(entry: "1796-abc", idempotencyKey: "pixterm-key-1")
        _ = state.update(.jobEvent(job.id, .recorded(entry)), environment: environment)
        _ = state.update(.jobEvent(job.id, .kept(.outcomeUnknown)), environment: environment)
        let lost = PixapiError(.unknownOutcome, "outcome unknown: the answer was lost, so it may have been charged")
        _ = state.update(.jobEvent(job.id, .failed(lost)), environment: environment)
        #expect(state.jobs[0].stateLabel == "outcome unknown")
        #expect(state.message?.text.hasPrefix("outcome unknown: may have been charged") == true, "\(String(describing: state.message))")
        let credits = try #require(job.cost?.costCredits)

        state.compose.focus = .jobs
        #expect(state.update(.key(.character("r")), environment: environment).isEmpty, "nothing is sent before the answer")
        #expect(state.overlay == .confirm(.retryKept(job: job.id, reason: .outcomeUnknown, credits: credits)))
        #expect(state.update(.key(.character("n")), environment: environment).isEmpty)
        #expect(state.overlay == nil && state.jobs.count == 1)

        _ = state.update(.key(.character("r")), environment: environment)
        let effects = state.update(.key(.character("y")), environment: environment)
        guard case let .startJob(retry) = effects.first else { Issue.record("no retry: \(effects)"); return }
        #expect(retry.retrying == entry, "the same journal entry, so the same Idempotency-Key")
        #expect(retry.request == job.request && retry.id != job.id)

        state.selectedJob = 0
        #expect(state.update(.key(.character("r")), environment: environment).isEmpty, "one entry is never sent twice at once")
        #expect(state.overlay == nil && state.jobs.count == 2)
    }

    @Test func anOrdinaryFailureIsRetriedAsANewRequestWithoutAsking() {
        var state = makeState()
        type("x", into: &state)
        guard case let .startJob(job) = state.update(.key(.enter), environment: environment).first else { Issue.record("no job"); return }
        _ = state.update(.jobEvent(job.id, .recorded(JournalRef(entry: "e", idempotencyKey: "k"))), environment: environment)
        _ = state.update(.jobEvent(job.id, .failed(PixapiError(.insufficientCredits, "not enough credits"))), environment: environment)
        state.compose.focus = .jobs
        guard case let .startJob(retry) = state.update(.key(.character("r")), environment: environment).first else { Issue.record("no retry"); return }
        #expect(retry.retrying == nil, "the refused entry is gone; a new one with a new key")
        #expect(state.overlay == nil)
    }

    @Test func anAcceptedTaskThatStoppedIsNotSentAgainByRetry() {
        var state = makeState()
        state.compose.settings.submitMode = .async
        type("x", into: &state)
        guard case let .startJob(job) = state.update(.key(.enter), environment: environment).first else { Issue.record("no job"); return }
        _ = state.update(.jobEvent(job.id, .recorded(JournalRef(entry: "e", idempotencyKey: "k"))), environment: environment)
        _ = state.update(.jobEvent(job.id, .submitted(taskID: "task_1")), environment: environment)
        _ = state.update(.jobEvent(job.id, .failed(PixapiError(.timeout, "task task_1 is still running after 1800 s"))), environment: environment)
        state.compose.focus = .jobs
        #expect(state.update(.key(.character("r")), environment: environment).isEmpty, "a second paid request for a task already accepted")
        #expect(state.jobs.count == 1)
        #expect(state.message?.text.contains("pixterm tasks resume") == true, "\(String(describing: state.message))")
    }

    @Test func aTaskThatFailedIsRetriedAsANewRequest() {
        var state = makeState()
        state.compose.settings.submitMode = .async
        type("x", into: &state)
        guard case let .startJob(job) = state.update(.key(.enter), environment: environment).first else { Issue.record("no job"); return }
        _ = state.update(.jobEvent(job.id, .submitted(taskID: "task_1")), environment: environment)
        _ = state.update(.jobEvent(job.id, .failed(PixapiError(.taskFailed, "task task_1 failed: upstream error"))), environment: environment)
        state.compose.focus = .jobs
        guard case .startJob = state.update(.key(.character("r")), environment: environment).first else { Issue.record("no retry"); return }
        #expect(state.jobs.count == 2)
    }

    @Test func galleryFilterReuseAndDelete() {
        var state = makeState()
        #expect(state.update(.key(.ctrl("o")), environment: environment) == [.loadGallery(GalleryQuery(text: ""), offset: 0, limit: AppState.galleryPageSize)])
        let request = ImageRequest(model: "gpt-image-2", prompt: "a red fox", size: .pixels(width: 2048, height: 1152), quality: .medium, n: 2)
        let item = GalleryEntry.testing(
            id: "1", path: "/g/fox.png", prompt: "a red fox", model: "gpt-image-2", size: "2048x1152", quality: "medium", created: Date(), credits: 17,
            request: request
        )
        _ = state.update(.galleryLoaded(items: [item], total: 1, query: GalleryQuery(), offset: 0), environment: environment)
        _ = state.update(.key(.character("/")), environment: environment)
        #expect(state.update(.key(.character("f")), environment: environment) == [.loadGallery(GalleryQuery(text: "f"), offset: 0, limit: AppState.galleryPageSize)])
        _ = state.update(.key(.escape), environment: environment)
        #expect(state.gallery.filterDraft == nil)
        #expect(state.update(.key(.character("d")), environment: environment) == [.trash(item)])
        _ = state.update(.key(.character("r")), environment: environment)
        #expect(state.screen == .compose)
        #expect(state.compose.input.editor.text == "a red fox")
        #expect(state.compose.settings.size == .listed(.pixels(width: 2048, height: 1152)))
        #expect(state.compose.settings.quality == .medium)
        #expect(state.compose.settings.n == 2)
        _ = state.update(.key(.ctrl("o")), environment: environment)
        _ = state.update(.key(.character("e")), environment: environment)
        #expect(state.compose.operation == .edit)
        #expect(state.compose.sources == ["/g/fox.png"])
    }

    @Test func firstRunOffersTheDemo() {
        var state = makeState(hasKey: false)
        #expect(state.overlay == .firstRun)
        #expect(state.update(.key(.character("d")), environment: environment) == [.startDemo])
        _ = state.update(.demoStarted, environment: environment)
        #expect(state.isDemo)
        #expect(state.overlay == nil)
    }

    @Test func pastedPathsBecomeSources() {
        var state = makeState()
        _ = state.update(.key(.ctrl("e")), environment: environment)
        state.compose.focus = .sources
        _ = state.update(.key(.paste("/a/one.png\n'/b/two words.png'\nfile:///c/three.png")), environment: environment)
        #expect(state.compose.sources == ["/a/one.png", "/b/two words.png", "/c/three.png"])
        #expect(PathList.parse("/x/a\\ b.png /y/c.png", home: environment.home) == ["/x/a b.png", "/y/c.png"])
    }
}
