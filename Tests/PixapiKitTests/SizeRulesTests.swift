import Testing
@testable import PixapiKit

@Suite struct SizeRulesTests {
    let two = try! ModelCatalog.builtIn.model("gpt-image-2")
    let onePointFive = try! ModelCatalog.builtIn.model("gpt-image-1.5")

    @Test func parsesAutoAndDimensions() throws {
        #expect(try ImageSize.parse("auto") == .auto)
        #expect(try ImageSize.parse(" AUTO ") == .auto)
        #expect(try ImageSize.parse("1024x1536") == .pixels(width: 1024, height: 1536))
        #expect(try ImageSize.parse("1024X1536") == .pixels(width: 1024, height: 1536))
        #expect(try ImageSize.parse("1024×1536") == .pixels(width: 1024, height: 1536))
        for bad in ["", "1024", "x1024", "1024x", "1024x1024x2", "-16x1024", "0x1024", "abcxdef", "+16x1024", "1024 x 1024"] {
            #expect(throws: PixapiError.self, "\(bad)") { try ImageSize.parse(bad) }
        }
    }

    @Test func presetsAndAutoAreValidForBothModels() {
        for model in [two, onePointFive] {
            #expect(model.check(.auto).isValid)
            for preset in ["1024x1024", "1536x1024", "1024x1536"] {
                #expect(model.check(try! ImageSize.parse(preset)).isValid, "\(model.id) \(preset)")
            }
        }
    }

    @Test func onePointFiveTakesOnlyItsPresets() {
        let check = onePointFive.check(.pixels(width: 2048, height: 2048))
        #expect(!check.isValid)
        #expect(check.violations.map(\.rule) == [.notOffered])
        #expect(check.message.contains("takes only auto, 1024x1024, 1536x1024, 1024x1536"))
        #expect(onePointFive.check(.pixels(width: 1920, height: 1088)).suggestions == [.pixels(width: 1536, height: 1024)])
        #expect(onePointFive.check(.pixels(width: 800, height: 1600)).suggestions == [.pixels(width: 1024, height: 1536)])
    }

    @Test func multipleOfSixteen() {
        #expect(two.check(.pixels(width: 1024, height: 1024 + 16)).isValid)
        let check = two.check(.pixels(width: 1000, height: 1000))
        #expect(check.violations.map(\.rule) == [.multipleOf])
        #expect(check.suggestions == [.pixels(width: 1008, height: 1008), .pixels(width: 992, height: 992)])
        #expect(check.message == "1000x1000 is not valid for gpt-image-2: both edges must be multiples of 16 (1000 and 1000 are not). Nearest valid: 1008x1008 or 992x992")
        #expect(two.check(.pixels(width: 1024, height: 1000)).violations.first?.description.contains("(1000 is not)") == true)
    }

    @Test func minimumPixelsBoundary() {
        // 655,360 = 1024 x 640: exactly the minimum passes, one step below fails.
        #expect(two.check(.pixels(width: 1024, height: 640)).isValid)
        let below = two.check(.pixels(width: 1024, height: 624))
        #expect(below.violations.map(\.rule) == [.minPixels])
        #expect(below.message.contains("638,976 pixels is below the minimum of 655,360"))
        for suggestion in below.suggestions { #expect(two.check(suggestion).isValid) }
        #expect(!below.suggestions.isEmpty)
    }

    @Test func maximumPixelsBoundary() {
        // 8,294,400 = 3840 x 2160: exactly the maximum passes; 3840 x 2176 is over.
        #expect(two.check(.pixels(width: 3840, height: 2160)).isValid)
        #expect(two.check(.pixels(width: 2160, height: 3840)).isValid)
        let over = two.check(.pixels(width: 3840, height: 2176))
        #expect(over.violations.map(\.rule) == [.maxPixels])
        #expect(over.suggestions.first == .pixels(width: 3840, height: 2160))
        let square = two.check(.pixels(width: 2896, height: 2896))
        #expect(square.violations.map(\.rule) == [.maxPixels])
        #expect(square.suggestions.first == .pixels(width: 2880, height: 2880))
    }

    @Test func aspectRatioBoundary() {
        // 3:1 exactly passes; a step more fails.
        #expect(two.check(.pixels(width: 2304, height: 768)).isValid)
        #expect(two.check(.pixels(width: 768, height: 2304)).isValid)
        let wide = two.check(.pixels(width: 2320, height: 768))
        #expect(wide.violations.map(\.rule) == [.aspectRatio])
        for suggestion in wide.suggestions {
            #expect(two.check(suggestion).isValid)
            let (w, h) = suggestion.dimensions!
            #expect(w <= 3 * h)
        }
    }

    @Test func longEdgeBoundary() {
        #expect(two.check(.pixels(width: 3840, height: 1280)).isValid)
        let long = two.check(.pixels(width: 3856, height: 1296))
        #expect(long.violations.map(\.rule) == [.maxEdge])
        #expect(long.suggestions.allSatisfy { two.check($0).isValid && $0.longEdge! <= 3840 })
    }

    @Test func severalViolationsAreAllReported() {
        let check = two.check(.pixels(width: 5000, height: 1000))
        #expect(Set(check.violations.map(\.rule)) == [.multipleOf, .aspectRatio, .maxEdge])
        #expect(check.suggestions.allSatisfy { two.check($0).isValid })
        #expect(!check.suggestions.isEmpty)
    }

    @Test func suggestionsAreAlwaysValid() {
        for width in stride(from: 100, through: 6000, by: 397) {
            for height in stride(from: 100, through: 6000, by: 413) {
                let check = two.check(.pixels(width: width, height: height))
                if !check.isValid {
                    #expect(!check.suggestions.isEmpty, "\(width)x\(height)")
                    for suggestion in check.suggestions { #expect(two.check(suggestion).isValid, "\(width)x\(height) -> \(suggestion)") }
                }
            }
        }
    }
}

/// Trimming keeps what is between the first and last non-whitespace characters, whatever the
/// whitespace (Unicode's, CR LF as one character) and whatever is inside.
@Suite struct TrimmingWhitespaceTests {
    @Test func trimsOnlyTheEnds() throws {
        let cases = ["", " ", " \t\r\n ", "1024x1024", "  1024x768\t", "\u{3000}auto\u{00A0}", "a b", " 猫 🦊 ", "\r\n x \r\n", "é\u{301} "]
        for text in cases {
            let reference = String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
            #expect(text.trimmingWhitespace() == reference, "\(text.debugDescription)")
            #expect(text[...].trimmingWhitespace() == reference, "a Substring: \(text.debugDescription)")
        }
        #expect(try ImageSize.parse("\u{3000} 1536x1024\t") == .pixels(width: 1536, height: 1024))
    }
}
