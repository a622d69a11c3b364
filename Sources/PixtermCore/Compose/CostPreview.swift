import PixapiKit

/// The live cost line of the compose screen, recomputed on every keystroke and pick.
public struct CostPreview: Hashable, Sendable {
    public enum Status: Hashable, Sendable {
        case priced(CostEstimate)
        /// The settings cannot be sent yet; `reason` says why (e.g. an invalid custom size).
        case invalid(reason: String)
    }

    public let status: Status
    /// Credits above which a submit asks for confirmation; `nil` when no threshold is set.
    public let threshold: Int?
    /// The budgets this request would cross given what is `spent` (a submit asks first); empty
    /// when it fits them, none is set, or the spend is not known yet.
    public let budgetsCrossed: [BudgetRefusal]

    public init(
        settings: ComposeSettings, catalog: ModelCatalog, prices: PriceTable, threshold: Int?, budgets: Budgets = .none, spent: SpendTotals? = nil
    ) {
        self.threshold = threshold
        switch settings.resolvedSize(in: catalog) {
        case let .failure(error):
            status = .invalid(reason: error.message)
        case let .success(size):
            do {
                status = .priced(try prices.estimate(model: settings.model, size: size, quality: settings.quality, n: settings.n))
            } catch {
                status = .invalid(reason: error.message)
            }
        }
        if case let .priced(estimate) = status, let spent {
            budgetsCrossed = budgets.crossings(cost: estimate.costCredits, spent: spent)
        } else {
            budgetsCrossed = []
        }
    }

    public var estimate: CostEstimate? {
        if case let .priced(estimate) = status { return estimate }
        return nil
    }

    /// True when submitting must first ask "spend N credits?".
    public var needsConfirmation: Bool {
        guard let threshold, let estimate else { return false }
        return estimate.costCredits > threshold
    }
}
