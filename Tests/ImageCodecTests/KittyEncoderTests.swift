import Foundation
import ImageCodec
import Testing
@testable import TerminalGraphics

@Suite struct KittyEncoderTests {
    @Test func smallPayloadIsOneCommandWithKeysAndBase64() {
        let output = KittyGraphics.commands(keys: "a=t,f=100,i=7,q=2", payload: [1, 2, 3])
        #expect(output.map(text) == ["\u{1B}_Ga=t,f=100,i=7,q=2;AQID\u{1B}\\"])
    }

    @Test func largePayloadIsChunkedAt4096WithMoreFlags() throws {
        // 3073 bytes -> 4100 base64 characters: one full chunk and four characters.
        let payload = (0..<3073).map { UInt8(truncatingIfNeeded: $0 * 7) }
        let output = KittyGraphics.commands(keys: "a=t,i=9,q=2", payload: payload).map(text)
        #expect(output.count == 2)
        let parsed = output.flatMap(kittyCommands)
        #expect(parsed.map(\.keys) == ["a=t,i=9,q=2,m=1", "m=0"])
        #expect(parsed.map(\.payload.count) == [4096, 4])
        let joined = try #require(Data(base64Encoded: parsed.map(\.payload).joined()))
        #expect([UInt8](joined) == payload)
    }

    @Test func placeAndDeleteCommands() {
        #expect(text(KittyGraphics.place(imageID: 7, placementID: 1, columns: 4, rows: 2)) == "\u{1B}_Ga=p,i=7,p=1,c=4,r=2,C=1,q=2\u{1B}\\")
        #expect(text(KittyGraphics.place(imageID: 7, placementID: 1, columns: 4, rows: 2, virtual: true)) == "\u{1B}_Ga=p,i=7,p=1,c=4,r=2,U=1,q=2\u{1B}\\")
        #expect(text(KittyGraphics.deletePlacement(imageID: 7, placementID: 1)) == "\u{1B}_Ga=d,d=i,i=7,p=1,q=2\u{1B}\\")
        #expect(text(KittyGraphics.deleteImage(imageID: 7)) == "\u{1B}_Ga=d,d=I,i=7,q=2\u{1B}\\")
        #expect(text(KittyGraphics.query) == "\u{1B}_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\u{1B}\\")
    }

    @Test func placeholderRowsCarryRowAndColumnMarks() {
        let rows = KittyPlaceholder.rows(imageID: 5, columns: 3, rows: 2)
        #expect(rows.count == 2)
        let second = Array(rows[1].unicodeScalars)
        #expect(String(String.UnicodeScalarView(second.prefix(9))) == "\u{1B}[38;5;5m")
        let cells = Array(second.dropFirst(9).dropLast(5))
        #expect(cells.count == 9)
        // Row 1 is the second diacritic (U+030D); columns 0, 1, 2 are U+0305, U+030D, U+030E.
        #expect(cells.map(\.value) == [0x10EEEE, 0x030D, 0x0305, 0x10EEEE, 0x030D, 0x030D, 0x10EEEE, 0x030D, 0x030E])
        #expect(rows[1].hasSuffix("\u{1B}[39m"))
    }

    @Test func largeImageIDsUseTrueColourWithRedAsTheHighByte() {
        let row = KittyPlaceholder.rows(imageID: 0x01_02_03, columns: 1, rows: 1)[0]
        #expect(row.hasPrefix("\u{1B}[38;2;1;2;3m"))
    }

    @Test func diacriticTableIsDistinctCombiningMarks() {
        #expect(KittyPlaceholder.maxCells >= 256)
        #expect(Set(KittyPlaceholder.diacritics).count == KittyPlaceholder.diacritics.count)
        for value in KittyPlaceholder.diacritics {
            #expect(Unicode.Scalar(value)?.properties.generalCategory == .nonspacingMark, "U+\(String(value, radix: 16))")
        }
    }

