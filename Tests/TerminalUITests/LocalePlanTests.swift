import Testing
@testable import TerminalUI

@Suite("Locale plan")
struct LocalePlanTests {
    private let ascii = "ANSI_X3.4-1968"

    @Test func aUTF8CodesetIsKeptWhateverItsSpelling() {
        for codeset in ["UTF-8", "utf8", "UTF8"] {
            let plan = LocalePlan(codeset: codeset, environment: ["LANG": "en_GB.UTF-8"]) { _ in true }
            #expect(plan.choice == .keep)
            #expect(plan.notice == nil)
            #expect(plan.drawsUnicode)
        }
    }

    @Test func withoutUTF8TheFirstInstalledCandidateIsChosen() {
        let all = LocalePlan(codeset: ascii, environment: [:]) { _ in true }
        #expect(all.choice == .switchTo("C.UTF-8"))
        let debianOld = LocalePlan(codeset: ascii, environment: [:]) { $0 == "en_US.utf8" }
        #expect(debianOld.choice == .switchTo("en_US.utf8"))
        let macOS = LocalePlan(codeset: "US-ASCII", environment: [:]) { $0 == "UTF-8" }
        #expect(macOS.choice == .switchTo("UTF-8"))
        let custom = LocalePlan(codeset: ascii, environment: ["PIXTERM_UTF8_LOCALES": "x, y"]) { $0 == "y" || $0 == "C.UTF-8" }
        #expect(custom.choice == .switchTo("y"))
        let never = LocalePlan(codeset: ascii, environment: ["PIXTERM_UTF8_LOCALES": ""]) { _ in true }
        #expect(never.choice == .noUTF8Locale)
    }

    @Test func theSwitchIsSaidWithTheVariableThatCausedIt() {
        let unset = LocalePlan(codeset: ascii, environment: ["HOME": "/root"]) { $0 == "C.UTF-8" }
        #expect(unset.notice == "locale had no UTF-8 (LANG unset): using C.UTF-8")
        #expect(unset.summary == "LANG unset, codeset ANSI_X3.4-1968: the UI switches LC_CTYPE to C.UTF-8")
        let lang = LocalePlan(codeset: ascii, environment: ["LANG": "C"]) { _ in true }
        #expect(lang.notice == "locale had no UTF-8 (LANG=C): using C.UTF-8")
        // LC_ALL overrides LC_CTYPE and LANG; an empty one counts as unset.
        let all = LocalePlan(codeset: ascii, environment: ["LC_ALL": "POSIX", "LC_CTYPE": "C.UTF-8", "LANG": "C"]) { _ in true }
        #expect(all.origin == "LC_ALL=POSIX")
        let empty = LocalePlan(codeset: ascii, environment: ["LC_ALL": "", "LC_CTYPE": "C"]) { _ in true }
        #expect(empty.origin == "LC_CTYPE=C")
    }

    @Test func aUTF8NameThatGaveAnotherCodesetIsNotInstalled() {
        let plan = LocalePlan(codeset: ascii, environment: ["LANG": "fr_FR.UTF-8"]) { $0 == "C.utf8" }
        #expect(plan.notice == "locale had no UTF-8 (LANG=fr_FR.UTF-8 is not installed): using C.utf8")
    }

    @Test func withNoUTF8LocaleAtAllTheUIDrawsSingleBytes() {
        let plan = LocalePlan(codeset: ascii, environment: ["LANG": "C"]) { _ in false }
        #expect(plan.choice == .noUTF8Locale)
        #expect(!plan.drawsUnicode)
        #expect(plan.notice == "no UTF-8 locale to switch to (LANG=C): non-ASCII text shows as ? but is kept")
        #expect(plan.summary == "LANG=C, codeset ANSI_X3.4-1968, and no UTF-8 locale to switch to")
    }

    @Test func thisSystemHasAUTF8LocaleToSwitchTo() {
        // CI installs one (.ci/install-deps); the UI tests under LANG=C rely on it.
        let plan = ProcessLocale.plan(environment: [:])
        #expect(plan.drawsUnicode, "\(plan.summary)")
    }
}

@Suite("Cells without a UTF-8 locale")
struct SingleByteGlyphTests {
    @Test func boxDrawingBecomesTheTerminalsLineSet() {
        let keys = ["─": "q", "│": "x", "┌": "l", "┐": "k", "└": "m", "┘": "j", "↑": "-", "↓": "."]
        for (grapheme, key) in keys {
            #expect(SingleByteGlyph(Character(grapheme), width: 1) == .lineDrawing(UInt8(ascii: Unicode.Scalar(key)!)), "\(grapheme)")
        }
    }

    @Test func otherTextKeepsItsWidthAsPlaceholders() {
        #expect(SingleByteGlyph("a", width: 1) == .text("a"))
        #expect(SingleByteGlyph("猫", width: 2) == .text("??"))
        #expect(SingleByteGlyph("🐈‍⬛", width: 2) == .text("??"))
        #expect(SingleByteGlyph("e\u{301}", width: 1) == .text("?"))
        #expect(SingleByteGlyph("…", width: 1) == .text("."))
    }
}
