@testable import PixtermCore

/// An editor holding `text` with the caret at its end, laid out `width` columns wide.
func makeEditor(_ text: String = "", width: Int = 40, height: Int = 10, limit: Int = 32_000) -> PromptEditor {
    PromptEditor(text: text, limit: limit, layoutWidth: width, viewportHeight: height)
}

extension PromptEditor {
    mutating func run(_ commands: EditorCommand...) {
        for command in commands { apply(command, layoutWidth: layoutWidth) }
    }

    mutating func typeEach(_ text: String) {
        for character in text { apply(.type(character), layoutWidth: layoutWidth) }
    }

    var rowTexts: [String] { rows(0..<rowCount).map(\.text) }
}
