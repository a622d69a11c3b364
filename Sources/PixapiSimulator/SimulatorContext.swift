import Hummingbird
import NIOCore

/// The request context, keeping the connection so a `drop` fault can close it without answering.
struct SimulatorContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}

/// What the `Authorization` header said, without keeping the key itself past the comparison.
struct BearerCheck: Sendable {
    let present: Bool
    let accepted: Bool

    init(header: String?, requiredKey: String?) {
        var key = ""
        if let header, header.lowercased().hasPrefix("bearer ") {
            key = header.dropFirst("bearer ".count).trimmed(" \t")
        }
        present = !key.isEmpty
        accepted = present && (requiredKey == nil || key == requiredKey)
    }
}
