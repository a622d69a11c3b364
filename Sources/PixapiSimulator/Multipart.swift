#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small `multipart/form-data` reader (RFC 7578): enough for the edit endpoints' fields and files.
enum Multipart {
    struct Part: Sendable {
        let name: String
        let filename: String?
        let contentType: String?
        let body: ArraySlice<UInt8>
    }

    /// The `boundary` parameter of a `multipart/form-data` content type, unquoted.
    static func boundary(fromContentType contentType: String) -> String? {
        let pieces = contentType.split(separator: ";").map { $0.trimmed(" \t") }
        guard pieces.first?.lowercased() == "multipart/form-data" else { return nil }
        return parameters(pieces.dropFirst())["boundary"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Splits `body` at the boundary; throws a 400 when the body does not follow the format.
    static func parse(_ body: [UInt8], boundary: String) throws(APIError) -> [Part] {
        let delimiter = Array("--\(boundary)".utf8)
        let bodyDelimiter = Array("\r\n--\(boundary)".utf8)
        let headerEnd = Array("\r\n\r\n".utf8)
        func malformed(_ why: String) -> APIError { .invalid("The multipart body is malformed: \(why).", param: nil) }

        guard var cursor = firstIndex(of: delimiter, in: body, from: 0) else { throw malformed("no boundary found") }
        cursor += delimiter.count
        var parts: [Part] = []
        while true {
            if body[cursor...].starts(with: Array("--".utf8)) { return parts }
            guard body[cursor...].starts(with: Array("\r\n".utf8)) else { throw malformed("boundary not followed by a line break") }
            cursor += 2
            guard let headersEnd = firstIndex(of: headerEnd, in: body, from: cursor) else { throw malformed("part headers do not end") }
            let headers = partHeaders(body[cursor..<headersEnd])
            let start = headersEnd + headerEnd.count
            guard let end = firstIndex(of: bodyDelimiter, in: body, from: start) else { throw malformed("a part is not closed") }
            let disposition = headers["content-disposition"] ?? ""
            let dispositionPieces = disposition.split(separator: ";").map { $0.trimmed(" \t") }
            let params = parameters(dispositionPieces.dropFirst())
            guard dispositionPieces.first?.lowercased() == "form-data", let name = params["name"] else {
                throw malformed("a part has no form-data name")
            }
            parts.append(Part(name: name, filename: params["filename"], contentType: headers["content-type"], body: body[start..<end]))
            cursor = end + bodyDelimiter.count
        }
    }

    private static func partHeaders(_ bytes: ArraySlice<UInt8>) -> [String: String] {
        var headers: [String: String] = [:]
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmed(" \t")
        }
        return headers
    }

    /// `key=value` and `key="quoted value"` parameters, keys lowercased.
    private static func parameters(_ pieces: some Sequence<String>) -> [String: String] {
        var result: [String: String] = [:]
        for piece in pieces {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            var value = Substring(piece[piece.index(after: equals)...])
            if value.count >= 2, value.first == "\"", value.last == "\"" { value = value.dropFirst().dropLast() }
            result[piece[..<equals].trimmed(" \t").lowercased()] = String(value).replacing("\\\"", with: "\"")
        }
        return result
    }

    /// The first position of `needle` in `haystack` at or after `from`; `memchr` finds candidates so a
    /// 50 MB image part is scanned quickly even in a debug build.
    static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, from <= haystack.count - needle.count else { return nil }
        return haystack.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress else { return nil }
            var position = from
            let lastStart = haystack.count - needle.count
            while position <= lastStart {
                guard let hit = memchr(base + position, Int32(first), lastStart - position + 1) else { return nil }
                let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + index, needle, needle.count) == 0 { return index }
                position = index + 1
            }
            return nil
        }
    }
}

extension StringProtocol {
    func trimmed(_ set: String) -> String {
        String(drop(while: set.contains).reversed().drop(while: set.contains).reversed())
    }
}
