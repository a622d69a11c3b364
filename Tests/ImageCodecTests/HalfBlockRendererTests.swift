import Testing
import ImageCodec
import TerminalGraphics

@Suite struct HalfBlockRendererTests {
    private static let red: [UInt8] = [255, 0, 0, 255], black: [UInt8] = [0, 0, 0, 255]
    private static let blue: [UInt8] = [0, 0, 255, 255], green: [UInt8] = [0, 255, 0, 255]

    /// Column 0 top to bottom: red, red, blue, green; column 1: red, black, blue, green.
    private static let twoByFour = RGBAImage(width: 2, height: 4, pixels: Array([red, red, red, black, blue, blue, green, green].joined()))

    @Test(arguments: [
        (ColorMode.truecolor, ["\u{1B}[48;2;255;0;0m \u{1B}[38;2;0;0;0m▄\u{1B}[0m", "\u{1B}[38;2;0;0;255;48;2;0;255;0m▀▀\u{1B}[0m"]),
        (.ansi256, ["\u{1B}[48;5;196m \u{1B}[38;5;16m▄\u{1B}[0m", "\u{1B}[38;5;21;48;5;46m▀▀\u{1B}[0m"]),
        (.ansi16, ["\u{1B}[101m \u{1B}[30m▄\u{1B}[0m", "\u{1B}[34;102m▀▀\u{1B}[0m"]),
        (.none, [":.", "--"]),
    ])
    func twoByFourImageInEachMode(mode: ColorMode, expected: [String]) {
        #expect(HalfBlockRenderer(mode: mode).render(Self.twoByFour, columns: 2, rows: 2) == expected)
    }

    @Test func uniformCellReusesTheCurrentForegroundAsAFullBlock() {
        let image = RGBAImage(width: 2, height: 2, pixels: Array([Self.red, Self.red, Self.blue, Self.red].joined()))
        #expect(
            HalfBlockRenderer(mode: .truecolor).render(image, columns: 2, rows: 1)
                == ["\u{1B}[38;2;255;0;0;48;2;0;0;255m▀█\u{1B}[0m"])
    }

    @Test func coloursThatQuantiseAlikeNeedNoNewSequence() {
        // Two slightly different reds are both xterm 196 in 256-colour mode.
        let image = RGBAImage(width: 2, height: 2, pixels: [255, 0, 0, 255, 250, 5, 0, 255, 255, 0, 0, 255, 250, 5, 0, 255])
        #expect(HalfBlockRenderer(mode: .ansi256).render(image, columns: 2, rows: 1) == ["\u{1B}[48;5;196m  \u{1B}[0m"])
    }

    @Test func transparencyBlendsOverTheConfiguredBackground() {
        let image = RGBAImage(width: 1, height: 2, pixels: [255, 0, 0, 0, 255, 255, 255, 128])
        let cells = HalfBlockRenderer(mode: .truecolor, background: RGB(0, 0, 100)).cells(image, columns: 1, rows: 1)
        #expect(cells == [[HalfBlockCell(top: RGB(0, 0, 100), bottom: RGB(128, 128, 178))]])
    }

    @Test func cellsAreAreaAveragedToTheGrid() {
        // 4x8 pixels into 2x2 cells: each cell half is the mean of a 2x2 block.
        var pixels: [UInt8] = []
        for y in 0..<8 { for x in 0..<4 { pixels += [UInt8(x < 2 ? 0 : 200), UInt8(y * 20), 0, 255] } }
        let cells = HalfBlockRenderer(mode: .truecolor).cells(RGBAImage(width: 4, height: 8, pixels: pixels), columns: 2, rows: 2)
        #expect(cells[0][0] == HalfBlockCell(top: RGB(0, 10, 0), bottom: RGB(0, 50, 0)))
        #expect(cells[1][1] == HalfBlockCell(top: RGB(200, 90, 0), bottom: RGB(200, 130, 0)))
    }

    @Test func fitKeepsTheAspectRatioInSquarePixels() {
        #expect(CellFit.fit(imageWidth: 1024, imageHeight: 1024, maxColumns: 80, maxRows: 40) == (80, 40))
        #expect(CellFit.fit(imageWidth: 3840, imageHeight: 2160, maxColumns: 80, maxRows: 40) == (80, 23))
        #expect(CellFit.fit(imageWidth: 1024, imageHeight: 1536, maxColumns: 80, maxRows: 40) == (53, 40))
        #expect(CellFit.fit(imageWidth: 100, imageHeight: 1000, maxColumns: 80, maxRows: 40) == (8, 40))
        #expect(CellFit.fit(imageWidth: 16, imageHeight: 8, maxColumns: 80, maxRows: 40) == (80, 20))
        #expect(CellFit.fit(imageWidth: 5000, imageHeight: 1, maxColumns: 80, maxRows: 40) == (80, 1))
        #expect(CellFit.fit(imageWidth: 0, imageHeight: 10, maxColumns: 80, maxRows: 40) == (0, 0))
    }
}
