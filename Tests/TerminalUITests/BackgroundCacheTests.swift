import Foundation
import Testing
@testable import TerminalUI

/// The cache behind previews and pixel pictures: what a screen keeps asking for stays.
@Suite struct BackgroundCacheTests {
    /// Asks for `key` and waits until its value is in.
    func fill(_ cache: BackgroundCache<String, String>, _ key: String) async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            if cache.value(for: key, ready: { done.resume() }, make: { $0.uppercased() }) != nil { done.resume() }
        }
    }

    @Test func theLeastRecentlyAskedForIsDroppedNotTheOldest() async {
        let dropped = Dropped()
        let cache = BackgroundCache<String, String>(capacity: 3) { dropped.add($0) }
        for key in ["a", "b", "c"] { await fill(cache, key) }
        // "a" is still on screen: asked for again, so "b" makes room for "d".
        #expect(cache.value(for: "a", ready: {}, make: { $0 }) == "A")
        await fill(cache, "d")
        #expect(dropped.keys == ["b"])
        #expect(cache.cached("a") == "A" && cache.cached("b") == nil)
    }
}

/// Collects the dropped keys from whichever thread drops them.
private final class Dropped: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    var keys: [String] { lock.withLock { list } }
    func add(_ key: String) { lock.withLock { list.append(key) } }
}
