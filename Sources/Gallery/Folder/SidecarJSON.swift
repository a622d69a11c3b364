import Foundation
import PixapiKit

/// A fast reader for sidecars as pixterm and its tools write them, for `gallery rebuild`:
/// `JSONDecoder` spent more time on a 100,000-image rebuild than reading the files.
///
/// It takes only what it is sure `JSONDecoder` reads the same way (strict JSON; each field of
/// the type `Sidecar.init(from:)` expects, or null; whole-number integers; dates written
/// `2026-11-25T06:15:03Z`; no duplicate keys) and gives nil for anything else, which
/// `SidecarFile` then hands to `JSONDecoder`: so an odd sidecar gets the same value, or the same
/// error message, as before. Unknown keys are checked as JSON and skipped, as `JSONDecoder`
/// skips them; the `request` object is decoded by `JSONDecoder` alone.
enum SidecarJSON {
    static func decode(_ bytes: [UInt8]) -> Sidecar? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(bytes: buffer)
            return reader.sidecar()
        }
    }

    /// The fields of `Sidecar`, each marked once in a bit set so a repeated key is noticed.
    private enum Field: Int {
        case schema, id, prompt, model, size, quality, n, index, creditsPerImage, requestCost, endpoint, mode, taskID, requestID
        case sourceImages, mask, revisedPrompt, responseFormat, created, serverCreated, width, height, format, request

        /// By the key's bytes, without making a String of it.
        static func named(_ key: UnsafeBufferPointer<UInt8>) -> Field? {
            for field in all where field.utf8.elementsEqual(key) { return field }
            return nil
        }

        private static let all: [Field] = (0...Field.request.rawValue).compactMap(Field.init(rawValue:))
        private var utf8: [UInt8] { Self.names[rawValue] }
        private static let names: [[UInt8]] = all.map { Array("\($0)".utf8) }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func sidecar() -> Sidecar? {
            var values = Values()
            var seen: UInt32 = 0
            skipSpace()
            guard take(UInt8(ascii: "{")) else { return nil }
            skipSpace()
            if !take(UInt8(ascii: "}")) {
                repeat {
                    skipSpace()
                    guard let key = keyBytes() else { return nil }
                    skipSpace()
                    guard take(UInt8(ascii: ":")) else { return nil }
                    skipSpace()
                    if let field = Field.named(key) {
                        guard seen & (1 << field.rawValue) == 0, read(field, into: &values) else { return nil }
                        seen |= 1 << field.rawValue
                    } else {
                        guard skipValue(depth: 0) else { return nil }
                    }
                    skipSpace()
                } while take(UInt8(ascii: ","))
                guard take(UInt8(ascii: "}")) else { return nil }
            }
            skipSpace()
            guard position == bytes.count, let id = values.id else { return nil }
            return Sidecar(
                schema: values.schema ?? 1, id: id, prompt: values.prompt ?? "", model: values.model ?? "", size: values.size ?? "auto",
                quality: values.quality ?? "auto", n: values.n ?? 1, index: values.index ?? 0, creditsPerImage: values.creditsPerImage,
                requestCost: values.requestCost, endpoint: values.endpoint ?? "", mode: values.mode ?? .sync, taskID: values.taskID,
                requestID: values.requestID, sourceImages: values.sourceImages ?? [], mask: values.mask, revisedPrompt: values.revisedPrompt,
                responseFormat: values.responseFormat, created: values.created ?? Date(timeIntervalSince1970: 0), serverCreated: values.serverCreated,
                width: values.width, height: values.height, format: values.format, request: values.request
            )
        }

        /// The fields read so far; nil is absent or null (the same to `decodeIfPresent`).
        struct Values {
            var schema: Int?, n: Int?, index: Int?, creditsPerImage: Int?, requestCost: Int?, width: Int?, height: Int?
            var id: String?, prompt: String?, model: String?, size: String?, quality: String?, endpoint: String?, taskID: String?
            var requestID: String?, mask: String?, revisedPrompt: String?, responseFormat: String?, format: String?
            var mode: SubmitMode?
            var sourceImages: [String]?
            var created: Date?, serverCreated: Date?
            var request: ImageRequest?
        }

        /// Reads one field's value; false when `JSONDecoder` might read it differently.
        mutating func read(_ field: Field, into values: inout Values) -> Bool {
            switch field {
            case .schema: return integer(&values.schema)
            case .n: return integer(&values.n)
            case .index: return integer(&values.index)
            case .creditsPerImage: return integer(&values.creditsPerImage)
            case .requestCost: return integer(&values.requestCost)
            case .width: return integer(&values.width)
            case .height: return integer(&values.height)
            case .id:
                // Required: a null id is an error `JSONDecoder` words.
                return !isNull() && string(&values.id)
            case .prompt: return string(&values.prompt)
            case .model: return string(&values.model)
            case .size: return string(&values.size)
            case .quality: return string(&values.quality)
            case .endpoint: return string(&values.endpoint)
            case .taskID: return string(&values.taskID)
            case .mask: return string(&values.mask)
            case .revisedPrompt: return string(&values.revisedPrompt)
            case .responseFormat: return string(&values.responseFormat)
            case .format: return string(&values.format)
            case .requestID:
                // Read with `try?`: a value of another type is no request id, not an error.
                if isString() { return string(&values.requestID) }
                return skipValue(depth: 0)
            case .mode:
                var text: String?
                guard string(&text) else { return false }
                guard let text else { return true }
                values.mode = SubmitMode(rawValue: text)
                return values.mode != nil
            case .sourceImages: return strings(&values.sourceImages)
            case .created: return date(&values.created)
            case .serverCreated:
                if isString() { return date(&values.serverCreated) }
                return skipValue(depth: 0)
            case .request:
                let start = position
                guard skipValue(depth: 0) else { return false }
                let json = Data(UnsafeBufferPointer(rebasing: bytes[start..<position]))
                values.request = try? Sidecar.decoder.decode(ImageRequest?.self, from: json)
                return true
            }
        }

        // MARK: Values

        mutating func integer(_ value: inout Int?) -> Bool {
            if takeLiteral("null") { return true }
            let start = position
            _ = take(UInt8(ascii: "-"))
            let digits = position
            while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
            let count = position - digits
            // Whole numbers only, no leading zero, no -0, small enough for any Int.
            guard count > 0, count <= 18, count == 1 || bytes[digits] != UInt8(ascii: "0"), isDelimiter() else { return false }
            var number = 0
            for index in digits..<position { number = number * 10 + Int(bytes[index] - UInt8(ascii: "0")) }
            if digits > start {
                guard number != 0 else { return false }
                number = -number
            }
            value = number
            return true
        }

        mutating func string(_ value: inout String?) -> Bool {
            if takeLiteral("null") { return true }
            guard let text = stringValue() else { return false }
            value = text
            return true
        }

        mutating func strings(_ value: inout [String]?) -> Bool {
            if takeLiteral("null") { return true }
            guard take(UInt8(ascii: "[")) else { return false }
            var items: [String] = []
            skipSpace()
            if !take(UInt8(ascii: "]")) {
                repeat {
                    skipSpace()
                    guard let item = stringValue() else { return false }
                    items.append(item)
                    skipSpace()
                } while take(UInt8(ascii: ","))
                guard take(UInt8(ascii: "]")) else { return false }
            }
            value = items
            return true
        }

        /// `YYYY-MM-DDTHH:MM:SSZ`, a real day and time; any other form is left to `JSONDecoder`.
        mutating func date(_ value: inout Date?) -> Bool {
            var text: String?
            guard string(&text) else { return false }
            guard let text else { return true }
            let b = Array(text.utf8)
            guard b.count == 20, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), b[10] == UInt8(ascii: "T"), b[13] == UInt8(ascii: ":"),
                b[16] == UInt8(ascii: ":"), b[19] == UInt8(ascii: "Z")
            else { return false }
            func number(_ range: Range<Int>) -> Int? {
                var result = 0
                for index in range {
                    guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b[index]) else { return nil }
                    result = result * 10 + Int(b[index] - UInt8(ascii: "0"))
                }
                return result
            }
            guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), let hour = number(11..<13),
                let minute = number(14..<16), let second = number(17..<19), (1900...2999).contains(year), (1...12).contains(month),
                (1...Self.days(inMonth: month, of: year)).contains(day), hour < 24, minute < 60, second < 60
            else { return false }
            let seconds = ((Self.daysSince1970(year: year, month: month, day: day) * 24 + hour) * 60 + minute) * 60 + second
            value = Date(timeIntervalSince1970: Double(seconds))
            return true
        }

        static func days(inMonth month: Int, of year: Int) -> Int {
            switch month {
            case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
            case 4, 6, 9, 11: 30
            default: 31
            }
        }

        /// Days from 1970-01-01 to a date of the proleptic Gregorian calendar (Howard Hinnant's
        /// `days_from_civil`).
        static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
            let y = month <= 2 ? year - 1 : year
            let era = (y >= 0 ? y : y - 399) / 400
            let yearOfEra = y - era * 400
            let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
            let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
            return era * 146_097 + dayOfEra - 719_468
        }

        // MARK: JSON

        /// A string's bytes when it is plain ASCII without escapes (what keys are); nil otherwise.
        mutating func keyBytes() -> UnsafeBufferPointer<UInt8>? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = position
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") {
                    position += 1
                    return UnsafeBufferPointer(rebasing: bytes[start..<position - 1])
                }
                guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else { return nil }
                position += 1
            }
            return nil
        }

        /// A JSON string: valid UTF-8, no raw control character, the common escapes (a
        /// surrogate pair is left to `JSONDecoder`).
        mutating func stringValue() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = position
            var unescaped: [UInt8]?
            var runStart = start
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") {
                    let run = UnsafeBufferPointer(rebasing: bytes[runStart..<position])
                    position += 1
                    guard var text = unescaped else { return Self.validUTF8(run) }
                    text.append(contentsOf: run)
                    return text.withUnsafeBufferPointer(Self.validUTF8)
                }
                guard byte >= 0x20 else { return nil }
                guard byte == UInt8(ascii: "\\") else {
                    position += 1
                    continue
                }
                var text = unescaped ?? []
                text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
                position += 1
                guard position < bytes.count else { return nil }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escape)
                case UInt8(ascii: "b"): text.append(0x08)
                case UInt8(ascii: "f"): text.append(0x0C)
                case UInt8(ascii: "n"): text.append(0x0A)
                case UInt8(ascii: "r"): text.append(0x0D)
                case UInt8(ascii: "t"): text.append(0x09)
                case UInt8(ascii: "u"):
                    guard let code = hex4(), !(0xD800...0xDFFF).contains(code), let scalar = Unicode.Scalar(code) else { return nil }
                    text.append(contentsOf: Array(String(Character(scalar)).utf8))
                default: return nil
                }
                unescaped = text
                runStart = position
            }
            return nil
        }

        /// The text, or nil when the bytes are not valid UTF-8 (decoding would have repaired them).
        static func validUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
            let text = String(decoding: bytes, as: UTF8.self)
            return text.utf8.elementsEqual(bytes) ? text : nil
        }

        mutating func hex4() -> UInt32? {
            guard position + 4 <= bytes.count else { return nil }
            var code: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[position]
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: return nil
                }
                code = code * 16 + UInt32(digit)
                position += 1
            }
            return code
        }

        /// Steps over any strict JSON value (nested at most 32 deep); false if it is not one.
        mutating func skipValue(depth: Int) -> Bool {
            guard depth < 32, position < bytes.count else { return false }
            switch bytes[position] {
            case UInt8(ascii: "\""): return stringValue() != nil
            case UInt8(ascii: "{"):
                position += 1
                skipSpace()
                if take(UInt8(ascii: "}")) { return true }
                repeat {
                    skipSpace()
                    guard stringValue() != nil else { return false }
                    skipSpace()
                    guard take(UInt8(ascii: ":")) else { return false }
                    skipSpace()
                    guard skipValue(depth: depth + 1) else { return false }
                    skipSpace()
                } while take(UInt8(ascii: ","))
                return take(UInt8(ascii: "}"))
            case UInt8(ascii: "["):
                position += 1
                skipSpace()
                if take(UInt8(ascii: "]")) { return true }
                repeat {
                    skipSpace()
                    guard skipValue(depth: depth + 1) else { return false }
                    skipSpace()
                } while take(UInt8(ascii: ","))
                return take(UInt8(ascii: "]"))
            case UInt8(ascii: "t"): return takeLiteral("true")
            case UInt8(ascii: "f"): return takeLiteral("false")
            case UInt8(ascii: "n"): return takeLiteral("null")
            default: return skipNumber()
            }
        }

        /// `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`
        mutating func skipNumber() -> Bool {
            _ = take(UInt8(ascii: "-"))
            guard position < bytes.count, isDigit(bytes[position]) else { return false }
            if bytes[position] == UInt8(ascii: "0") { position += 1 } else { skipDigits() }
            if take(UInt8(ascii: ".")) {
                guard position < bytes.count, isDigit(bytes[position]) else { return false }
                skipDigits()
            }
            if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
                if !take(UInt8(ascii: "+")) { _ = take(UInt8(ascii: "-")) }
                guard position < bytes.count, isDigit(bytes[position]) else { return false }
                skipDigits()
            }
            return isDelimiter()
        }

        mutating func skipDigits() { while position < bytes.count, isDigit(bytes[position]) { position += 1 } }

        func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

        /// What may follow a number or a literal.
        func isDelimiter() -> Bool {
            guard position < bytes.count else { return true }
            return [UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x09, 0x0A, 0x0D].contains(bytes[position])
        }

        func isNull() -> Bool { position < bytes.count && bytes[position] == UInt8(ascii: "n") }

        func isString() -> Bool { position < bytes.count && bytes[position] == UInt8(ascii: "\"") }

        mutating func skipSpace() {
            while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }

        mutating func takeLiteral(_ literal: StaticString) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard position + count <= bytes.count else { return false }
            for offset in 0..<count where bytes[position + offset] != literal.utf8Start[offset] { return false }
            position += count
            return isDelimiter()
        }
    }
}

extension Sidecar {
    /// Every field given, for `SidecarJSON`.
    init(
        schema: Int, id: String, prompt: String, model: String, size: String, quality: String, n: Int, index: Int, creditsPerImage: Int?,
        requestCost: Int?, endpoint: String, mode: SubmitMode, taskID: String?, requestID: String?, sourceImages: [String], mask: String?,
        revisedPrompt: String?, responseFormat: String?, created: Date, serverCreated: Date?, width: Int?, height: Int?, format: String?,
        request: ImageRequest?
    ) {
        self.schema = schema
        self.id = id
        self.prompt = prompt
        self.model = model
        self.size = size
        self.quality = quality
        self.n = n
        self.index = index
        self.creditsPerImage = creditsPerImage
        self.requestCost = requestCost
        self.endpoint = endpoint
        self.mode = mode
        self.taskID = taskID
        self.requestID = requestID
        self.sourceImages = sourceImages
        self.mask = mask
        self.revisedPrompt = revisedPrompt
        self.responseFormat = responseFormat
        self.created = created
        self.serverCreated = serverCreated
        self.width = width
        self.height = height
        self.format = format
        self.request = request
    }
}
