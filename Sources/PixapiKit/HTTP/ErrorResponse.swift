import Foundation

/// Turns a non-2xx answer into a `PixapiError`, reading the OpenAI-shaped error body loosely:
/// `code` may be a string or a number, `type`/`param` may be missing, `request_id` may be present.
///
/// Every piece of the server's text is redacted with `redactor` before it is cut or shown, and a
/// redirect that was not followed (see `RedirectRule`) is explained, naming where it pointed.
enum ErrorResponse {
    /// Longest part of a body that is not an error object shown in a message.
    static let previewCharacters = 200

    static func error(
        status: Int, body: [UInt8], headers: [(String, String)], redactor: Redactor = Redactor(secrets: []), url: URL? = nil
    ) -> PixapiError {
        let header = { (name: String) in headers.first { $0.0.lowercased() == name }?.1 }
        let fields = parseErrorObject(body).mapValues { redactor.clean($0) }
        let code = fields["code"]
        let requestID = fields["request_id"] ?? header("x-request-id").map { redactor.clean($0) }
        let param = fields["param"]
        let retryAfter = header("retry-after").flatMap { RetryPolicy.parseRetryAfter($0) }
        if (300..<400).contains(status), let target = header("location").flatMap({ URL(string: $0, relativeTo: url)?.absoluteURL }) {
            return PixapiError(.invalidRequest, RedirectRule.refusal(status: status, from: url, to: target), status: status, requestID: requestID)
        }
        let serverMessage = fields["message"] ?? fallbackMessage(body, redactor: redactor)
        let (kind, advice) = classify(status: status, code: code)
        var message = "HTTP \(status)"
        if let code { message += " \(code)" }
        message += ": " + serverMessage
        if let param, kind == .invalidRequest { message += " (field: \(param))" }
        if let advice { message += ". " + advice }
        return PixapiError(kind, message, status: status, code: code, param: param, requestID: requestID, retryAfter: retryAfter)
    }

    /// Reads `error` (an object, or a bare string) from the body, stringifying scalar fields.
    static func parseErrorObject(_ body: [UInt8]) -> [String: String] {
        guard let json = try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed]) as? [String: Any] else {
            return [:]
        }
        var fields: [String: String] = [:]
        switch json["error"] {
        case let object as [String: Any]:
            for (key, value) in object { fields[key] = stringify(value) }
        case let text as String:
            fields["message"] = text
        default:
            if let message = json["message"] as? String { fields["message"] = message }
        }
        if fields["request_id"] == nil, let id = json["request_id"] as? String { fields["request_id"] = id }
        return fields
    }

    private static func stringify(_ value: Any) -> String? {
        switch value {
        case let text as String: text
        case let number as NSNumber: number.stringValue
        default: nil
        }
    }

    /// The start of a body that is not an error object: redacted first, then cut, so no part
    /// of a key that straddles the cut can show.
    private static func fallbackMessage(_ body: [UInt8], redactor: Redactor) -> String {
        let text = redactor.clean(String(decoding: body, as: UTF8.self), limit: previewCharacters).trimmingWhitespace()
        return text.isEmpty ? "the server gave no reason" : text
    }

    private static func classify(status: Int, code: String?) -> (PixapiError.Kind, String?) {
        switch (status, code) {
        case (402, _), (_, "insufficient_credits"):
            (.insufficientCredits, "Top up your Pixapi credits, or lower the size, quality or n")
        case (401, _), (403, _):
            (.unauthorized, "Check the key in PIXAPI_KEY or the api_key line of your pixterm config")
        case (_, "prompt_rejected"):
            (.promptRejected, "Rephrase the prompt or change the input images")
        case (404, _), (_, "model_not_found"):
            (.notFound, nil)
        case (429, _):
            (.rateLimited, nil)
        case (400, _), (422, _):
            (.invalidRequest, nil)
        case (500..., _):
            (.server, nil)
        default:
            (.invalidRequest, nil)
        }
    }
}
