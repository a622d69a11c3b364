import Foundation

/// libFuzzer target: a sidecar read from a gallery folder (anyone may have written it) decodes
/// or is refused, never crashes; and one that decodes survives pixterm's own write and read
/// unchanged (but for fractions of a second), so "reuse settings" gets back what the sidecar said.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSidecar(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let json = Data(bytes: data, count: size)
    guard let sidecar = try? Sidecar.decoder.decode(Sidecar.self, from: json) else { return 0 }
    let written: Data
    do {
        written = try Sidecar.encoder.encode(sidecar)
    } catch {
        fatalError("a decoded sidecar cannot be written back: \(error)")
    }
    guard let again = try? Sidecar.decoder.decode(Sidecar.self, from: written) else {
        fatalError("pixterm cannot read the sidecar it wrote: \(String(decoding: written, as: UTF8.self))")
    }
    // ISO 8601 dates are written in whole seconds; a fraction another tool wrote is dropped.
    var expected = sidecar
    expected.created = wholeSeconds(sidecar.created)
    expected.serverCreated = sidecar.serverCreated.map(wholeSeconds)
    if again != expected {
        fatalError("the sidecar changed on a write and read: \(String(decoding: written, as: UTF8.self))")
    }
    return 0
}

private func wholeSeconds(_ date: Date) -> Date {
    Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
}
