import Foundation

/// libFuzzer target: `ImageResponseSpooler` (JSON scanning and streaming base64) on arbitrary
/// response bodies. The first byte picks the size of the pieces the body arrives in.
///
/// Checked: no crash; the same body in one piece and in small pieces gives the same skeleton and
/// the same files; when the body is valid JSON, the skeleton is valid JSON too; the skeleton then
/// goes through `ImageResult.parse` and `TaskSnapshot.parse` as the client does.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSpooler(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let piece = Int(data[0]) % 64 + 1
    let body = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let whole = spool(body, pieceSize: body.count + 1)
    let pieces = spool(body, pieceSize: piece)
    defer { for file in whole.files + pieces.files { try? FileManager.default.removeItem(at: file) } }
    guard whole.skeleton == pieces.skeleton, whole.succeeded == pieces.succeeded,
        whole.files.map(contents) == pieces.files.map(contents)
    else { fatalError("the answer depends on how the body was cut into pieces (piece size \(piece))") }
    guard whole.succeeded, let skeleton = whole.skeleton else { return 0 }
    let object = try? JSONSerialization.jsonObject(with: Data(skeleton))
    if object == nil, (try? JSONSerialization.jsonObject(with: Data(body))) != nil {
        fatalError("valid JSON became an invalid skeleton: \(String(decoding: skeleton, as: UTF8.self))")
    }
    if let object = object as? [String: Any] {
        _ = try? ImageResult.parse(object, spooled: whole.files)
        _ = try? TaskSnapshot.parse(object, spooled: whole.files)
    }
    return 0
}

private let staging: URL = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pixterm-fuzz-spooler-\(getpid())")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}()

private func contents(_ file: URL) -> Data? { FileManager.default.contents(atPath: file.path) }

private func spool(_ body: [UInt8], pieceSize: Int) -> (succeeded: Bool, skeleton: [UInt8]?, files: [URL]) {
    var spooler = ImageResponseSpooler(staging: staging, maxImageBytes: 1 << 20, maxImages: 10)
    do throws(PixapiError) {
        var start = 0
        while start < body.count {
            let end = min(body.count, start + pieceSize)
            try spooler.consume(body[start..<end])
            start = end
        }
        try spooler.finish()
        return (true, spooler.skeleton, spooler.spooledFiles)
    } catch {
        let files = spooler.spooledFiles
        spooler.discard()
        return (false, nil, files)
    }
}
