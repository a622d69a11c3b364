import Foundation
import PixapiKit
import PixtermCore

extension AppEnvironment {
    /// The moment `testing` environments start at, so a test can compare job times with it.
    public static let testingStart = Date(timeIntervalSince1970: 1_800_000_000)

    /// The built-in catalog and prices with a controlled clock, ids and home: `now` answers
    /// `clock.now` (a test moves it instead of sleeping), job ids count up from
    /// 00000000-0000-0000-0000-000000000001, `~` is `/home/tester`, and days are UTC days.
    public static func testing(
        maxCredits: Int? = nil, budgets: Budgets = .none, keyHelp: String = "", clock: TestClock = TestClock()
    ) -> AppEnvironment {
        let ids = SequentialIDs()
        return AppEnvironment(
            catalog: .builtIn, prices: .builtIn, maxCredits: maxCredits, budgets: budgets, keyHelp: keyHelp,
            now: { clock.now }, uuid: { ids.next() }, home: "/home/tester", timeZone: TimeZone(identifier: "UTC")!
        )
    }
}

/// UUIDs 1, 2, 3... in order, so a test knows the id of the job it starts.
final class SequentialIDs: @unchecked Sendable {
    private let lock = NSLock()
    private var count: UInt64 = 0

    func next() -> UUID {
        let value = lock.withLock {
            count += 1; return count
        }
        return UUID(uuidString: String(format: "00000000-0000-0000-0000-%012llX", value))!
    }
}
