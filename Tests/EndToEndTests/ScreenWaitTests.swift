import Foundation
import Testing

/// `ScreenWait`, with scripted looks and a clock that the test moves.
@Suite struct ScreenWaitTests {
    /// Looks taken in order, each at a given time; the clock reads the time of the latest look.
    final class Script {
        var looks: [(screen: String, at: TimeInterval)]
        var taken = 0
        init(_ looks: [(String, TimeInterval)]) { self.looks = looks.map { (screen: $0.0, at: $0.1) } }
        func look() throws -> String {
            defer { taken += 1 }
            return looks[min(taken, looks.count - 1)].screen
        }
        func now() -> Date { Date(timeIntervalSince1970: looks[max(0, min(taken, looks.count) - 1)].at) }
    }

    func wait(_ script: Script, deadline: TimeInterval = 20) async throws -> String {
        try await ScreenWait(what: "the frame", deadline: Date(timeIntervalSince1970: deadline)).run(
            look: script.look, holds: { $0.contains("frame") }, now: script.now, pause: {})
    }

    @Test func aFrameConfirmedAfterTheDeadlineStillCounts() async throws {
        // The runner gave the waiting task no thread from 1 s to 25 s: the frame was there at the
        // first look after that, and at the next.
        let script = Script([("", 0.5), ("", 1), ("frame", 25), ("frame", 25.05)])
        #expect(try await wait(script) == "frame")
    }

    @Test func aScreenStillWithoutTheFrameAfterTheDeadlineFails() async throws {
        let script = Script([("", 0.5), ("frame", 19.9), ("", 20.1)])
        await #expect(throws: ScreenWait.WaitError.self) { try await wait(script) }
        #expect(script.taken == 3)
    }

    @Test func oneLookIsNotEnough() async throws {
        // A half-drawn frame that holds once, then not, then twice: the second pair is returned.
        let script = Script([("frame", 1), ("", 2), ("frame one", 3), ("frame two", 4)])
        #expect(try await wait(script) == "frame two")
    }
}
