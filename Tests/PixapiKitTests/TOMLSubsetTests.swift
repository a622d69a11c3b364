import Foundation
import TestSupport
import Testing
@testable import PixapiKit

/// The config reader: linear on hostile sizes, TOML's integers, CRLF files, and errors that say
/// where and what was expected without ever repeating a value (the value may be the API key).
@Suite struct TOMLSubsetTests {
    private func parseWithin(
        _ limit: Double, _ text: String
    ) -> (value: Result<[String: TOMLSubset.Value], PixapiError>, seconds: Double)? {
        finish(within: limit) {
            do throws(PixapiError) { return .success(try TOMLSubset.parse(text)) } catch { return .failure(error) }
        }
    }

    private func message(_ text: String) -> String? {
        do {
            _ = try TOMLSubset.parse(text)
            return nil
        } catch {
            return error.message
        }
    }

    @Test(arguments: [20_000, 100_000])
    func longTableHeadersParseInLinearTime(parts: Int) throws {
        let header = "[" + Array(repeating: "a", count: parts).joined(separator: ".") + "]\nkey = 1\n"
        let run = try #require(parseWithin(5, header), "parsing a \(parts)-part table header did not finish in 5 s")
        #expect(run.seconds < 2)
        let values = try run.value.get()
        #expect(values.count == 1)
        #expect(values.keys.first?.count == parts * 2 + 3)
    }

    @Test func aOneMebibyteStringParsesInLinearTime() throws {
        let prefix = "prompt = \"", suffix = "\"\n"
        let body = String(repeating: "x", count: TOMLSubset.maxDocumentBytes - prefix.utf8.count - suffix.utf8.count)
        let document = prefix + body + suffix
        #expect(document.utf8.count == TOMLSubset.maxDocumentBytes)
        let run = try #require(parseWithin(5, document), "parsing a 1 MiB string did not finish in 5 s")
        #expect(run.seconds < 2)
        #expect(try run.value.get()["prompt"] == .string(body))
    }

    @Test func aDocumentOverOneMebibyteIsRefusedWithASizeMessage() throws {
        let document = "# " + String(repeating: "x", count: TOMLSubset.maxDocumentBytes) + "\n"
        let text = try #require(message(document))
        #expect(text.contains("larger than 1 MiB"), "\(text)")
    }

    @Test func crlfLineEndingsAreAccepted() throws {
        let values = try TOMLSubset.parse("# windows\r\napi_key = \"k\"\r\n\r\n[a]\r\nb = 2 # note\r\nc = 'x'\r\n")
        #expect(values == ["api_key": .string("k"), "a.b": .integer(2), "a.c": .string("x")])
        #expect(try TOMLSubset.parse("\u{FEFF}a = 1\r\n") == ["a": .integer(1)])
        // A carriage return on its own is not a line ending.
        #expect(message("a = 1\rb = 2") != nil)
    }

    @Test func integersAreReadAsTOMLSays() throws {
        let values = try TOMLSubset.parse(
            """
            hex = 0x10
            hex_mixed = 0xdead_BEEF
            octal = 0o17
            binary = 0b101
            grouped = 1_000
            negative = -42
            positive = +7
            zero = 0
            smallest = -9223372036854775808
            largest = 9223372036854775807
            ratio = 1.5
            exponent = 1e3
            grouped_float = 1_000.250_5
            """)
        #expect(values["hex"] == .integer(16))
        #expect(values["hex_mixed"] == .integer(0xDEAD_BEEF))
        #expect(values["octal"] == .integer(15))
        #expect(values["binary"] == .integer(5))
        #expect(values["grouped"] == .integer(1000))
        #expect(values["negative"] == .integer(-42))
        #expect(values["positive"] == .integer(7))
        #expect(values["zero"] == .integer(0))
        #expect(values["smallest"] == .integer(Int.min))
        #expect(values["largest"] == .integer(Int.max))
        #expect(values["ratio"] == .float(1.5))
        #expect(values["exponent"] == .float(1000))
        #expect(values["grouped_float"] == .float(1000.2505))
        for bad in ["0x", "0xg1", "1__000", "_1", "1_", "0b102", "-0x10", "010", "9223372036854775808", "1.", ".5", "1e", "inf", "nan", "0x_1"] {
            #expect(message("n = \(bad)") != nil, "\(bad) should be refused")
        }
    }

    @Test func stringsKeysAndTables() throws {
        let values = try TOMLSubset.parse(
            """
            [ pricing . "gpt-image-1.5" . '1K' ]
            high = 20
            "quoted key" = "tab\\there \\u00e9\\U0001F600 \\"q\\" \\\\"
            dotted.key = true
            """)
        #expect(values["pricing.gpt-image-1.5.1K.high"] == .integer(20))
        #expect(values["pricing.gpt-image-1.5.1K.quoted key"] == .string("tab\there é😀 \"q\" \\"))
        #expect(values["pricing.gpt-image-1.5.1K.dotted.key"] == .bool(true))
        for bad in ["[[a]]\n", "[a\n", "[]\n", "a = [1]", "a = {b = 1}", "a = \"\"\"x\"\"\"", "a = \"\\q\"", "a = \"\\uD800\"", "a = 1 2", "= 1", "a.= 1", "a = true1"] {
            #expect(message(bad) != nil, "\(bad) should be refused")
        }
    }

    @Test func aKeySetTwiceIsPointedAtNotNamed() throws {
        let text = try #require(message("[pricing.\"gpt-image-1.5\".2K]\nhigh = 1\n  high = 2\n"))
        #expect(text == "config line 3, column 3: this key is set twice (an earlier line sets it too)", "\(text)")
    }

    @Test func errorsNameTheLineAndColumn() throws {
        let text = try #require(message("a = 1\n\nbase_url = ftp\n"))
        #expect(text.hasPrefix("config line 3, column 12:"), "\(text)")
        let wide = try #require(message("\"漢字\" = @\n"))
        #expect(wide.hasPrefix("config line 1, column 8:"), "\(wide)")
    }

    /// The API key's line is the one a user edits by hand; whatever is wrong with it, the
    /// message must not repeat it (terminals, logs and bug reports keep it).
    @Test func aValueNeverAppearsInAnErrorMessage() throws {
        let secret = "sk-live-0123456789abcdef"
        let broken = [
            "api_key = \(secret)",
            "api_key = \"\(secret)",
            "api_key = '\(secret)",
            "api_key = \"\(secret)\" trailing",
            "api_key = \"\(secret)\\x\"",
            "api_key = \"\(secret)\u{7}\"",
            "api_key \"\(secret)\"",
            "\(secret)",
            "[\(secret)",
            "token = \"\(secret)\"\ntoken = \"\(secret)\"",
            "api_key = \"\(secret)\"\n\(secret)",
            "api_key = \"\"\"\(secret)\"\"\"",
            // A key pasted into quotes by mistake, set twice (the fuzzer's find): the message
            // names no quoted key, as it may be the API key itself.
            "'\(secret)' = 1\n'\(secret)' = 2",
            "[\"\(secret) x\"]\nk = 0\nk = 5",
        ]
        for document in broken {
            let text = try #require(message(document), "\(document) should be refused")
            #expect(!text.contains("sk-live"), "\(text)")
            #expect(!text.contains("0123456789"), "\(text)")
        }
    }
}
