import Foundation
import PixapiKit

/// A batch file's bytes, read whole before anything is sent (its content names the run), and
/// the folder its relative image paths are read from.
struct BatchInput {
    /// More than this is surely not a list of prompts; refused rather than read into memory.
    static let maxBytes = 16 << 20

    let data: Data
    /// The batch file's folder; the working directory for standard input.
    let folder: URL
    /// The path as given, sanitized, or `standard input`.
    let name: String
    /// The command that finishes this batch.
    let resumeHint: String

    /// Reads `path`, or standard input for `-`.
    static func read(_ path: String) throws(PixapiError) -> BatchInput {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        if path == "-" {
            let data = try readCapped(FileHandle.standardInput, "standard input")
            return BatchInput(data: data, folder: cwd, name: "standard input", resumeHint: "pixterm batch - --resume (with the same input)")
        }
        let name = TerminalText.sanitized(path)
        let url = URL(fileURLWithPath: path, relativeTo: cwd).standardizedFileURL
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw PixapiError(.invalidInput, "cannot read \(name): no such file")
        }
        guard !isFolder.boolValue else { throw PixapiError(.invalidInput, "\(name) is a folder, not a batch file") }
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        try checkSize(size, name)
        let handle: FileHandle
        do { handle = try FileHandle(forReadingFrom: url) } catch { throw unreadable(name, error) }
        defer { try? handle.close() }
        let data = try readCapped(handle, name)
        return BatchInput(data: data, folder: url.deletingLastPathComponent(), name: name, resumeHint: "pixterm batch \(quoted(name)) --resume")
    }

    /// Reads at most one byte past the cap through `handle`: a FIFO, `<(command)` or standard
    /// input has no size to check first (Data(contentsOf:) refuses a FIFO with a misleading
    /// "permission"), and a closed standard input or a folder fails with the reason, not a trap.
    private static func readCapped(_ handle: FileHandle, _ name: String) throws(PixapiError) -> Data {
        let data: Data
        do { data = try handle.read(upToCount: maxBytes + 1) ?? Data() } catch { throw unreadable(name, error) }
        try checkSize(data.count, name)
        return data
    }

    /// `cannot read NAME: <the system's reason>` (Foundation wraps it in a vaguer error).
    private static func unreadable(_ name: String, _ error: any Error) -> PixapiError {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        let reason = underlying?.domain == NSPOSIXErrorDomain ? String(cString: strerror(Int32(underlying?.code ?? 0))) : error.localizedDescription
        return PixapiError(.invalidInput, "cannot read \(name): \(TerminalText.sanitized(reason))")
    }

    private static func checkSize(_ size: Int, _ name: String) throws(PixapiError) {
        guard size <= maxBytes else { throw PixapiError(.invalidInput, "\(name) is larger than 16 MB; split it into several batches") }
    }

    /// The path as a shell word, quoted only when it needs it.
    private static func quoted(_ path: String) -> String {
        let plain = path.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "/._-+,:@%".unicodeScalars.contains($0) }
        return plain ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
