import Foundation

/// The kitty graphics protocol (kitty, Ghostty, WezTerm and others): an image is transmitted
/// once under an id, then placed and deleted by id, so a redraw costs a few bytes, not the image.
/// Every command carries `q=2` so the terminal never answers into pixterm's input.
public enum KittyGraphics {
    /// The protocol's limit on base64 characters per escape sequence.
    public static let chunkSize = 4096

    /// `payload` base64-encoded into APC commands of at most `chunkSize` characters; only the
    /// first carries `keys`, and `m=1` marks every chunk but the last.
    public static func commands(keys: String, payload: [UInt8]) -> [[UInt8]] {
        let encoded = Array(Data(payload).base64EncodedString().utf8)
        guard encoded.count > chunkSize else { return [apc(keys, encoded)] }
        return stride(from: 0, to: encoded.count, by: chunkSize).map { start in
            let end = min(encoded.count, start + chunkSize)
            let more = end < encoded.count ? "m=1" : "m=0"
            return apc(start == 0 ? keys + "," + more : more, Array(encoded[start..<end]))
        }
    }

    /// Stores PNG bytes under `imageID` without showing them (`a=t`).
    public static func transmit(png: [UInt8], imageID: UInt32) -> [[UInt8]] {
        commands(keys: "a=t,f=100,i=\(imageID),q=2", payload: png)
    }

    /// Shows a transmitted image at the cursor, scaled to `columns` x `rows` cells, leaving the
    /// cursor where it was (`C=1`). A `virtual` placement (`U=1`) draws nothing by itself: it
    /// shows through Unicode placeholder cells instead (see `KittyPlaceholder`).
    public static func place(imageID: UInt32, placementID: UInt32, columns: Int, rows: Int, virtual: Bool = false) -> [UInt8] {
        apc("a=p,i=\(imageID),p=\(placementID),c=\(columns),r=\(rows),\(virtual ? "U=1" : "C=1"),q=2", [])
    }

    /// Removes one placement and keeps the image data for the next `place`.
    public static func deletePlacement(imageID: UInt32, placementID: UInt32) -> [UInt8] {
        apc("a=d,d=i,i=\(imageID),p=\(placementID),q=2", [])
    }

    /// Removes every placement of the image and frees its data in the terminal.
    public static func deleteImage(imageID: UInt32) -> [UInt8] {
        apc("a=d,d=I,i=\(imageID),q=2", [])
    }

    /// The id the support query uses, so its reply can be told apart from anything else.
    public static let queryID: UInt32 = 31

    /// Asks whether the protocol works by "transmitting" a 1x1 RGB pixel with `a=q`, which the
    /// terminal checks and answers (`ESC _ G i=31;OK ESC \`) without storing anything.
    public static let query: [UInt8] = apc("i=\(queryID),s=1,v=1,a=q,t=d,f=24", [0, 0, 0].base64)

    private static func apc(_ keys: String, _ base64: [UInt8]) -> [UInt8] {
        Array("\u{1B}_G\(keys)".utf8) + (base64.isEmpty ? [] : [UInt8(ascii: ";")] + base64) + EscapeBytes.stringTerminator
    }
}

private extension Array where Element == UInt8 {
    var base64: [UInt8] { Array(Data(self).base64EncodedString().utf8) }
}
