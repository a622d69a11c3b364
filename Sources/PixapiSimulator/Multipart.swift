import MultipartKit

/// `multipart/form-data` bodies (RFC 7578) read with vapor's MultipartKit, so the client's
/// hand-written encoder is checked by a parser written elsewhere, not by a mirror of itself.
///
/// MultipartKit looks at every byte of a part through generic code: a release build parses a
/// 50 MB image in about 0.25 s, but a debug build, where dependencies are not optimized, takes
/// about a second per megabyte.
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

    /// The parts of `body`; throws a 400 when the body does not follow the format.
    static func parse(_ body: [UInt8], boundary: String) throws(APIError) -> [Part] {
        func malformed(_ why: String) -> APIError { .invalid("The multipart body is malformed: \(why).", param: nil) }
        // MultipartParser streams and has no end-of-input call, so a body cut short inside a part
        // would just stop there: a whole body ends with the close delimiter (and perhaps a line break).
        guard !boundary.isEmpty, endsWithCloseDelimiter(body, boundary: boundary) else {
            throw malformed("it does not end with --\(boundary)--, so a part is not closed")
        }
        let parser = MultipartParser(boundary: boundary)
        var parts: [MultipartPart] = []
        var headers = HTTPHeaders()
        var partBody = ByteBuffer()
        parser.onHeader = { name, value in headers.add(name: name, value: value) }
        parser.onBody = { chunk in partBody.writeBuffer(&chunk) }
        parser.onPartComplete = {
            parts.append(MultipartPart(headers: headers, body: partBody))
            headers = HTTPHeaders()
            partBody = ByteBuffer()
        }
        do {
            try parser.execute(body)
        } catch {
            throw malformed("a boundary line or part header is not well formed")
        }
        return try parts.map { part throws(APIError) in
            let disposition = (part.headers.first(name: "Content-Disposition") ?? "").split(separator: ";").map { $0.trimmed(" \t") }
            guard disposition.first?.lowercased() == "form-data", let name = part.name else {
                throw malformed("a part has no form-data name")
            }
            return Part(
                name: name, filename: parameters(disposition.dropFirst())["filename"],
                contentType: part.headers.first(name: "Content-Type"), body: ArraySlice(part.body.readableBytesView)
            )
        }
    }

    /// Whether `body` ends with `--boundary--`, line breaks and spaces after it aside.
    private static func endsWithCloseDelimiter(_ body: [UInt8], boundary: String) -> Bool {
        let trailingSpace: Set<UInt8> = [9, 10, 13, 32]
        var end = body.endIndex
        while end > body.startIndex, trailingSpace.contains(body[end - 1]) { end -= 1 }
        return body[..<end].reversed().starts(with: Array("--\(boundary)--".utf8).reversed())
    }

    /// `key=value` and `key="quoted value"` parameters, keys lowercased; MultipartKit reads only
    /// the part name, so the boundary and a file's name are read here.
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
}
