import Foundation
import PixapiSimulator
import TestSupport
import Testing

@Suite("Validation errors")
struct ValidationTests {
    /// A minimal valid body with `changes` applied (`NSNull` removes a field).
    static func body(_ changes: [String: Any] = [:]) -> [String: Any] {
        var body: [String: Any] = ["model": "gpt-image-2", "prompt": "a lighthouse", "quality": "low", "response_format": "b64_json"]
        for (key, value) in changes { body[key] = value is NSNull ? nil : value }
        return body
    }

    @Test(
        "sizes at the edges of the custom-size rules",
        arguments: [
            ("gpt-image-2", "1024x640", true),  // exactly the minimum pixel count
            ("gpt-image-2", "1008x640", false),  // just below it
            ("gpt-image-2", "2880x2880", true),  // exactly the maximum pixel count
            ("gpt-image-2", "2896x2880", false),  // just above it
            ("gpt-image-2", "3840x1280", true),  // exactly 3:1
            ("gpt-image-2", "3840x1264", false),  // just past 3:1
            ("gpt-image-2", "1032x1024", false),  // not a multiple of 16
            ("gpt-image-2", "3856x2144", false),  // long edge over 3840
            ("gpt-image-2", "huge", false),  // not a size at all
            ("gpt-image-1.5", "1536x1024", true),  // a preset
            ("gpt-image-1.5", "2048x2048", false),  // only gpt-image-2 offers it
        ])
    func sizeBoundaries(model: String, size: String, valid: Bool) async throws {
        try await withSimulator { sim in
            let response = try await RawHTTP.postJSON(sim, "/v1/images/generations", Self.body(["model": model, "size": size]))
            if valid {
                #expect(response.status == 200)
            } else {
                #expect(response.status == 400)
                #expect(response.error?["param"] as? String == "size")
                #expect(response.error?["type"] as? String == "invalid_request_error")
            }
        }
    }

