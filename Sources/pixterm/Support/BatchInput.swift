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
            let data = FileHandle.standardInput.readData(ofLength: maxBytes + 1)
            try checkSize(data.count, "standard input")
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
        // Read through a handle, at most one byte past the cap: a FIFO or `<(command)` has no
        // size to check first, and Data(contentsOf:) refuses it with a misleading "permission".
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            data = try handle.read(upToCount: maxBytes + 1) ?? Data()
        } catch {
            throw PixapiError(.invalidInput, "cannot read \(name): \(TerminalText.sanitized(error.localizedDescription))")
        }
        try checkSize(data.count, name)
        return BatchInput(data: data, folder: url.deletingLastPathComponent(), name: name, resumeHint: "pixterm batch \(quoted(name)) --resume")
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
