import Foundation
import Testing
import TestSupport

extension TerminalUIEndToEndTests {
    /// The first cell of a kitty placeholder picture: U+10EEEE with the marks for row 0, column 0.
    static let placeholderFirstCell = "\u{10EEEE}\u{0305}\u{0305}"

    /// Inside tmux, kitty thumbnails are Unicode placeholders, text that tmux keeps like any other:
    /// the real pixterm fills every cell of the grid with its own picture (its own image id, below
    /// 256), pages to the next screen and back, and leaves them alone while the selection moves.
    @Test func gridThumbnailsInsideTmuxAreKittyPlaceholders() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try seedGridGallery(dir, count: 20)
        let tmux = try launch(dir, sim: nil, arguments: ["--graphics", "kitty"], extra: ["PIXAPI_KEY": "sk-grid-test"])
        try await tmux.waitFor(text: "Prompt")
        try tmux.send("C-o")
        try await tmux.waitFor(text: "Gallery · 20 images")
        try tmux.send("g")
        // 80x24: three thumbnails a row, two rows.
        // Pictures drawn whole: six first cells, and every line of them with all three of its row's
        // pictures (curses rewriting a changed line must not leave a picture with a blank row).
        func pictures(_ screen: String) -> Int {
            let lines = screen.split(separator: "\n").map { $0.unicodeScalars.count { $0 == "\u{10EEEE}" } }.filter { $0 > 0 }
            return Set(lines).count == 1 ? screen.components(separatedBy: Self.placeholderFirstCell).count - 1 : -1
        }
        try await tmux.waitFor("six pictures") { pictures($0) == 6 && $0.contains("1/20  a quiet scene 19") }
        let ids = try placeholderIDs(tmux.styledScreen())
        #expect(ids.count == 6 && ids.allSatisfy { $0 < 256 }, "\(ids)")

        try tmux.send("l")
        try await tmux.waitFor("the selection moved, the pictures stayed") { pictures($0) == 6 && $0.contains("2/20  a quiet scene 18") }
        #expect(try placeholderIDs(tmux.styledScreen()) == ids)

        try tmux.send("PageDown")
        try await tmux.waitFor("the next screen") { pictures($0) == 6 && $0.contains("8/20  a fox scene 12") }
        let next = try placeholderIDs(tmux.styledScreen())
        #expect(next.count == 6 && next.isDisjoint(with: ids), "\(next) \(ids)")
        try tmux.send("PageUp")
        try await tmux.waitFor("back") { pictures($0) == 6 && $0.contains("2/20  a quiet scene 18") }
        #expect(try placeholderIDs(tmux.styledScreen()) == ids)
        try tmux.send("C-c")
        try tmux.send("C-c")
    }

    /// The image ids the screen's placeholder cells name: the 256-colour index of their foreground.
    func placeholderIDs(_ styled: String) throws -> Set<Int> {
        let pattern = try NSRegularExpression(pattern: "\u{1B}\\[(?:[0-9;]*;)?38;5;([0-9]+)(?:;[0-9;]*)?m\u{10EEEE}")
        let range = NSRange(styled.startIndex..., in: styled)
        return Set(pattern.matches(in: styled, range: range).compactMap { match in Range(match.range(at: 1), in: styled).flatMap { Int(styled[$0]) } })
    }
}
