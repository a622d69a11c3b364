import Foundation
@testable import PixapiSimulator
import Testing

@Suite("Pure parts")
struct UnitTests {
    @Test("multipart: fields, files, quoted boundary, repeated parts")
    func multipart() throws {
        let body = Array(
            ("preamble\r\n--b0undary\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\ntwo\r\nlines\r\n"
                + "--b0undary\r\nContent-Disposition: form-data; name=\"image[]\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n"
                + "\u{0}\r\n-b\r\n--b0undary\r\ncontent-disposition: form-data; name=\"image[]\"; filename=\"b.png\"\r\n\r\n"
                + "\r\n--b0undary--\r\n").utf8)
        #expect(Multipart.boundary(fromContentType: "multipart/form-data; boundary=\"b0undary\"") == "b0undary")
        #expect(Multipart.boundary(fromContentType: "application/json") == nil)
        let parts = try Multipart.parse(body, boundary: "b0undary")
        #expect(parts.map(\.name) == ["prompt", "image[]", "image[]"])
        #expect(String(decoding: parts[0].body, as: UTF8.self) == "two\r\nlines")
        #expect(Array(parts[1].body) == [0, 13, 10, 45, 98])
        #expect(parts[1].contentType == "image/png")
        #expect(parts[2].filename == "b.png")
        #expect(parts[2].body.isEmpty)
    }

    @Test("multipart: an unclosed part is a 400")
    func multipartUnclosed() {
        let body = Array("--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nno end".utf8)
        #expect(throws: APIError.self) { try Multipart.parse(body, boundary: "b") }
    }

    @Test("task phases: queued for the first tenth, then growing progress, then finished")
    func taskPhases() {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let job = ImageJob(
            operation: .generate, model: "gpt-image-2", prompt: "p", size: .auto, width: 1024, height: 1024,
            quality: .low, n: 1, responseFormat: .url, outputFormat: .png, sourceDigest: nil, cost: 1
        )
        let task = TaskRecord(
            id: "task_1", job: job, createdAt: 0, started: start, duration: .seconds(10), baseURL: "http://h",
            failure: nil, requestID: "req_1", result: nil
        )
        #expect(task.phase(at: start) == .queued)
        #expect(task.phase(at: start + 0.5) == .queued)
        #expect(task.phase(at: start + 5) == .running(progress: 50))
        #expect(task.phase(at: start + 9.999) == .running(progress: 99))
        #expect(task.phase(at: start + 10) == .finished)
    }

    @Test("the forbidden trigger matches the whole word in any case")
    func forbiddenWord() {
        #expect(ImageJob.containsForbiddenWord("a FORBIDDEN door"))
        #expect(ImageJob.containsForbiddenWord("forbidden."))
        #expect(!ImageJob.containsForbiddenWord("unforbidden"))
        #expect(!ImageJob.containsForbiddenWord("a forbid den"))
    }
}
