import Foundation
import ImageCodec
import Testing
import TerminalGraphics

@Suite struct ITermEncoderTests {
    @Test func headerNamesSizeCellsAndAspect() {
        let output = text(ITermImage.inline(file: [1, 2, 3], columns: 4, rows: 2, name: "a.png"))
        #expect(output == "\u{1B}]1337;File=name=YS5wbmc=;size=3;width=4;height=2;preserveAspectRatio=1;inline=1:AQID\u{07}")
    }

    @Test func placementSendsAFittedPNGAndErasesWithBlanks() throws {
        let encoder = GraphicsEncoder(method: .iterm, cellSize: CellPixelSize(width: 8, height: 16))
        let placement = try encoder.placement(of: Synthetic.gradient(width: 640, height: 640), in: CellRect(row: 5, column: 0, width: 10, height: 10), imageID: 1)
        // 10x10 cells of 8x16 are 80x160 pixels; a square image fits as 80x80 in 10x5 cells.
        #expect(placement.cells == CellRect(row: 5, column: 0, width: 10, height: 5))
        #expect(placement.upload.isEmpty && placement.release.isEmpty)
        let draw = text(placement.draw)
        #expect(draw.hasPrefix("\u{1B}7\u{1B}[6;1H\u{1B}]1337;File=name="))
        #expect(draw.contains(";width=10;height=5;preserveAspectRatio=1;inline=1:"))
        let base64 = try #require(draw.split(separator: ":").last?.dropLast(3))  // BEL, ESC 8
        let png = try #require(Data(base64Encoded: String(base64)))
        let sent = try PNGCodec.decode([UInt8](png))
        #expect((sent.width, sent.height) == (80, 80))
        #expect(text(placement.erase).components(separatedBy: "\u{1B}[10X").count == 6)
    }

    @Test func insideTmuxTheWholeSequenceIsWrapped() throws {
        let encoder = GraphicsEncoder(method: .iterm, passthrough: true)
        let output = text(try encoder.inline(Synthetic.gradient(width: 4, height: 4), maxColumns: 4, maxRows: 4, imageID: 1))
        #expect(output.hasPrefix("\u{1B}Ptmux;\u{1B}\u{1B}]1337;File="))
        #expect(output.hasSuffix("\u{07}\u{1B}\\\n"))
    }
}
