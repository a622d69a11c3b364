import Foundation
import TestSupport
import Testing
@testable import PixapiKit

@Suite struct SupportTests {
    @Test func sanitizerStripsEscapeSequencesAndControls() {
        #expect(TerminalText.sanitized("a\u{1B}[31mred\u{1B}[0m b") == "ared b")
        #expect(TerminalText.sanitized("x\u{1B}]52;c;ZXZpbA==\u{07}y") == "xy")
        #expect(TerminalText.sanitized("x\u{1B}]0;title\u{1B}\\y") == "xy")
        #expect(TerminalText.sanitized("x\u{1B}Pq#0;2;0;0;0\u{1B}\\y") == "xy")
        #expect(TerminalText.sanitized("x\u{9B}2Jy") == "xy")
        #expect(TerminalText.sanitized("x\u{1B}cy") == "xy")
        #expect(TerminalText.sanitized("a\tb\nc\u{7F}\u{0}d") == "a b cd")
        #expect(TerminalText.sanitized("a\nb", keepNewlines: true) == "a\nb")
        #expect(TerminalText.sanitized("漢字 👍🏽 é") == "漢字 👍🏽 é")
        #expect(TerminalText.sanitized("dangling\u{1B}") == "dangling")
    }

    @Test func retryPolicyHonoursRetryAfterAndBounds() {
        let policy = RetryPolicy(maxAttempts: 3, baseDelay: .seconds(1), maxDelay: .seconds(4), maxRetryAfter: .seconds(30))
        let rateLimited = PixapiError(.rateLimited, "slow down", status: 429, retryAfter: 2.5)
        #expect(policy.delay(afterAttempt: 1, error: rateLimited) == .milliseconds(2500))
        #expect(policy.delay(afterAttempt: 3, error: rateLimited) == nil)
        #expect(policy.delay(afterAttempt: 1, error: PixapiError(.rateLimited, "x", retryAfter: 31)) == nil)
        let server = PixapiError(.server, "boom", status: 500)
        #expect(policy.delay(afterAttempt: 1, error: server, random: { 1 }) == .seconds(1))
        #expect(policy.delay(afterAttempt: 2, error: server, random: { 1 }) == .seconds(2))
        #expect(policy.delay(afterAttempt: 2, error: server, random: { 0.5 }) == .seconds(1))
        #expect(policy.delay(afterAttempt: 1, error: PixapiError(.invalidRequest, "no", status: 400)) == nil)
        #expect(policy.delay(afterAttempt: 1, error: PixapiError(.server, "not implemented", status: 501)) == nil)
        let long = RetryPolicy(maxAttempts: 10, baseDelay: .seconds(1), maxDelay: .seconds(4))
        #expect(long.delay(afterAttempt: 8, error: server, random: { 1 }) == .seconds(4))
    }

    @Test func retryAfterReadsSecondsAndHTTPDates() {
        #expect(RetryPolicy.parseRetryAfter("12") == 12)
        let now = Date(timeIntervalSince1970: 1_766_880_000)
        #expect(RetryPolicy.parseRetryAfter("Sun, 28 Dec 2025 00:00:30 GMT", now: now) == 30)
        #expect(RetryPolicy.parseRetryAfter("Sun, 28 Dec 2025 00:00:00 GMT", now: now.addingTimeInterval(60)) == 0)
        #expect(RetryPolicy.parseRetryAfter("soon") == nil)
        #expect(RetryPolicy.parseRetryAfter("-3") == nil)
    }

    @Test func pollScheduleBacksOffThenJitters() {
        let schedule = PollSchedule.standard
        #expect((0..<3).map { schedule.delay(beforePoll: $0) } == [.seconds(1), .seconds(2), .seconds(4)])
        #expect(schedule.delay(beforePoll: 3, random: { 0 }) == .seconds(5))
        #expect(schedule.delay(beforePoll: 9, random: { 1 }) == .seconds(10))
    }

