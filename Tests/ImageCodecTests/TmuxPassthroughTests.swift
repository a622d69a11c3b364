import Testing
import TerminalGraphics

@Suite struct TmuxPassthroughTests {
    @Test func wrapDoublesEveryEscape() {
        let wrapped = TmuxPassthrough.wrap(bytes("\u{1B}_Ga=d,d=I,i=2,q=2\u{1B}\\"))
        #expect(text(wrapped) == "\u{1B}Ptmux;\u{1B}\u{1B}_Ga=d,d=I,i=2,q=2\u{1B}\u{1B}\\\u{1B}\\")
    }

    @Test func onlyOnAndAllLetSequencesThrough() {
        #expect(TmuxPassthrough.allows(optionValue: "on\n"))
        #expect(TmuxPassthrough.allows(optionValue: "all"))
        #expect(!TmuxPassthrough.allows(optionValue: "off"))
        #expect(!TmuxPassthrough.allows(optionValue: ""))
    }

    @Test func everyKittyChunkIsWrappedOnItsOwn() throws {
        let encoder = GraphicsEncoder(method: .kitty, passthrough: true, cellSize: CellPixelSize(width: 10, height: 20))
        let noisy = Synthetic.image(width: 120, height: 80, alpha: false)
        let placement = try encoder.placement(of: noisy, in: CellRect(row: 0, column: 0, width: 12, height: 4), imageID: 2)
        let upload = text(placement.upload)
        let chunks = upload.components(separatedBy: "\u{1B}Ptmux;").dropFirst()
        #expect(chunks.count > 1)
        for chunk in chunks {
            #expect(chunk.hasPrefix("\u{1B}\u{1B}_G"))
            #expect(chunk.hasSuffix("\u{1B}\u{1B}\\\u{1B}\\"))
            #expect(chunk.utf8.count < KittyGraphics.chunkSize + 64)
        }
        #expect(text(placement.draw).contains("\u{1B}Ptmux;\u{1B}\u{1B}_Ga=p,i=2"))
    }
}
