import Foundation

/// Dollar amounts as the cost panel shows them: exactly what `String(format: "%.2f")` gives,
/// worked out in whole cents. Foundation's formatter took about 0.4 ms the first time (a third
/// of it looking up `CVarArg` conformances) on the way to the UI's first frame, and several
/// microseconds on every frame after.
enum CentsText {
    static func of(_ usd: Double) -> String {
        guard let cents = cents(usd) else { return String(format: "%.2f", usd) }
        let fraction = cents % 100
        return "\(usd.sign == .minus ? "-" : "")\(cents / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// `|usd|` × 100 rounded as printf rounds: to the nearest whole number of the exact product,
    /// a tie to the even one. nil for amounts too large or not finite, which `of` leaves to the
    /// formatter.
    static func cents(_ usd: Double) -> Int? {
        let amount = usd.magnitude
        guard amount.isFinite, amount < 1e12 else { return nil }
        let product = amount * 100
        // The product's rounding error, exactly (a fused multiply-add): amount × 100 is
        // `product + error` with no rounding at all.
        let error = (-product).addingProduct(amount, 100)
        var rounded = product.rounded(.toNearestOrEven)
        // Exact: the two are within a factor of two of each other, or `rounded` is 0.
        let remainder = product - rounded
        // Only a product that looks like a tie can be on the wrong side of one; its error says.
        if remainder == 0.5, error > 0 { rounded += 1 } else if remainder == -0.5, error < 0 { rounded -= 1 }
        return Int(rounded)
    }
}
