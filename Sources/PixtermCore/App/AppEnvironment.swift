import Foundation
import PixapiKit

/// What `update` may depend on besides the state: settings that do not change while the UI
/// runs, and the clock, new ids and home folder, so `update` stays a pure function that a
/// test can drive with a fixed time and predictable ids.
public struct AppEnvironment: Sendable {
    public let catalog: ModelCatalog
    public let prices: PriceTable
    public let maxCredits: Int?
    /// The `[budget]` caps; a submit that would cross one asks first.
    public let budgets: Budgets
    /// Where a key would be read from, for the first-run screen (never the key itself).
    public let keyHelp: String
    /// The current time (job start and finish times).
    public let now: @Sendable () -> Date
    /// A new id for each job.
    public let uuid: @Sendable () -> UUID
    /// What `~` in a pasted source path stands for.
    public let home: String
    /// Which local day "today" is for the budgets (the ledger's zone).
    public let timeZone: TimeZone

    /// The defaults of `now`, `uuid`, `home` and `timeZone` are the live ones; tests pass their own.
    /// The live zone is `autoupdatingCurrent`, which asks for the system's zone only when a
    /// budget first needs the day: finding it (ICU) took 0.3 ms of the UI's first frame.
    public init(
        catalog: ModelCatalog, prices: PriceTable, maxCredits: Int?, budgets: Budgets = .none, keyHelp: String,
        now: @escaping @Sendable () -> Date = Date.init, uuid: @escaping @Sendable () -> UUID = UUID.init,
        home: String = NSHomeDirectory(), timeZone: TimeZone = .autoupdatingCurrent
    ) {
        self.catalog = catalog
        self.prices = prices
        self.maxCredits = maxCredits
        self.budgets = budgets
        self.timeZone = timeZone
        self.keyHelp = keyHelp
        self.now = now
        self.uuid = uuid
        self.home = home
    }
}
