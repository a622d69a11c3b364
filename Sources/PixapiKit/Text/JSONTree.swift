/// A strict JSON document as plain values, for the built-in catalog and price table.
///
/// Why not `JSONDecoder`: the first decode of each `Codable` type makes the Swift runtime look up
/// its conformances by scanning every conformance record in the binary (about 11,000), which
/// made decoding the two small built-in files about 1.5 ms of the UI's first frame. Reading
/// them into this tree and picking the fields by hand costs microseconds. Anything this reader
/// refuses (nil) goes to `JSONDecoder`, so no document is read differently: see `builtIn` in
/// `ModelCatalog` and `PriceTable`, and the tests that compare the two readers.
enum JSONTree: Equatable {
    case object([String: JSONTree])
    case array([JSONTree])
    case string(String)
    /// The number as written, so a field reads it as its type would (`Int` takes only digits).
    case number(String)
    case bool(Bool)
    case null

    /// The document in `bytes`, or nil when it is not strict JSON (RFC 8259), repeats a key,
    /// or nests deeper than `maxDepth`.
    init?(parsing bytes: [UInt8]) {
        var reader = Reader(bytes: bytes)
        guard let tree = reader.value(depth: 0), reader.atEnd else { return nil }
        self = tree
    }

    static let maxDepth = 64

    subscript(key: String) -> JSONTree? {
        if case let .object(members) = self { return members[key] }
        return nil
    }

    var string: String? {
        if case let .string(text) = self { return text }
        return nil
    }

    /// Every item of an array read by `read`, or nil when this is no array or any item is not
    /// what `read` wants.
    func items<Item>(_ read: (JSONTree) -> Item?) -> [Item]? {
        guard case let .array(items) = self else { return nil }
        var result: [Item] = []
        for item in items {
            guard let value = read(item) else { return nil }
            result.append(value)
        }
        return result
    }

    var object: [String: JSONTree]? {
        if case let .object(members) = self { return members }
        return nil
    }

    var bool: Bool? {
        if case let .bool(value) = self { return value }
        return nil
    }

    var double: Double? {
        if case let .number(text) = self { return Double(text) }
        return nil
    }

    /// Only a number written as an integer that `Int` holds (`1.0` and `1e3` are left to
    /// `JSONDecoder`).
    var int: Int? {
        if case let .number(text) = self { return Int(text) }
        return nil
    }

    private struct Reader {
        let bytes: [UInt8]
        var position = 0

        var atEnd: Bool {
            mutating get {
                skipSpace()
                return position == bytes.count
            }
        }

        mutating func value(depth: Int) -> JSONTree? {
            skipSpace()
            guard position < bytes.count, depth < JSONTree.maxDepth else { return nil }
            switch bytes[position] {
            case UInt8(ascii: "{"): return object(depth: depth)
            case UInt8(ascii: "["): return array(depth: depth)
            case UInt8(ascii: "\""): return string().map(JSONTree.string)
            case UInt8(ascii: "t"): return literal("true", .bool(true))
            case UInt8(ascii: "f"): return literal("false", .bool(false))
            case UInt8(ascii: "n"): return literal("null", .null)
            default: return number()
            }
        }

        private mutating func object(depth: Int) -> JSONTree? {
            position += 1
            var members: [String: JSONTree] = [:]
            skipSpace()
            if take(UInt8(ascii: "}")) { return .object(members) }
            repeat {
                skipSpace()
                guard let key = string() else { return nil }
                skipSpace()
                guard take(UInt8(ascii: ":")), let item = value(depth: depth + 1), members.updateValue(item, forKey: key) == nil else { return nil }
                skipSpace()
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "}")) ? .object(members) : nil
        }

        private mutating func array(depth: Int) -> JSONTree? {
            position += 1
            var items: [JSONTree] = []
            skipSpace()
            if take(UInt8(ascii: "]")) { return .array(items) }
            repeat {
                guard let item = value(depth: depth + 1) else { return nil }
                items.append(item)
                skipSpace()
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "]")) ? .array(items) : nil
        }

        /// A string without escapes (all the built-in files hold); one with any is left to
        /// `JSONDecoder`, which knows every escape.
        private mutating func string() -> String? {
            guard take(UInt8(ascii: "\"")),
                let end = bytes[position...].firstIndex(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 }),
                bytes[end] == UInt8(ascii: "\"")
            else { return nil }
            defer { position = end + 1 }
            return String(validating: bytes[position..<end], as: UTF8.self)
        }

        private mutating func literal(_ word: StaticString, _ tree: JSONTree) -> JSONTree? {
            let count = word.utf8CodeUnitCount
            guard position + count <= bytes.count else { return nil }
            let matches = word.withUTF8Buffer { bytes[position..<position + count].elementsEqual($0) }
            guard matches else { return nil }
            position += count
            return tree
        }

        /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, as RFC 8259 writes it.
        private mutating func number() -> JSONTree? {
            let start = position
            _ = take(UInt8(ascii: "-"))
            if take(UInt8(ascii: "0")) {
                if digits() > 0 { return nil }
            } else if digits() == 0 {
                return nil
            }
            if take(UInt8(ascii: ".")), digits() == 0 { return nil }
            if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
                if !take(UInt8(ascii: "+")) { _ = take(UInt8(ascii: "-")) }
                if digits() == 0 { return nil }
            }
            return .number(String(decoding: bytes[start..<position], as: UTF8.self))
        }

        private mutating func digits() -> Int {
            let start = position
            while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
            return position - start
        }

        private mutating func take(_ byte: UInt8) -> Bool {
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }

        private mutating func skipSpace() {
            while position < bytes.count {
                switch bytes[position] {
                case 0x20, 0x0A, 0x0D, 0x09: position += 1
                default: return
                }
            }
        }
    }
}
