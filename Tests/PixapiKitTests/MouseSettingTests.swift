import Foundation
import TestSupport
import Testing
@testable import PixapiKit

/// `mouse = true|false` in config.toml: on unless the config turns it off; anything but a
/// boolean is refused with the line to fix.
@Suite struct MouseSettingTests {
    private func settings(_ text: String?) throws -> PixtermSettings { try PixtermSettings.loaded(fromConfig: text) }

    @Test func theMouseIsOnUnlessTheConfigTurnsItOff() throws {
        #expect(try settings(nil).mouse)
        #expect(try settings("mouse = true\n").mouse)
        #expect(try !settings("mouse = false\n").mouse)
    }

    @Test func aMouseValueThatIsNotABooleanIsRefused() throws {
        #expect {
            try settings("mouse = \"no\"\n")
        } throws: { error in
            (error as? PixapiError)?.message.contains("mouse in ") == true && (error as? PixapiError)?.message.contains("must be true or false") == true
        }
    }
}