    @Test func placementTransmitsOnceAndPlacesAtTheRectangle() throws {
        let encoder = GraphicsEncoder(method: .kitty, cellSize: CellPixelSize(width: 10, height: 20))
        let image = Synthetic.gradient(width: 1024, height: 512)
        let placement = try encoder.placement(of: image, in: CellRect(row: 2, column: 4, width: 40, height: 20), imageID: 3)
        // 1024x512 into 400x400 pixels: 400x200, so 40 columns by 10 rows.
        #expect(placement.cells == CellRect(row: 2, column: 4, width: 40, height: 10))
        let upload = kittyCommands(text(placement.upload))
        #expect(upload.first?.keys.hasPrefix("a=t,f=100,i=3,q=2") == true)
        let png = try #require(Data(base64Encoded: upload.map(\.payload).joined()))
        let sent = try PNGCodec.decode([UInt8](png))
        #expect((sent.width, sent.height) == (400, 200))
        #expect(text(placement.draw) == "\u{1B}7\u{1B}[3;5H\u{1B}_Ga=p,i=3,p=1,c=40,r=10,C=1,q=2\u{1B}\\\u{1B}8")
        #expect(text(placement.erase) == "\u{1B}_Ga=d,d=i,i=3,p=1,q=2\u{1B}\\")
        #expect(text(placement.release) == "\u{1B}_Ga=d,d=I,i=3,q=2\u{1B}\\")
    }

    @Test func smallImagesAreSentAtTheirOwnSize() throws {
        let encoder = GraphicsEncoder(method: .kitty, cellSize: CellPixelSize(width: 10, height: 20))
        let placement = try encoder.placement(of: Synthetic.gradient(width: 30, height: 40), in: CellRect(row: 0, column: 0, width: 40, height: 20), imageID: 1)
        let png = try #require(Data(base64Encoded: kittyCommands(text(placement.upload)).map(\.payload).joined()))
        let sent = try PNGCodec.decode([UInt8](png))
        #expect((sent.width, sent.height) == (30, 40))
        // Fitted into 400x400: 300x400 pixels, 30 columns by 20 rows.
        #expect(placement.cells.width == 30 && placement.cells.height == 20)
    }

    @Test func placeholdersInsideTmuxAreDrawnAsTextRowByRow() throws {
        let encoder = GraphicsEncoder(method: .kitty, passthrough: true, placeholders: true, cellSize: CellPixelSize(width: 10, height: 20))
        let placement = try encoder.placement(of: Synthetic.gradient(width: 10, height: 40), in: CellRect(row: 1, column: 1, width: 2, height: 2), imageID: 9)
        #expect(placement.cells == CellRect(row: 1, column: 1, width: 1, height: 2))
        let draw = text(placement.draw)
        let rows = KittyPlaceholder.rows(imageID: 9, columns: 1, rows: 2)
        #expect(draw == "\u{1B}7\u{1B}[2;2H" + rows[0] + "\u{1B}[3;2H" + rows[1] + "\u{1B}8")
        // The data and the virtual placement both travel through tmux; the text does not.
        #expect(text(placement.upload).hasPrefix("\u{1B}Ptmux;\u{1B}\u{1B}_Ga=t,f=100,i=9,q=2"))
        #expect(text(placement.upload).contains("\u{1B}\u{1B}_Ga=p,i=9,p=1,c=1,r=2,U=1,q=2\u{1B}\u{1B}\\\u{1B}\\"))
        #expect(!draw.contains("tmux"))
        #expect(text(placement.erase) == "\u{1B}7\u{1B}[2;2H\u{1B}[1X\u{1B}[3;2H\u{1B}[1X\u{1B}8")
    }

    @Test func inlinePreviewHasNoImageID() throws {
        let encoder = GraphicsEncoder(method: .kitty, cellSize: CellPixelSize(width: 10, height: 20))
        let output = text(try encoder.inline(Synthetic.gradient(width: 8, height: 8), maxColumns: 10, maxRows: 10, imageID: 4))
        let commands = kittyCommands(output)
        #expect(commands.count == 1)
        #expect(commands[0].keys == "a=T,f=100,c=10,r=5,q=2")
        #expect(output.hasSuffix("\u{1B}\\\n"))
    }
}