    @Test(
        "invalid fields answer 400 naming the field",
        arguments: [
            (#"{"n": 0}"#, "n"),
            (#"{"n": 11}"#, "n"),
            (#"{"n": "two"}"#, "n"),
            (#"{"prompt": ""}"#, "prompt"),
            (#"{"prompt": "   "}"#, "prompt"),
            (#"{"prompt": null}"#, "prompt"),
            (#"{"model": null}"#, "model"),
            (#"{"quality": "ultra"}"#, "quality"),
            (#"{"response_format": "gif"}"#, "response_format"),
            (#"{"output_format": "webp"}"#, "output_format"),
        ])
    func invalidFields(changes: String, param: String) async throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(changes.utf8)) as? [String: Any])
        try await withSimulator { sim in
            let response = try await RawHTTP.postJSON(sim, "/v1/images/generations", Self.body(object))
            #expect(response.status == 400)
            #expect(response.error?["param"] as? String == param)
            #expect((response.error?["message"] as? String)?.isEmpty == false)
        }
    }

    @Test("a prompt over the limit is 400, counted in Unicode scalars")
    func promptTooLong() async throws {
        try await withSimulator { sim in
            let response = try await RawHTTP.postJSON(sim, "/v1/images/generations", Self.body(["prompt": String(repeating: "é", count: 32_001)]))
            #expect(response.status == 400)
            #expect(response.error?["code"] as? String == "string_above_max_length")
        }
    }

    @Test("the limits themselves are accepted: n=10, a 32,000-character prompt")
    func limitsAccepted() async throws {
        try await withSimulator { sim in
            let many = try await RawHTTP.postJSON(sim, "/v1/images/generations", Self.body(["n": 10, "size": "1024x640"]))
            #expect(many.status == 200)
            #expect(many.data.count == 10)
            let long = try await RawHTTP.postJSON(sim, "/v1/images/generations", Self.body(["prompt": String(repeating: "é", count: 32_000)]))
            #expect(long.status == 200)
        }
    }

    @Test("an unknown model is 404 model_not_found")
    func unknownModel() async throws {
        try await withSimulator { sim in
            let response = try await RawHTTP.postJSON(sim, "/v1/images/generations", Self.body(["model": "dall-e-9"]))
            #expect(response.status == 404)
            #expect(response.error?["code"] as? String == "model_not_found")
            #expect(response.error?["param"] as? String == "model")
        }
    }

    @Test("a missing, empty or wrong bearer key is 401 and the key is never echoed")
    func unauthorized() async throws {
        try await withSimulator(.init(requiredKey: RawHTTP.key)) { sim in
            let path = "/v1/images/generations"
            let missing = try await RawHTTP.postJSON(sim, path, Self.body(), key: nil)
            let empty = try await RawHTTP.postJSON(sim, path, Self.body(), key: "")
            let wrong = try await RawHTTP.postJSON(sim, path, Self.body(), key: "sk-wrong-key-42")
            let right = try await RawHTTP.postJSON(sim, path, Self.body())
            for response in [missing, empty, wrong] {
                #expect(response.status == 401)
                #expect(response.error?["type"] as? String == "authentication_error")
                #expect(!String(decoding: response.body, as: UTF8.self).contains("sk-wrong-key-42"))
            }
            #expect(right.status == 200)
        }
    }

    @Test("any non-empty key is accepted when no key is required")
    func anyKey() async throws {
        try await withSimulator { sim in
            let response = try await RawHTTP.postJSON(sim, "/v1/images/generations", Self.body(), key: "whatever")
            #expect(response.status == 200)
        }
    }

    @Test("a prompt with the word 'forbidden' is 422 prompt_rejected")
    func promptRejected() async throws {
        try await withSimulator { sim in
            let rejected = try await RawHTTP.postJSON(sim, "/v1/images/generations", Self.body(["prompt": "the Forbidden city"]))
            #expect(rejected.status == 422)
            #expect(rejected.error?["code"] as? String == "prompt_rejected")
            let fine = try await RawHTTP.postJSON(sim, "/v1/images/generations", Self.body(["prompt": "unforbiddenly calm"]))
            #expect(fine.status == 200)
        }
    }

    @Test("credits: a request costing more than the balance is 402; successful ones are deducted")
    func insufficientCredits() async throws {
        try await withSimulator(.init(startingCredits: 5)) { sim in
            // gpt-image-2 at 1K: high costs 14, low costs 1.
            let tooDear = try await RawHTTP.postJSON(sim, "/v1/images/generations", Self.body(["quality": "high"]))
            #expect(tooDear.status == 402)
            #expect(tooDear.error?["code"] as? String == "insufficient_credits")
            let requestID = try #require(tooDear.error?["request_id"] as? String)
            #expect(tooDear.headers.first(name: "x-request-id") == requestID)
            #expect(await sim.creditBalance() == 5)

            let cheap = try await RawHTTP.postJSON(sim, "/v1/images/generations", Self.body(["n": 2]))
            #expect(cheap.status == 200)
            #expect(await sim.creditBalance() == 3)
            let credits = try await RawHTTP.get(sim, "/_sim/credits", key: nil)
            #expect(credits.json?["balance"] as? Int == 3)
        }
    }

    @Test("every error carries the contract's shape and a request id matching the header")
    func errorShape() async throws {
        try await withSimulator { sim in
            let response = try await RawHTTP.postJSON(sim, "/v1/images/generations", Self.body(["n": 0]))
            let error = try #require(response.error)
            #expect(Set(error.keys) == ["message", "type", "param", "code", "request_id"])
            #expect(error["request_id"] as? String == response.headers.first(name: "x-request-id"))
        }
    }

    @Test("a body that is not JSON is 400, an unknown path 404")
    func badBodies() async throws {
        try await withSimulator { sim in
            let notJSON = try await RawHTTP.send(
                .POST, sim.baseURL.absoluteString + "/v1/images/generations",
                headers: [("Content-Type", "application/json"), ("Authorization", "Bearer k")], body: Array("{nope".utf8)
            )
            #expect(notJSON.status == 400)
            #expect(notJSON.error?["code"] as? String == "invalid_json")
            let unknown = try await RawHTTP.get(sim, "/v1/nothing")
            #expect(unknown.status == 404)
        }
    }
}
