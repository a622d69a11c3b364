#if canImport(Glibc)
import Glibc
#endif

/// Lets go of the code and read-only data pages that starting up touched, once the UI sits idle.
///
/// Startup runs much code only once (argument parsing, the catalog, opening and migrating the
/// databases, the first layout, the relocations the loader applies), and the kernel maps each
/// touched code page with its neighbours (64 KiB "fault-around"), so a 185 MB static binary
/// holds about 27 MiB of resident code at idle that the idle UI never runs again.
/// `MADV_DONTNEED` over a private file mapping that was never written only drops the process's
/// page table entries: the pages stay in the page cache and come back on their next use by a
/// minor fault (no disk read), with the same contents. Only mappings that are not writable and
/// hold no private (copied-on-write) page qualify: dropping a written page would revert it to
/// the file's bytes (the relocated RELRO data of every library is such a mapping).
enum StartupPages {
    /// The address ranges of `smaps` (the text of `/proc/self/smaps`) that are safe to drop: private,
    /// not writable, backed by a file, resident, and without an anonymous (written) page.
    static func releasableRanges(smaps: String) -> [Range<UInt>] {
        var ranges: [Range<UInt>] = []
        var candidate: Range<UInt>?
        var resident = false
        func close() {
            if let candidate, resident { ranges.append(candidate) }
            candidate = nil
        }
        for line in smaps.split(separator: "\n", omittingEmptySubsequences: true) {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard let first = fields.first else { continue }
            if first.contains("-" as Character), !first.hasSuffix(":") {
                close()
                candidate = mappingRange(fields)
                resident = false
            } else if candidate != nil, fields.count >= 2, let kilobytes = UInt(fields[1]) {
                if first == "Rss:" { resident = kilobytes > 0 }
                if first == "Anonymous:", kilobytes > 0 { candidate = nil }
            }
        }
        close()
        return ranges
    }

    /// The range of a mapping's header line when it is a read-only private mapping of a file.
    private static func mappingRange(_ fields: [Substring]) -> Range<UInt>? {
        guard fields.count >= 6, fields[1].count == 4, fields[1].hasSuffix("p"), !fields[1].contains("w" as Character),
            fields[5].hasPrefix("/")
        else { return nil }
        let bounds = fields[0].split(separator: "-")
        guard bounds.count == 2, let start = UInt(bounds[0], radix: 16), let end = UInt(bounds[1], radix: 16), start < end
        else { return nil }
        return start..<end
    }

    /// Drops the pages of every releasable mapping, then returns the free memory of malloc's
    /// arenas to the kernel. Returns how many bytes of mappings were advised. Does nothing where
    /// there is no `/proc` (macOS).
    @discardableResult
    static func release() -> UInt {
        #if os(Linux)
        guard let smaps = readAll("/proc/self/smaps") else { return 0 }
        var advised: UInt = 0
        for range in releasableRanges(smaps: smaps) {
            if madvise(UnsafeMutableRawPointer(bitPattern: range.lowerBound), Int(range.count), MADV_DONTNEED) == 0 {
                advised += UInt(range.count)
            }
        }
        return advised
        #else
        return 0
        #endif
    }

    #if os(Linux)
    /// A file of /proc, whose size `stat` does not tell, read to its end.
    private static func readAll(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            bytes += chunk[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
    #endif
}

/// Waits for the terminal's events like `TerminalBackend.nextEvent(timeout:)`, and the first
/// time the UI has had nothing to do for `quiet` (no key, no news from background work), lets
/// go of the pages startup touched (`StartupPages.release`) and goes on waiting. Later code
/// comes back a page at a time as the UI uses it, so what stays resident is what the UI runs.
struct StartupPagesRelease {
    /// Whether the release is still to come; false passes every wait straight through.
    private(set) var pending: Bool
    let quiet: Duration

    init(pending: Bool, quiet: Duration = .seconds(1)) {
        self.pending = pending
        self.quiet = quiet
    }

    mutating func nextEvent(from backend: any TerminalBackend, timeout: Duration?) -> TerminalInput {
        guard pending, timeout.map({ $0 > quiet }) ?? true else { return backend.nextEvent(timeout: timeout) }
        let event = backend.nextEvent(timeout: quiet)
        guard event == .timeout else { return event }
        StartupPages.release()
        pending = false
        return backend.nextEvent(timeout: timeout.map { $0 - quiet })
    }
}
