import Foundation
import TestSupport
import Testing
@testable import PixapiKit

@Suite struct ResponseParsingTests {
    func json(_ text: String) -> [String: Any] {
        try! JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
    }

    @Test func taskStatusesOtherThanCompletedAndFailedAreRunning() throws {
        for status in ["submitted", "queued", "in_progress", "processing", "anything_new"] {
            let snapshot = try TaskSnapshot.parse(json("{\"id\": \"task_1\", \"status\": \"\(status)\", \"progress\": 40}"), spooled: [])
            #expect(snapshot.status == .running(status))
            #expect(snapshot.progress == 40)
            #expect(!snapshot.isTerminal)
        }
    }

    @Test func completedTaskReadsResultDataOrFallsBackToTopLevelData() throws {
        let nested = try TaskSnapshot.parse(
            json(
                """
                {"id": "t", "status": "completed", "progress": 100, "result": {"created": 5, "data": [{"url": "https://cdn/x.png"}, {"url": "https://cdn/y.png"}]}}
                """), spooled: [])
        guard case let .completed(result) = nested.status else { Issue.record("not completed"); return }
        #expect(result.items.map(\.payload) == [.url(URL(string: "https://cdn/x.png")!), .url(URL(string: "https://cdn/y.png")!)])
        let flat = try TaskSnapshot.parse(json("{\"id\": \"t\", \"status\": \"completed\", \"data\": [{\"url\": \"https://cdn/z.png\"}]}"), spooled: [])
        guard case let .completed(flatResult) = flat.status else { Issue.record("not completed"); return }
        #expect(flatResult.items.count == 1)
    }

    @Test func failedTaskCarriesTheErrorSanitized() throws {
        let snapshot = try TaskSnapshot.parse(
            json(
                """
                {"id": "t9", "status": "failed", "error": {"code": 500, "message": "GPU \\u001b[31mmelted\\u001b[0m"}}
                """), spooled: [])
        guard case let .failed(error) = snapshot.status else { Issue.record("not failed"); return }
        #expect(error.kind == .taskFailed)
        #expect(error.message == "task t9 failed: GPU melted")
        #expect(error.code == "500")
    }

    @Test func imageResultRejectsMissingOrUnsafeItems() {
        #expect(throws: PixapiError.self) { try ImageResult.parse(json("{\"data\": []}"), spooled: []) }
        #expect(throws: PixapiError.self) { try ImageResult.parse(json("{\"created\": 1}"), spooled: []) }
        #expect(throws: PixapiError.self) { try ImageResult.parse(json("{\"data\": [{\"url\": \"file:///etc/passwd\"}]}"), spooled: []) }
        #expect(throws: PixapiError.self) { try ImageResult.parse(json("{\"data\": [{\"b64_json\": \"@spool:3\"}]}"), spooled: []) }
    }

    @Test func errorBodiesInEveryShape() {
        let withStringCode = ErrorResponse.error(
            status: 402, body: Array("{\"error\": {\"code\": \"insufficient_credits\", \"message\": \"Need 133\", \"request_id\": \"req_9\"}}".utf8), headers: []
        )
        #expect(withStringCode.kind == .insufficientCredits)
        #expect(withStringCode.requestID == "req_9")
        #expect(withStringCode.description.contains("(request id req_9)"))
        let numericCode = ErrorResponse.error(status: 400, body: Array("{\"error\": {\"code\": 400, \"message\": \"bad size\", \"param\": \"size\"}}".utf8), headers: [])
        #expect(numericCode.kind == .invalidRequest)
        #expect(numericCode.code == "400")
        #expect(numericCode.message.contains("(field: size)"))
        let rateLimited = ErrorResponse.error(status: 429, body: [], headers: [("Retry-After", "7"), ("X-Request-Id", "req_1")])
        #expect(rateLimited.kind == .rateLimited)
        #expect(rateLimited.retryAfter == 7)
        #expect(rateLimited.requestID == "req_1")
        #expect(rateLimited.isTransient)
        let html = ErrorResponse.error(status: 503, body: Array("<html>\u{1B}]0;pwned\u{07}busy</html>".utf8), headers: [])
        #expect(html.kind == .server)
        #expect(!html.message.contains("\u{1B}"))
        #expect(html.isTransient)
        let unauthorized = ErrorResponse.error(status: 401, body: Array("{\"error\": {\"message\": \"bad key\"}}".utf8), headers: [])
        #expect(unauthorized.kind == .unauthorized)
        #expect(unauthorized.message.contains("PIXAPI_KEY"))
        #expect(!unauthorized.isTransient)
        #expect(ErrorResponse.error(status: 422, body: Array("{\"error\": {\"code\": \"prompt_rejected\", \"message\": \"no\"}}".utf8), headers: []).kind == .promptRejected)
        #expect(ErrorResponse.error(status: 404, body: Array("{\"error\": {\"code\": \"model_not_found\", \"message\": \"no\"}}".utf8), headers: []).kind == .notFound)
    }

    @Test func redactionRemovesAnEchoedKey() {
        let error = PixapiError(.unauthorized, "key sk-secret-123 is invalid").redacting("sk-secret-123")
        #expect(error.message == "key [redacted] is invalid")
    }
}
