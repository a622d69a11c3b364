import Foundation

/// libFuzzer target: `FolderListing.entries` on a folder of a few thousand short names, so
/// `readdir`'s buffer is full and its last record sits near the buffer's end, where reading a
/// whole `dirent` (rather than the record's own bytes) runs past it and AddressSanitizer stops.
/// Each input adds one more file, named from its bytes, so every run packs the buffer
/// differently.
///
/// Checked: no out-of-bounds read; every name in the folder is listed exactly once, sorted.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFolderListing(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789-_.")
    let name = "x" + String(UnsafeBufferPointer(start: data, count: min(size, 200)).map { alphabet[Int($0) % alphabet.count] })
    let file = folder.appendingPathComponent(name)
    FileManager.default.createFile(atPath: file.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: file) }
    guard let listed = FolderListing.entries(of: folder)?.map(\.name) else { fatalError("the folder could not be listed") }
    let expected = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    if listed != expected { fatalError("listed \(listed.count) names, the folder has \(expected.count)") }
    return 0
}

/// Made once per process: 3,000 files with names of 1 to 12 characters.
private let folder: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("pixterm-fuzz-listing-\(getpid())")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    for index in 0..<3_000 {
        let name = String(repeating: "n", count: index % 12) + String(index, radix: 36)
        FileManager.default.createFile(atPath: url.appendingPathComponent(name).path, contents: nil)
    }
    atexit { try? FileManager.default.removeItem(atPath: FileManager.default.temporaryDirectory.appendingPathComponent("pixterm-fuzz-listing-\(getpid())").path) }
    return url
}()
