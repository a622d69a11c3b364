/// libFuzzer target: `KeyDecoder` on arbitrary terminal input. Bytes go through
/// `feed(byte:)` as the ncurses loop sends them, except the ones UTF-8 never uses, which stand
/// for the other tokens: 0xF5-0xF7 and the next three bytes a raw `.scalar` of any value (also
/// surrogates and values past U+10FFFF), 0xF8 `.idle`, 0xF9 `.pasteStart`, 0xFA `.pasteEnd`,
/// 0xFB-0xFF and the next byte a key ncurses decoded.
///
/// Checked: no crash or trap; after `.idle` no sequence is half read; a `.text` key never holds
/// a control character (those must arrive as named keys or be dropped).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKeyDecoder(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    var decoder = KeyDecoder()
    var index = 0
    while index < bytes.count {
        let byte = bytes[index]
        index += 1
        guard byte >= 0xF5, let token = token(after: byte, in: bytes, at: &index) else {
            for event in decoder.feed(byte: byte) { checkNoControlText(event) }
            continue
        }
        for event in decoder.feed(token) { checkNoControlText(event) }
        if token == .idle, decoder.awaitsMoreInput { fatalError("still waiting for input after .idle") }
    }
    for event in decoder.feed(.idle) { checkNoControlText(event) }
    return 0
}

private let namedKeys: [KeyEvent] = [
    .enter, .tab, .backTab, .backspace, .delete, .insert, .escape, .up, .down, .left, .right,
    .home, .end, .pageUp, .pageDown, .ctrlLeft, .ctrlRight, .function(1), .resize(columns: 80, rows: 24),
]

private func token(after lead: UInt8, in bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> InputToken? {
    func next() -> UInt8 {
        defer { index += 1 }
        return index < bytes.count ? bytes[index] : 0
    }
    switch lead {
    case 0xF5...0xF7: return .scalar(UInt32(lead & 0x03) << 24 | UInt32(next()) << 16 | UInt32(next()) << 8 | UInt32(next()))
    case 0xF8: return .idle
    case 0xF9: return .pasteStart
    case 0xFA: return .pasteEnd
    case 0xFB...0xFF: return .key(namedKeys[Int(next()) % namedKeys.count])
    default: return nil
    }
}

private func checkNoControlText(_ event: KeyEvent) {
    switch event {
    case let .text(character):
        for scalar in character.unicodeScalars where scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) {
            fatalError("control U+\(String(scalar.value, radix: 16)) delivered as typed text")
        }
    case let .alt(inner):
        checkNoControlText(inner)
    default:
        break
    }
}
