import NIOCore
import NIOPosix

/// The simulator's pauses (latency, a slow body's gaps), timed by an event loop.
///
/// `Task.sleep` is woken by a thread of the shared cooperative pool, so on a busy two-core test
/// runner a 50 ms pause can last seconds. A pause on an event loop's timer is woken by that
/// loop, and the task goes straight back to its own executor: a simulator given a thread of its
/// own (`Simulator.start(_:executor:)`) then keeps time however busy the pool is.
enum Pause {
    static func `for`(_ duration: Duration) async throws {
        try Task.checkCancellation()
        let (seconds, attoseconds) = duration.components
        let nanoseconds = seconds * 1_000_000_000 + attoseconds / 1_000_000_000
        try await MultiThreadedEventLoopGroup.singleton.next().scheduleTask(in: .nanoseconds(nanoseconds)) {}.futureResult.get()
    }
}
