import Foundation
import PixapiKit
import Testing
import TestSupport
@testable import PixtermCore

/// `update` reads the time, new ids and the home folder only from `AppEnvironment`, so the
/// same state, action and environment always give the same result.
@Suite struct UpdatePurityTests {
    let clock = TestClock()
    var environment: AppEnvironment { .testing(clock: clock) }

    func submitted(_ environment: AppEnvironment) -> (AppState, Job?) {
        var state = AppState(environment: environment, isDemo: false, hasKey: true)
        _ = state.update(.layout(promptWidth: 40, promptHeight: 4), environment: environment)
        _ = state.update(.key(.character("x")), environment: environment)
        guard case let .startJob(job) = state.update(.key(.enter), environment: environment).first else { return (state, nil) }
        return (state, job)
    }

    @Test func aJobsIdAndTimesComeFromTheEnvironment() throws {
        let environment = environment
        var (state, started) = submitted(environment)
        let job = try #require(started)
        #expect(job.id == UUID(uuidString: "00000000-0000-0000-0000-000000000001"))
        #expect(job.startedAt == AppEnvironment.testingStart)
        clock.advance(by: 42)
        _ = state.update(.jobEvent(job.id, .completed), environment: environment)
        #expect(state.jobs[0].elapsed(now: .distantFuture) == 42)
    }

    /// The retry path took `Date()` itself; now the retried job starts at the environment's time.
    @Test func aRetriedJobStartsAtTheEnvironmentsTime() throws {
        let environment = environment
        var (state, started) = submitted(environment)
        let job = try #require(started)
        _ = state.update(.jobEvent(job.id, .failed(PixapiError(.server, "HTTP 500: boom", status: 500))), environment: environment)
        clock.advance(by: 3_600)
        state.compose.focus = .jobs
        guard case let .startJob(retry) = state.update(.key(.character("r")), environment: environment).first else {
            Issue.record("no retry")
            return
        }
        #expect(retry.startedAt == AppEnvironment.testingStart + 3_600)
        #expect(retry.id == UUID(uuidString: "00000000-0000-0000-0000-000000000002"))
    }

    /// Two runs from the same start give the same jobs: nothing random or clock-driven leaks in.
    @Test func theSameActionsGiveTheSameJobs() {
        let first = submitted(.testing()).1
        let second = submitted(.testing()).1
        #expect(first != nil && first == second)
    }

    /// `~` in a typed or pasted source path is the environment's home, not the machine's.
    @Test func aTildeInASourcePathIsTheEnvironmentsHome() {
        let environment = environment
        var state = AppState(environment: environment, isDemo: false, hasKey: true)
        _ = state.update(.key(.ctrl("e")), environment: environment)
        state.compose.focus = .sources
        _ = state.update(.key(.paste("~/a.png\n~/b.png")), environment: environment)
        for char in "~/d.png" { _ = state.update(.key(.character(char)), environment: environment) }
        _ = state.update(.key(.enter), environment: environment)
        #expect(state.compose.sources == ["/home/tester/a.png", "/home/tester/b.png", "/home/tester/d.png"])
    }

    /// Quitting is one thing: the `.quit` effect, which the runtime performs.
    @Test func quittingIsTheQuitEffect() {
        var state = AppState(environment: environment, isDemo: false, hasKey: false)
        #expect(state.update(.key(.character("q")), environment: environment) == [.quit])
    }
}
