import PixtermCore
import Testing
@testable import TerminalUI

/// Alt keys are resolved here, so the key tables never see one: Alt+B/F are word motions,
/// Alt+Enter a newline, and any other Alt+letter is dropped.
@Suite struct KeyMappingTests {
    @Test(arguments: [
        (KeyEvent.alt(.text("b")), InputKey?.some(.wordLeft)), (.alt(.text("f")), .wordRight), (.alt(.enter), .newline),
        (.alt(.text("x")), nil), (.alt(.text("?")), nil), (.alt(.up), .up),
    ])
    func altKeys(event: KeyEvent, expected: InputKey?) {
        #expect(KeyMapping.inputKey(event) == expected)
    }
}
