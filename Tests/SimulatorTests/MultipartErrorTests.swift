@testable import PixapiSimulator
import Testing

/// Bodies MultipartKit refuses, or accepts but that are no form, are a 400 that says so.
@Suite("Malformed multipart bodies")
struct MultipartErrorTests {
    @Test(
        "a body cut short, a broken part header or a part without a form-data name is a 400",
        arguments: [
            ("--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nvalue\r\n--b", "a part is not closed"),
            ("--b\r\nContent-Disposition form-data\r\n\r\nvalue\r\n--b--\r\n", "not well formed"),
            ("--b\r\nContent-Disposition: attachment; name=\"x\"\r\n\r\nvalue\r\n--b--\r\n", "no form-data name"),
            ("--b\r\nContent-Type: text/plain\r\n\r\nvalue\r\n--b--\r\n", "no form-data name"),
        ])
    func malformed(body: String, reason: String) {
        #expect {
            try Multipart.parse(Array(body.utf8), boundary: "b")
        } throws: { error in
            guard let error = error as? APIError else { return false }
            return error.status == 400 && error.message.hasPrefix("The multipart body is malformed: ") && error.message.contains(reason)
        }
    }

    @Test("a preamble, a line break after the close delimiter and a CRLF inside a value are accepted")
    func tolerated() throws {
        let body = "preamble\r\n--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nline\r\nline\r\n--b--\r\n"
        let parts = try Multipart.parse(Array(body.utf8), boundary: "b")
        #expect(parts.map(\.name) == ["x"])
        #expect(String(decoding: parts[0].body, as: UTF8.self) == "line\r\nline")
    }
}
