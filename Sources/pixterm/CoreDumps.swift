import CProcessGuard
import Foundation

/// The process holds the API key in memory, so it must never write that memory to a core file
/// that outlives it (or that a crash reporter uploads): no core dumps, and on Linux not
/// dumpable, so other processes of the same user cannot read its memory either.
enum CoreDumps {
    /// Called once, first thing at start. A failure is said, not fatal.
    static func disable() {
        let failure = pxg_disable_core_dumps()
        guard failure != 0 else { return }
        Terminal.printError("warning: could not turn off core dumps (\(String(cString: strerror(failure)))); a crash could write the API key to disk")
    }
}
