/// libFuzzer target: `TOMLSubset.parse` on arbitrary text must return or throw, never crash,
/// never take more than linear time (libFuzzer's -timeout), and never repeat a value it refuses
/// in its error (the value may be the API key).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTOMLSubset(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        _ = try TOMLSubset.parse(text)
    } catch {
        // A value after `= ` is never echoed: plant a marker value and check for it.
        if text.contains("= \"FUZZSECRET"), error.message.contains("FUZZSECRET") {
            fatalError("a config error repeated a value: \(error.message)")
        }
    }
    return 0
}
