import Foundation
import PixapiKit

/// What a batch line without its own settings asks for: the command's `-m -s -q -n`, and config.
public struct BatchDefaults: Sendable, Hashable {
    public var model: String
    public var size: ImageSize
    public var quality: Quality
    public var n: Int

    public init(model: String, size: ImageSize, quality: Quality, n: Int) {
        self.model = model
        self.size = size
        self.quality = quality
        self.n = n
    }
}

/// One request of a batch file: the line it came from (1-based, as editors count) and what it asks.
public struct BatchItem: Sendable, Hashable {
    public let line: Int
    public let request: ImageRequest

    public init(line: Int, request: ImageRequest) {
        self.line = line
        self.request = request
    }
}

/// Why a batch file was refused before anything was sent: which line, and what is wrong with it.
public struct BatchLineError: Error, Sendable, Hashable {
    public let line: Int
    public let reason: String

    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }

    /// `line 7: <reason>`, the form the CLI prints.
    public var message: String { "line \(line): \(reason)" }
}

/// A batch file: one prompt per line, or one JSON object per line (JSONL) with per-line settings.
///
/// Blank lines and lines starting with `#` are skipped; a line starting with `{` is JSON with the
/// fields `prompt` (required), `model`, `size`, `quality`, `n`, `images` (source images: the line
/// is an edit) and `mask`. Relative image paths are read from the batch file's folder, so a batch
/// runs the same from any working directory. Parsing is pure: the images are checked later, with
/// the rest of the request, by the catalog.
public enum BatchFile {
    /// The JSON fields a line may have, in the order the error message lists them.
    public static let fields = ["prompt", "model", "size", "quality", "n", "images", "mask"]

    /// The requests of `data`, or the first line that cannot be one.
    public static func parse(_ data: Data, defaults: BatchDefaults, folder: URL) throws(BatchLineError) -> [BatchItem] {
        var items: [BatchItem] = []
        var lineNumber = 0
        for bytes in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            guard var text = String(validating: bytes, as: UTF8.self) else {
                throw BatchLineError(line: lineNumber, reason: "not UTF-8 text")
            }
            if text.hasSuffix("\r") { text.removeLast() }
            // A byte order mark (editors on Windows write one) is not part of the first prompt.
            if lineNumber == 1, text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            do throws(PixapiError) {
                let request = try trimmed.hasPrefix("{") ? jsonRequest(trimmed, defaults: defaults, folder: folder) : plainRequest(trimmed, defaults: defaults)
                items.append(BatchItem(line: lineNumber, request: request))
            } catch {
                throw BatchLineError(line: lineNumber, reason: error.message)
            }
        }
        return items
    }

    /// What names a batch: the file's content and the defaults its plain lines take, hashed. A
    /// renamed or moved file still resumes; an edited file, or the same file with other
    /// `-m -s -q -n`, sends other requests, so it is another batch.
    public static func key(_ data: Data, defaults: BatchDefaults) -> String {
        let settings = "\u{0}\(defaults.model) \(defaults.size.description) \(defaults.quality.rawValue) \(defaults.n)"
        return contentHash(data + Data(settings.utf8))
    }

    /// FNV-1a, 64 bits, as 16 hex digits: enough to tell batch files apart, with no dependency.
    public static func contentHash(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    private static func plainRequest(_ prompt: String, defaults: BatchDefaults) -> ImageRequest {
        ImageRequest(operation: .generate, model: defaults.model, prompt: prompt, size: defaults.size, quality: defaults.quality, n: defaults.n)
    }

    private static func jsonRequest(_ text: String, defaults: BatchDefaults, folder: URL) throws(PixapiError) -> ImageRequest {
        guard let object = try? JSONDecoder().decode([String: JSONField].self, from: Data(text.utf8)) else {
            throw PixapiError(.invalidInput, "not a valid JSON object (a line starting with { is read as JSON)")
        }
        if let unknown = object.keys.sorted().first(where: { !fields.contains($0) }) {
            throw PixapiError(.invalidInput, "unknown field \"\(TerminalText.sanitized(unknown))\" (the fields are \(fields.joined(separator: ", ")))")
        }
        guard let prompt = try string(object, "prompt") else { throw PixapiError(.invalidInput, "no \"prompt\" field") }
        var request = plainRequest(prompt, defaults: defaults)
        if let model = try string(object, "model") { request.model = model }
        if let size = try string(object, "size") { request.size = try ImageSize.parse(size) }
        if let quality = try string(object, "quality") {
            guard let parsed = Quality(rawValue: quality.lowercased()) else {
                throw PixapiError(.invalidInput, "quality \"\(TerminalText.sanitized(quality))\" is not one of low, medium, high, auto")
            }
            request.quality = parsed
        }
        switch object["n"] {
        case nil: break
        case let .number(value)?:
            guard let whole = Int(exactly: value) else { throw PixapiError(.invalidInput, "\"n\" must be a whole number (got \(value))") }
            request.n = whole
        default: throw PixapiError(.invalidInput, "\"n\" must be a whole number")
        }
        request.images = try images(object).map { resolve($0, in: folder) }
        request.mask = try string(object, "mask").map { resolve($0, in: folder) }
        if request.mask != nil, request.images.isEmpty {
            throw PixapiError(.invalidInput, "a \"mask\" needs \"images\" to edit")
        }
        if !request.images.isEmpty { request.operation = .edit }
        return request
    }

    private static func string(_ object: [String: JSONField], _ field: String) throws(PixapiError) -> String? {
        switch object[field] {
        case nil: return nil
        case let .string(text)?: return text
        default: throw PixapiError(.invalidInput, "\"\(field)\" must be a string")
        }
    }

    /// `images` as a list of paths; one path alone is taken as a list of one.
    private static func images(_ object: [String: JSONField]) throws(PixapiError) -> [String] {
        switch object["images"] {
        case nil: return []
        case let .string(path)?: return [path]
        case let .strings(paths)?: return paths
        default: throw PixapiError(.invalidInput, "\"images\" must be a list of file paths")
        }
    }

    /// An absolute path, relative ones read from `folder` (the batch file's), so the sidecar
    /// names the source wherever the command ran, as `pixterm edit` does.
    private static func resolve(_ path: String, in folder: URL) -> String {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : folder.appendingPathComponent(path)
        return url.standardizedFileURL.path
    }
}

/// A field of a JSON batch line, decoded strictly: `true` is not a number, `"2"` is not an `n`.
private enum JSONField: Decodable {
    case string(String)
    case number(Double)
    case strings([String])
    case other

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if (try? container.decode(Bool.self)) != nil {
            self = .other
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let list = try? container.decode([String].self) {
            self = .strings(list)
        } else {
            self = .other
        }
    }
}
