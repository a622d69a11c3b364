/// kitty commands in raw terminal output, each as a letter and its image id: t (transmit the
/// data), p (place), e (erase a placement, keeping the data), r (release the image and its data).
/// Other bytes (CUP, DECSC/DECRC, ECH, placeholder text) are left out.
func kittySummary(_ bytes: [UInt8]) -> String {
    let text = String(decoding: bytes, as: UTF8.self)
    let commands = text.components(separatedBy: "\u{1B}_G").dropFirst().compactMap { command -> String? in
        let keys = command.prefix { $0 != ";" && $0 != "\u{1B}" }.split(separator: ",")
        guard let id = keys.first(where: { $0.hasPrefix("i=") })?.dropFirst(2) else { return nil }
        if keys.contains("a=t") { return "t\(id)" }
        if keys.contains("a=p") { return "p\(id)" }
        if keys.contains("d=i") { return "e\(id)" }
        if keys.contains("d=I") { return "r\(id)" }
        return nil
    }
    return commands.joined(separator: " ")
}
