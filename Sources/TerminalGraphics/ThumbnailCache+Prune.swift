import Foundation

extension ThumbnailCache {
    /// What the UI lets the cache grow to: room for thousands of grid thumbnails (a pixel one is
    /// about 150 KB) without filling a small disk over time.
    public static let defaultByteLimit = 512 << 20

    /// Removes the entries written longest ago until the cache holds at most `limit` bytes, and
    /// returns how many it removed. Browsing a large gallery in the grid writes an entry per
    /// image and size, so without this the folder only grows. Only the cache's own `.thumb`
    /// files are counted or removed; anything else in the folder is left alone.
    @discardableResult
    public func prune(toBytes limit: Int) -> Int {
        let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey]
        guard let urls = try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles])
        else { return 0 }
        var entries: [(url: URL, bytes: Int, written: Date)] = []
        for url in urls where url.pathExtension == "thumb" {
            guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
            entries.append((url, values.fileSize ?? 0, values.contentModificationDate ?? .distantPast))
        }
        var total = entries.reduce(0) { $0 + $1.bytes }
        guard total > limit else { return 0 }
        var removed = 0
        for entry in entries.sorted(by: { $0.written < $1.written }) where total > limit {
            guard (try? FileManager.default.removeItem(at: entry.url)) != nil else { continue }
            total -= entry.bytes
            removed += 1
        }
        return removed
    }
}
