import PixapiKit

extension BudgetRefusal {
    /// The cost panel's warning that a request would cross this budget, in the widest form that
    /// fits `width` columns on one line: `crosses the daily budget: 17 of 20 spent today`, then
    /// `over daily budget: 17/20 spent`, then `over daily budget`. Never wrapped or cut, so a
    /// narrow panel cannot show `crosses the daily budget: 17`, which reads as "17 remain".
    public func panelWarning(width: Int) -> String {
        let forms = [
            "crosses the \(period.rawValue) budget: \(spent.grouped) of \(limit.grouped) spent \(period.span)",
            "over \(period.rawValue) budget: \(spent.grouped)/\(limit.grouped) spent",
            "over \(period.rawValue) budget",
        ]
        return forms.first { DisplayWidth.of($0) <= width } ?? forms[forms.count - 1]
    }
}
