import Foundation
import Testing
@testable import PixapiKit

/// The key goes only to the exact origin of the base URL, and redirects never carry it elsewhere.
@Suite struct KeyOriginTests {
    func origin(_ text: String) -> APIOrigin { APIOrigin(URL(string: text)!)! }
    func url(_ text: String) -> URL { URL(string: text)! }

    @Test func defaultPortsAreMadeExplicit() {
        #expect(origin("http://h") == origin("http://h:80"))
        #expect(origin("https://h") == origin("https://h:443"))
        #expect(origin("https://h").description == "https://h:443")
        #expect(origin("http://h") != origin("https://h"))
        #expect(origin("http://h:443") != origin("https://h"))
        #expect(origin("https://h:80") != origin("http://h"))
    }

    @Test func schemeAndHostAreCompared() {
        #expect(origin("HTTPS://API.Example.com/v1") == origin("https://api.example.com"))
        #expect(origin("https://api.example.com") != origin("https://cdn.example.com"))
        #expect(APIOrigin(url("ftp://h")) == nil)
        #expect(APIOrigin(url("file:///etc/passwd")) == nil)
        #expect(origin("http://[::1]:8080").description == "http://[::1]:8080")
    }

    @Test func theKeyGoesOnlyToTheExactOrigin() {
        let api = origin("https://api.pixapi.ai")
        #expect(api.mayReceiveKey(url("https://api.pixapi.ai/v1/images/generations")))
        #expect(api.mayReceiveKey(url("https://API.pixapi.ai:443/files/a.png")))
        // The old check compared `URL.port` (nil for both) and sent the key over plain HTTP here.
        #expect(!api.mayReceiveKey(url("http://api.pixapi.ai/files/a.png")))
        #expect(!api.mayReceiveKey(url("https://api.pixapi.ai:8443/files/a.png")))
        #expect(!api.mayReceiveKey(url("https://cdn.pixapi.ai/a.png")))
        let plain = origin("http://127.0.0.1")
        #expect(plain.mayReceiveKey(url("http://127.0.0.1:80/x")))
        #expect(!plain.mayReceiveKey(url("https://127.0.0.1/x")))
    }

    @Test func downgradesAreOnlyFromHTTPS() {
        #expect(origin("https://h").isDowngrade(to: url("http://h/a.png")))
        #expect(origin("https://h").isDowngrade(to: url("HTTP://cdn/a.png")))
        #expect(!origin("https://h").isDowngrade(to: url("https://cdn/a.png")))
        #expect(!origin("http://h").isDowngrade(to: url("http://cdn/a.png")))
    }

    @Test func credentialsAreStrippedFromURLs() {
        let stripped = url("https://user:pa55@api.example.com:8443/v1?x=1").removingCredentials
        #expect(stripped.absoluteString == "https://api.example.com:8443/v1?x=1")
        #expect(!stripped.hasCredentials)
        #expect(url("https://user@h/").removingCredentials.absoluteString == "https://h/")
        #expect(url("https://h/").removingCredentials == url("https://h/"))
        var configuration = ClientConfiguration(baseURL: url("https://u:pa55@h"), apiKey: "k")
        #expect(configuration.baseURL.absoluteString == "https://h")
        configuration.baseURL = url("http://u:pa55@other:8080")
        #expect(configuration.baseURL.absoluteString == "http://other:8080")
    }

    @Test func aGETRedirectKeepsTheKeyOnlyWhileAtTheAPIOrigin() throws {
        let rule = RedirectRule(origin: origin("https://api.pixapi.ai"))
        let start = url("https://api.pixapi.ai/files/a.png")
        let same = try rule.next(status: 302, location: "/files/b.png", from: start, keySentSoFar: true, hops: 0)
        #expect(same == RedirectRule.Hop(url: url("https://api.pixapi.ai/files/b.png"), sendsKey: true))
        let away = try rule.next(status: 307, location: "https://cdn.example.com/b.png", from: start, keySentSoFar: true, hops: 0)
        #expect(away == RedirectRule.Hop(url: url("https://cdn.example.com/b.png"), sendsKey: false))
        // Once the chain has left the API origin, coming back does not bring the key back.
        let back = try rule.next(status: 302, location: "https://api.pixapi.ai/files/c.png", from: url("https://cdn.example.com/b.png"), keySentSoFar: false, hops: 1)
        #expect(back?.sendsKey == false)
        #expect(try rule.next(status: 302, location: nil, from: start, keySentSoFar: true, hops: 0) == nil)
    }

    @Test func aRedirectToPlainHTTPToAnotherSchemeOrOneTooManyIsRefused() {
        let rule = RedirectRule(origin: origin("https://api.pixapi.ai"))
        let start = url("https://api.pixapi.ai/files/a.png")
        #expect(throws: PixapiError.self) { try rule.next(status: 302, location: "http://api.pixapi.ai/files/a.png", from: start, keySentSoFar: true, hops: 0) }
        #expect(throws: PixapiError.self) { try rule.next(status: 302, location: "file:///etc/passwd", from: start, keySentSoFar: true, hops: 0) }
        #expect(throws: PixapiError.self) {
            try rule.next(status: 302, location: "/again", from: start, keySentSoFar: true, hops: RedirectRule.maxHops)
        }
    }

    @Test func onlyGETAndHEADRedirectsAreFollowed() {
        #expect(RedirectRule.follows(method: "GET", status: 302))
        #expect(RedirectRule.follows(method: "HEAD", status: 308))
        #expect(!RedirectRule.follows(method: "POST", status: 307))
        #expect(!RedirectRule.follows(method: "GET", status: 304))
        #expect(!RedirectRule.follows(method: "GET", status: 200))
    }

    @Test func aRedirectOfAPaidRequestIsReportedNamingWhereItPointed() {
        let error = ErrorResponse.error(
            status: 307, body: [], headers: [("Location", "https://evil.example:8443/v1/images/generations?token=abc")],
            url: url("https://api.pixapi.ai/v1/images/generations")
        )
        #expect(error.kind == .invalidRequest)
        #expect(error.status == 307)
        #expect(error.message.contains("https://evil.example:8443/v1/images/generations"))
        #expect(error.message.contains("nothing was sent there"))
        #expect(!error.message.contains("token=abc"))
    }
}
