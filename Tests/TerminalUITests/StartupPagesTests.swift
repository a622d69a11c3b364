import Foundation
import Testing
@testable import TerminalUI

/// Letting go of the pages startup touched: only never-written, read-only file mappings, and
/// only once the UI has sat idle.
@Suite struct StartupPagesTests {
    static let smaps = """
        55a2a9e89000-55a2acceb000 r-xp 00000000 fd:00 131 /usr/local/bin/pixterm
        Size:              47496 kB
        Rss:               26940 kB
        Anonymous:             0 kB
        VmFlags: rd ex mr mw me
        55a2acceb000-55a2ace24000 r--p 02e61000 fd:00 131 /usr/local/bin/pixterm
        Rss:                1252 kB
        Anonymous:          1252 kB
        55a2ace24000-55a2af372000 rw-p 02f9a000 fd:00 131 /usr/local/bin/pixterm
        Rss:                3740 kB
        Anonymous:           460 kB
        55a2af372000-55a2af4d7000 rw-p 00000000 00:00 0
        Rss:                 556 kB
        Anonymous:           556 kB
        7fc567c00000-7fc567c99000 r--p 00000000 fd:00 77 /usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30
        Rss:                 612 kB
        Anonymous:             0 kB
        7fc567c99000-7fc567d9a000 r-xp 00099000 fd:00 77 /usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30
        Rss:                   0 kB
        Anonymous:             0 kB
        7fc567e09000-7fc567e0a000 ---p 00209000 fd:00 77 /usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30
        Rss:                   0 kB
        Anonymous:             0 kB
        7fc5641c7000-7fc5641cf000 rw-s 00000000 fd:00 90 /home/u/.local/share/pixterm/journal/ledger.sqlite-shm
        Rss:                  32 kB
        Anonymous:             0 kB
        7fc5641d1000-7fc5641d8000 r--s 00000000 fd:00 91 /usr/lib/x86_64-linux-gnu/gconv/gconv-modules.cache
        Rss:                  28 kB
        Anonymous:             0 kB
        7fc5681af000-7fc5681b1000 r-xp 00000000 00:00 0 [vdso]
        Rss:                   4 kB
        Anonymous:             0 kB
        7fc5681b2000-7fc5681d8000 r-xp 00001000 fd:00 80 /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
        Rss:                 152 kB
        Anonymous:             4 kB
        7fc5681d8000-7fc5681e2000 r--p 00027000 fd:00 80 /usr/lib/x86_64-linux-gnu/libz.so (deleted)
        Rss:                  40 kB
        Anonymous:             0 kB
        """

    /// The binary's code and a library's read-only data go; written (relocated) pages, writable,
    /// shared and anonymous mappings, the vDSO, and mappings with nothing resident stay.
    @Test func onlyResidentReadOnlyPrivateFileMappingsWithoutWrittenPagesAreReleasable() {
        let ranges = StartupPages.releasableRanges(smaps: Self.smaps)
        #expect(ranges == [0x55a2_a9e8_9000..<0x55a2_acce_b000, 0x7fc5_67c0_0000..<0x7fc5_67c9_9000, 0x7fc5_681d_8000..<0x7fc5_681e_2000])
    }

    // The release itself is checked on the real binary (IdleMemoryUITests): releasing this test
    // process's pages stalled the suite's concurrent UI tests for 20 s.

    /// The release waits for a quiet spell: input during it passes through and keeps the
    /// release pending; a quiet spell releases once and goes on waiting for the rest of the
    /// loop's own timeout.
    @Test func theReleaseWaitsForTheFirstQuietSpellAndKeepsTheLoopsTimeout() {
        let terminal = RecordingTerminal(size: GridSize(columns: 80, rows: 24), script: [.key(.text("a")), .timeout, .key(.text("b"))])
        var release = StartupPagesRelease(pending: true, quiet: .seconds(1))
        #expect(release.nextEvent(from: terminal, timeout: nil) == .key(.text("a")))
        #expect(release.pending)
        #expect(release.nextEvent(from: terminal, timeout: .seconds(5)) == .key(.text("b")))
        #expect(!release.pending)
        #expect(terminal.timeouts == [.seconds(1), .seconds(1), .seconds(4)])
        // Released: every later wait is the loop's own, a tick's timeout included.
        #expect(release.nextEvent(from: terminal, timeout: .seconds(1)) == .timeout)
        #expect(terminal.timeouts.last == .seconds(1))
    }

    /// A loop that must wake sooner than the quiet spell (a running job's second tick) keeps
    /// its timeout, and its `.timeout` reaches it as a tick.
    @Test func aShorterLoopTimeoutIsKeptAndItsTickPassesThrough() {
        let terminal = RecordingTerminal(size: GridSize(columns: 80, rows: 24), script: [.timeout])
        var release = StartupPagesRelease(pending: true, quiet: .seconds(1))
        #expect(release.nextEvent(from: terminal, timeout: .milliseconds(500)) == .timeout)
        #expect(release.pending)
        #expect(terminal.timeouts == [.milliseconds(500)])
    }
}
