import Foundation

/// CPU time the calling thread spends in `body`, in seconds. Unlike the wall clock it does not
/// grow while the thread waits for a core, so on a loaded runner a linear-time check compares
/// the work, not the queue.
public func threadCPUSeconds(_ body: () -> Void) -> Double {
    func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
    let start = now()
    body()
    return now() - start
}
