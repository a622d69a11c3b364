import Foundation

/// A request body reduced to named fields and files, whichever encoding it arrived in, so the
/// generation and edit endpoints validate with the same code.
struct RequestForm: Sendable {
    enum Value: Sendable, Hashable {
        case text(String)
        case number(Double)
        /// A JSON boolean, null, array or object, kept as its JSON text for the request log.
        case other(String)

        /// How the request log shows the value.
        var logText: String {
            switch self {
            case let .text(text): text
            case let .number(number): number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
            case let .other(text): text
            }
        }
    }

    struct File: Sendable {
        /// The form part name, `image`, `image[]` or `mask`.
        let part: String
        let filename: String?
        let bytes: ArraySlice<UInt8>
    }

    var fields: [String: Value] = [:]
    var files: [File] = []

    /// Reads a JSON object body; anything else is a 400.
    static func json(_ body: [UInt8]) throws(APIError) -> RequestForm {
        do {
            let object = try JSONDecoder().decode([String: JSONScalar].self, from: Data(body))
            return RequestForm(fields: object.mapValues(\.value))
        } catch {
            throw .invalid("The request body is not a JSON object.", param: nil, code: "invalid_json")
        }
    }

    /// Reads a `multipart/form-data` body: parts with a filename are files, the rest text fields.
    static func multipart(_ body: [UInt8], boundary: String) throws(APIError) -> RequestForm {
        var form = RequestForm()
        for part in try Multipart.parse(body, boundary: boundary) {
            if part.filename != nil || part.name == "image" || part.name == "image[]" || part.name == "mask" {
                form.files.append(File(part: part.name, filename: part.filename, bytes: part.body))
            } else {
                form.fields[part.name] = .text(String(decoding: part.body, as: UTF8.self))
            }
        }
        return form
    }

    /// Reads a body by its content type: JSON, multipart, or a 400 naming what is accepted.
    static func parse(_ body: [UInt8], contentType: String?) throws(APIError) -> RequestForm {
        let type = contentType?.split(separator: ";").first?.trimmed(" \t").lowercased() ?? ""
        if type == "application/json" { return try json(body) }
        if type == "multipart/form-data" {
            guard let boundary = Multipart.boundary(fromContentType: contentType ?? "") else {
                throw .invalid("The multipart content type has no boundary.", param: nil)
            }
            return try multipart(body, boundary: boundary)
        }
        throw .invalid(
            "Unsupported content type '\(contentType ?? "none")': send application/json or multipart/form-data.",
            param: nil, code: "unsupported_content_type"
        )
    }

    func text(_ name: String) -> String? {
        if case let .text(text) = fields[name] { return text }
        return nil
    }
}

/// One JSON value of a request object, decoded without losing whether it was a string or a number.
private struct JSONScalar: Decodable {
    let value: RequestForm.Value

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            value = .text(text)
        } else if let flag = try? container.decode(Bool.self) {
            value = .other(String(flag))
        } else if let number = try? container.decode(Double.self) {
            value = .number(number)
        } else if container.decodeNil() {
            value = .other("null")
        } else {
            value = .other("(structured value)")
        }
    }
}
