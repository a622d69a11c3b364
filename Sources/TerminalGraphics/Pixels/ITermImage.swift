import Foundation

/// iTerm2's inline images (OSC 1337 File=), also understood by WezTerm, mintty, Konsole and
/// others: the whole file travels in one sequence and the terminal scales it into cells.
public enum ITermImage {
    /// Shows `file` (PNG or JPEG bytes) at the cursor in `columns` x `rows` cells. The size and
    /// name let the terminal show progress and check the payload; BEL ends the sequence because
    /// more terminals accept it than ST here.
    public static func inline(file: [UInt8], columns: Int, rows: Int, name: String = "pixterm.png") -> [UInt8] {
        let encodedName = Data(name.utf8).base64EncodedString()
        let header = "\u{1B}]1337;File=name=\(encodedName);size=\(file.count);width=\(columns);height=\(rows);preserveAspectRatio=1;inline=1:"
        return Array(header.utf8) + Array(Data(file).base64EncodedString().utf8) + [0x07]
    }
}
