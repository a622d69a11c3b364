extension PixtermSettings {
    /// `[budget] daily = N` and `monthly = N`, whole credits; any other key in `[budget]` is a
    /// typo that would leave a person unprotected, so it is refused by name, and so are a
    /// `budget = N` without a table and a `[budgets]` table (a budget silently ignored is no budget).
    static func budgets(_ file: [String: TOMLSubset.Value], configPath: String) throws(PixapiError) -> Budgets {
        if file["budget"] != nil {
            throw PixapiError(.invalidInput, "budget in \(configPath) must be a table: [budget] with daily = N and monthly = N (credits)")
        }
        if file.keys.contains(where: { $0 == "budgets" || $0.hasPrefix("budgets.") }) {
            throw PixapiError(.invalidInput, "\(configPath) has [budgets]; the table is [budget], with daily = N and monthly = N (credits)")
        }
        var budgets = Budgets()
        for (key, value) in file where key.hasPrefix("budget.") {
            let name = String(key.dropFirst("budget.".count))
            guard name == "daily" || name == "monthly" else {
                throw PixapiError(
                    .invalidInput, "[budget] in \(configPath) has an unknown key \(TerminalText.sanitized(name)); it takes daily and monthly"
                )
            }
            guard case let .integer(limit) = value, limit >= 0 else {
                throw PixapiError(.invalidInput, "budget.\(name) in \(configPath) must be a whole number of credits, 0 or more")
            }
            if name == "daily" { budgets.daily = limit } else { budgets.monthly = limit }
        }
        return budgets
    }
}
