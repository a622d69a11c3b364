import Foundation
@testable import Gallery
import PixapiKit
import TestSupport
import Testing

@Suite struct ConcurrencyTests {
    @Test func twoStoresOnOneFolderSaveRefreshAndRebuildAtOnce() throws {
        let fixture = try GalleryFixture()
        let second = try GalleryStore(folder: fixture.folder)
        let stores = [fixture.store, second]
        let perWorker = 15
        let names = ["alpha", "bravo", "charlie", "delta"]
        let failures = EventCounter()
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            let store = stores[worker % 2]
            for item in 0..<perWorker {
                do {
                    try fixture.save("worker \(names[worker]) item \(item)", created: day(Double(item)), index: 0, in: store)
                    if item.isMultiple(of: 5) { try stores[(worker + 1) % 2].refresh() }
                    if worker == 3, item == 7 { try store.rebuild() }
                } catch {
                    failures.add("\(error)")
                }
            }
        }
        #expect(failures.messages.isEmpty)
        let total = 4 * perWorker
        // A rebuild racing a save may miss its row; the next refresh notices the folder changed.
        try second.refresh()
        #expect(try fixture.store.page(limit: 1).total == total)
        #expect(try second.page(limit: 1).total == total)
        #expect(try second.page(GalleryQuery(text: "worker charlie"), limit: 100).total == perWorker)
        try fixture.store.rebuild()
        #expect(try second.page(limit: 1).total == total)
        #expect(fixture.files().count == 2 * total)
    }
}

extension ConcurrencyTests {
    @Test func storesOpeningANewGalleryAtOnceAllSucceedAndShareOneIndex() throws {
        for round in 0..<30 {
            let root = try TemporaryDirectory("pixterm-open")
            defer { root.remove() }
            let folder = root.file("gallery")  // not there yet: the stores race to create it
            let failures = EventCounter()
            let opened = EventCounter()
            DispatchQueue.concurrentPerform(iterations: 4) { worker in
                do {
                    let store = try GalleryStore(folder: folder)
                    let record = ResultRecord(
                        request: ImageRequest(model: "gpt-image-2", prompt: "opener \(worker)", size: .auto, quality: .low, n: 1), index: 0,
                        mode: .sync, taskID: nil, revisedPrompt: nil, creditsPerImage: 1, requestCost: 1, created: day(1)
                    )
                    try store.save(imageAt: try GalleryFixture.staged(in: store), record: record)
                    opened.add("\(worker)")
                } catch {
                    failures.add("round \(round), worker \(worker): \(error)")
                }
            }
            #expect(failures.messages.isEmpty)
            #expect(opened.messages.count == 4)
            #expect(try GalleryStore(folder: folder).page(GalleryQuery(text: "opener"), limit: 10).total == 4)
        }
    }
}

final class EventCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []

    func add(_ message: String) { lock.withLock { stored.append(message) } }
    var messages: [String] { lock.withLock { stored } }
}
