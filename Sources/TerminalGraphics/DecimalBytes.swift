extension Array where Element == UInt8 {
    /// Appends `value` (not negative) as ASCII decimal digits. Escape sequences are built cell by
    /// cell and run by run; building each number through String interpolation was most of the
    /// time a preview spent rendering.
    mutating func appendDecimal(_ value: Int) {
        if value >= 10 { appendDecimal(value / 10) }
        append(UInt8(ascii: "0") + UInt8(value % 10))
    }
}
