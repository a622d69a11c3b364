/// Random identifiers in the shapes Pixapi uses (`task_01K...`, `req_...`).
enum IDs {
    private static let crockford = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    static func task() -> String { "task_" + String((0..<26).map { _ in crockford.randomElement()! }) }
    static func request() -> String { "req_" + hex(24) }
    static func file() -> String { "img_" + hex(20) }

    private static func hex(_ count: Int) -> String {
        String((0..<count).map { _ in "0123456789abcdef".randomElement()! })
    }
}
