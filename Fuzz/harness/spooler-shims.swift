/// The spooler's two references into the HTTP layer, which the fuzz build leaves out because it
/// needs SwiftNIO. Only the default arguments and the size message use them.
struct TransferLimits {
    static let standard = TransferLimits()
    static let catalogMaxImages = 10
    let maxImageBytes = 64 << 20
}

enum BodyTransfer {
    static func sizeText(_ bytes: Int) -> String { "\(bytes) bytes" }
}