    @Test func tomlSubsetReadsTheConfigShape() throws {
        let values = try TOMLSubset.parse(
            """
            # pixterm config
            api_key = "sk-abc#not-a-comment"   # trailing comment
            max_credits = 1_000
            ratio = 1.5
            enabled = true
            path = 'C:\\raw'

            [pricing."gpt-image-1.5"."1K"]
            high = 20
            """)
        #expect(values["api_key"] == .string("sk-abc#not-a-comment"))
        #expect(values["max_credits"] == .integer(1000))
        #expect(values["ratio"] == .float(1.5))
        #expect(values["enabled"] == .bool(true))
        #expect(values["path"] == .string("C:\\raw"))
        #expect(values["pricing.gpt-image-1.5.1K.high"] == .integer(20))
        #expect(throws: PixapiError.self) { try TOMLSubset.parse("a = [1, 2]") }
        #expect(throws: PixapiError.self) { try TOMLSubset.parse("a = 1\na = 2") }
        #expect(throws: PixapiError.self) { try TOMLSubset.parse("just words") }
    }

    @Test func settingsPrecedenceAndKeySource() throws {
        let temporary = try TemporaryDirectory("pixterm-home")
        defer { temporary.remove() }
        let home = temporary.url
        let config = home.appendingPathComponent(".config/pixterm/config.toml")
        try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        try """
        api_key = "from-config"
        base_url = "http://127.0.0.1:9"
        gallery = "~/pics"
        max_credits = 50
        [pricing."gpt-image-1.5"."1K"]
        high = 20
        """.write(to: config, atomically: true, encoding: .utf8)
        let fromConfig = try PixtermSettings.load(environment: ["HOME": home.path])
        #expect(fromConfig.apiKey == "from-config")
        #expect(fromConfig.keySource == .configFile(config.path))
        #expect(fromConfig.baseURL.absoluteString == "http://127.0.0.1:9")
        #expect(fromConfig.gallery.path == home.path + "/pics")
        #expect(fromConfig.maxCredits == 50)
        #expect(try fromConfig.prices.estimate(model: "gpt-image-1.5", size: .auto, quality: .high, n: 1).creditsPerImage == 20)

        let fromEnvironment = try PixtermSettings.load(
            environment: ["HOME": home.path, "PIXAPI_KEY": "from-env", "PIXAPI_BASE_URL": "http://localhost:1", "PIXTERM_GALLERY": "/tmp/g"],
            overrides: .init(baseURL: "http://127.0.0.2:2", maxCredits: 5)
        )
        #expect(fromEnvironment.apiKey == "from-env")
        #expect(fromEnvironment.keySource == .environment)
        #expect(fromEnvironment.baseURL.absoluteString == "http://127.0.0.2:2")
        #expect(fromEnvironment.gallery.path == "/tmp/g")
        #expect(fromEnvironment.maxCredits == 5)
        #expect(fromEnvironment.paths.configFile == config)

        let bare = try PixtermSettings.load(environment: ["HOME": home.appendingPathComponent("none").path, "XDG_DATA_HOME": "/srv/data"])
        #expect(bare.apiKey == nil)
        #expect(bare.gallery.path == "/srv/data/pixterm/gallery")
        #expect(throws: PixapiError.self) { try bare.clientConfiguration() }
        #expect(throws: PixapiError.self) {
            try PixtermSettings.load(environment: ["HOME": home.path], overrides: .init(baseURL: "ftp://x"))
        }
    }

    @Test func requestValidationBeforeSending() throws {
        let catalog = ModelCatalog.builtIn
        func request(_ change: (inout ImageRequest) -> Void) -> ImageRequest {
            var request = ImageRequest(model: "gpt-image-2", prompt: "a cat")
            change(&request)
            return request
        }
        #expect(throws: Never.self) { try catalog.validate(request { _ in }) }
        let cases: [(String, (inout ImageRequest) -> Void)] = [
            ("prompt", { $0.prompt = "  \n " }),
            ("prompt", { $0.prompt = String(repeating: "a", count: 32_001) }),
            ("n", { $0.n = 0 }),
            ("n", { $0.n = 11 }),
            ("size", { $0.size = .pixels(width: 1000, height: 1000) }),
            ("model", { $0.model = "gpt-image-9" }),
            ("image", { $0.operation = .edit }),
            (
                "image",
                {
                    $0.operation = .edit; $0.images = ["/nonexistent/x.png"]
                }
            ),
            ("image", { $0.images = ["/tmp/x.png"] }),
        ]
        for (param, change) in cases {
            #expect(throws: PixapiError.self) { try catalog.validate(request(change)) }
            do { try catalog.validate(request(change)) } catch { #expect(error.param == param, "\(error.message)") }
        }
        #expect(throws: Never.self) { try catalog.validate(request { $0.prompt = String(repeating: "漢", count: 32_000) }) }
    }
}
