import Foundation
import Gallery
import PixapiKit
import PixtermCore
import TestSupport
import Testing
@testable import PixtermApp

/// The sheet's effects against a real gallery: a job's n images found together by its saved
/// paths, several moved to the trash in one effect, and put back in one.
@Suite struct SheetEffectTests {
    @Test func anNThreeJobsImagesAreFoundTogetherTrashedAndRestoredInOneStep() async throws {
        try await InterpreterHarness.with { harness in
            let interpreter = harness.live()
            let log = ActionLog()
            var request = InterpreterHarness.request
            request.n = 3
            let job = Job(id: UUID(), request: request, mode: .async, cost: nil, startedAt: Date())
            interpreter.perform(.startJob(job), session: RecordedSession(), send: log.send)
            try await log.waitForEnd(of: job.id)
            let saved = log.events(of: job.id).compactMap { if case let .saved(path, _) = $0 { path } else { nil } }
            #expect(saved.count == 3)

            func loadSheet(_ paths: [String]) async throws -> RequestImages? {
                let before = log.all.count
                interpreter.perform(.loadSheet(paths: paths), session: RecordedSession(), send: log.send)
                try await log.wait("the sheet's images") { $0.dropFirst(before).contains { if case .sheetLoaded = $0 { true } else { false } } }
                return log.all.dropFirst(before).compactMap { if case let .sheetLoaded(found) = $0 { found } else { nil } }.first ?? nil
            }
            let found = try #require(try await loadSheet(saved.reversed()))
            #expect(found.grouping == .request)
            #expect(found.entries.map(\.imageIndex) == [0, 1, 2])
            #expect(Set(found.entries.map(\.url.path)) == Set(saved))

            let others = Array(found.entries.dropFirst())
            interpreter.perform(.trashAll(others), session: RecordedSession(), send: log.send)
            try await log.wait("the others in the trash") { $0.contains(.trashedAll(others)) }
            #expect(others.allSatisfy { !FileManager.default.fileExists(atPath: $0.url.path) })
            #expect(try await loadSheet(saved)?.entries.map(\.id) == [found.entries[0].id])

            interpreter.perform(.restoreAll(others), session: RecordedSession(), send: log.send)
            try await log.wait("the others restored") { $0.contains(.restoredAll(others)) }
            #expect(others.allSatisfy { FileManager.default.fileExists(atPath: $0.url.path) })
            #expect(try await loadSheet(saved)?.entries.count == 3)
        }
    }
}
