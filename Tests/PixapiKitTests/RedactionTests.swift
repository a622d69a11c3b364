import Foundation
import Testing
@testable import PixapiKit

/// The key is removed from server text before it is sanitised or cut.
@Suite struct RedactionTests {
    let key = "sk-live-0123456789abcdef"
    var redactor: Redactor { Redactor(secrets: [key]) }

    @Test func everyOccurrenceAndATrailingOpeningAreRedacted() {
        #expect(redactor.redact("a \(key) b \(key)") == "a [redacted] b [redacted]")
        #expect(redactor.redact("cut short: sk-live-0123") == "cut short: [redacted]")
        #expect(redactor.redact("nothing here") == "nothing here")
        #expect(Redactor(secrets: ["abc", nil]).redact("abc") == "abc", "too short to redact safely")
    }

    @Test func redactionHappensBeforeTheCut() {
        // The key straddles character 80: cutting first left its opening in the preview.
        let text = String(repeating: "x", count: 70) + key + " tail"
        let cleaned = redactor.clean(text, limit: 80)
        #expect(cleaned.count == 80)
        #expect(!cleaned.contains("sk-live"))
        #expect(!cleaned.contains("sk-"))
    }

    @Test func escapeSequencesCannotHideOrSpliceAKey() {
        // CSI ends at the key's first letter, leaving the rest bare; an escape inside joins it back.
        #expect(!redactor.clean("\u{1B}[\(key)").contains("live-0123"))
        let spliced = "sk-live-01234\u{1B}[0m56789abcdef"
        #expect(redactor.clean(spliced) == "[redacted]")
    }

    @Test func everyStringOfAJSONAnswerIsRedacted() throws {
        let object: [String: Any] = ["error": ["message": "key \(key) is wrong", "list": [key, 3]], key: "x"]
        let redacted = try #require(redactor.redactJSON(object) as? [String: Any])
        let data = try JSONSerialization.data(withJSONObject: redacted)
        #expect(!String(decoding: data, as: UTF8.self).contains("0123456789abcdef"))
        #expect(((redacted["error"] as? [String: Any])?["message"] as? String) == "key [redacted] is wrong")
    }

    @Test func errorBodyPreviewsAreRedactedBeforeTheCut() {
        // A non-JSON body with the key straddling the 200-character preview.
        let body = String(repeating: "y", count: 190) + key + " more"
        let error = ErrorResponse.error(status: 500, body: Array(body.utf8), headers: [], redactor: redactor)
        #expect(!error.message.contains("sk-live"))
        #expect(!error.message.contains("sk-"))
        let json = ErrorResponse.error(
            status: 401, body: Array("{\"error\": {\"message\": \"key \(key) revoked\", \"code\": \"\(key)\"}}".utf8), headers: [],
            redactor: redactor
        )
        #expect(!json.description.contains("0123456789"))
        #expect(json.code == "[redacted]")
    }

    @Test func theLateRedactionOfAnErrorUsesTheSameRules() {
        let error = PixapiError(.server, "echo sk-live-0123").redacting(key)
        #expect(error.message == "echo [redacted]")
    }
}
