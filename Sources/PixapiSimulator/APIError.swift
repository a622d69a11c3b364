/// An error the simulator answers with, in the contract's shape:
/// `{"error":{"message","type","param","code","request_id"}}`.
struct APIError: Error, Sendable, Hashable {
    let status: Int
    let message: String
    let type: String
    let param: String?
    let code: String

    static func invalid(_ message: String, param: String?, code: String = "invalid_value") -> APIError {
        APIError(status: 400, message: message, type: "invalid_request_error", param: param, code: code)
    }

    static func missing(_ param: String) -> APIError {
        invalid("Missing required parameter: '\(param)'.", param: param, code: "missing_required_parameter")
    }

    static func unauthorized(_ message: String) -> APIError {
        APIError(status: 401, message: message, type: "authentication_error", param: nil, code: "invalid_api_key")
    }

    static func insufficientCredits(cost: Int, balance: Int) -> APIError {
        APIError(
            status: 402, message: "This request costs \(cost) credits but the balance is \(balance).",
            type: "billing_error", param: nil, code: "insufficient_credits"
        )
    }

    static func modelNotFound(_ model: String, known: [String]) -> APIError {
        APIError(
            status: 404, message: "The model '\(model)' does not exist. Available: \(known.joined(separator: ", ")).",
            type: "invalid_request_error", param: "model", code: "model_not_found"
        )
    }

    static func notFound(_ what: String) -> APIError {
        APIError(status: 404, message: "\(what) was not found.", type: "invalid_request_error", param: nil, code: "not_found")
    }

    static let promptRejected = APIError(
        status: 422, message: "The prompt was rejected by the content policy.",
        type: "invalid_request_error", param: "prompt", code: "prompt_rejected"
    )

    /// A repeat of a request whose first copy (same `Idempotency-Key`) is still being worked on.
    static let idempotencyKeyInUse = APIError(
        status: 409, message: "A request with this Idempotency-Key is still in progress; retry once it has finished.",
        type: "invalid_request_error", param: nil, code: "idempotency_key_in_use"
    )

    /// The error a `.status` or `.taskFails` fault plays, with a code that fits the status.
    static func injected(_ fault: Fault) -> APIError {
        // Statuses outside 400-599 would not be errors (and HTTPTypes traps on codes above 999).
        let requested = fault.kind == .taskFails ? 500 : fault.status ?? 500
        let status = (400...599).contains(requested) ? requested : 500
        let (type, code): (String, String) =
            switch status {
            case 401, 403: ("authentication_error", "invalid_api_key")
            case 402: ("billing_error", "insufficient_credits")
            case 404: ("invalid_request_error", "model_not_found")
            case 422: ("invalid_request_error", "prompt_rejected")
            case 429: ("rate_limit_error", "rate_limit_exceeded")
            case 400..<500: ("invalid_request_error", "invalid_request")
            default: ("server_error", fault.kind == .taskFails ? "task_failed" : "server_error")
            }
        return APIError(
            status: status, message: fault.message ?? "Simulated \(fault.kind == .taskFails ? "task failure" : "status \(status)").",
            type: type, param: nil, code: fault.code ?? code
        )
    }

    /// The body object, also used as a failed task's `error`.
    func body(requestID: String) -> ErrorBody.Detail {
        ErrorBody.Detail(message: message, type: type, param: param, code: code, requestID: requestID)
    }
}

/// The JSON wrapper of an error response.
struct ErrorBody: Encodable, Sendable {
    let error: Detail

    struct Detail: Codable, Sendable, Hashable {
        let message: String
        let type: String
        let param: String?
        let code: String
        let requestID: String

        enum CodingKeys: String, CodingKey {
            case message, type, param, code
            case requestID = "request_id"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(message, forKey: .message)
            try container.encode(type, forKey: .type)
            // `param` is sent as null when absent, as OpenAI does.
            try container.encode(param, forKey: .param)
            try container.encode(code, forKey: .code)
            try container.encode(requestID, forKey: .requestID)
        }
    }
}
