/// What a terminal said in answer to pixterm's capability queries, parsed from the raw bytes.
/// Anything unrecognised is ignored, since terminals answer only what they understand, and
/// what no terminal sends as a reply is kept as `typeahead`.
public struct TerminalReplies: Sendable, Hashable {
    /// `ESC _ G i=31;OK ESC \`: the kitty graphics protocol works.
    public var kittyGraphics = false
    /// The parameters of the DA1 reply (`ESC [ ? 62;4;22 c`); 4 means sixel graphics.
    public var deviceAttributes: [Int]?
    /// The XTVERSION reply (`ESC P > | name version ESC \`), such as "WezTerm 20240203".
    public var version: String?
    /// From the CSI 16 t reply (`ESC [ 6 ; height ; width t`).
    public var cellSize: CellPixelSize?

    public init() {}

    public var sixel: Bool { deviceAttributes?.contains(4) ?? false }
    public var answered: Bool { deviceAttributes != nil || kittyGraphics || version != nil }

    /// Every byte that was not part of a reply: keys typed while the queries were out, which
    /// the UI takes as input (it asks after its first frame, when the user may already type).
    /// Replies are the strings terminals send (APC, DCS), DA1 (`CSI ? ... c`) and window
    /// reports (`CSI ... t`); no key produces those. Other sequences (arrow keys: `CSI A`),
    /// a lone Esc and anything unfinished at the end are kept as typed.
    public var typeahead: [UInt8] = []

    /// Parses every reply found in `bytes`, in any order and with junk between them.
    public init(parsing bytes: [UInt8]) {
        var index = 0
        while index < bytes.count {
            guard bytes[index] == EscapeBytes.escape, index + 1 < bytes.count else {
                typeahead.append(bytes[index])
                index += 1
                continue
            }
            switch bytes[index + 1] {
            case UInt8(ascii: "_"), UInt8(ascii: "P"):
                guard let end = Self.stringEnd(bytes, from: index + 2) else {
                    typeahead += bytes[index...]
                    return
                }
                let body = String(decoding: bytes[index + 2..<end], as: UTF8.self)
                if bytes[index + 1] == UInt8(ascii: "_") {
                    if body.hasPrefix("Gi=\(KittyGraphics.queryID)") && body.hasSuffix(";OK") { kittyGraphics = true }
                } else if body.hasPrefix(">|") {
                    version = String(body.dropFirst(2))
                }
                index = end + 2
            case UInt8(ascii: "["):
                var end = index + 2
                while end < bytes.count, !(0x40...0x7E).contains(bytes[end]) { end += 1 }
                guard end < bytes.count else {
                    typeahead += bytes[index...]
                    return
                }
                let parameters = String(decoding: bytes[index + 2..<end], as: UTF8.self)
                if !record(csi: parameters, final: bytes[end]) { typeahead += bytes[index...end] }
                index = end + 1
            default:
                typeahead.append(bytes[index])
                index += 1
            }
        }
    }

    /// Records a DA1 or window report; false for any other sequence, which is no reply.
    private mutating func record(csi parameters: String, final: UInt8) -> Bool {
        if final == UInt8(ascii: "c"), parameters.hasPrefix("?") {
            deviceAttributes = parameters.dropFirst().split(separator: ";").compactMap { Int($0) }
            return true
        }
        guard final == UInt8(ascii: "t") else { return false }
        let numbers = parameters.split(separator: ";").compactMap { Int($0) }
        if numbers.count == 3, numbers[0] == 6, numbers[1] > 0, numbers[2] > 0 {
            cellSize = CellPixelSize(width: numbers[2], height: numbers[1])
        }
        return true
    }

    /// The index of the ESC of the `ESC \` that ends a string started before `start`.
    private static func stringEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var i = start
        while i + 1 < bytes.count {
            if bytes[i] == EscapeBytes.escape && bytes[i + 1] == 0x5C { return i }
            i += 1
        }
        return nil
    }

    /// True once `bytes` holds a complete DA1 reply: every terminal answers DA1, and answers in
    /// order, so it is sent last and marks the end of all the other replies.
    public static func containsDeviceAttributes(_ bytes: [UInt8]) -> Bool {
        TerminalReplies(parsing: bytes).deviceAttributes != nil
    }
}
