/// A command a key table can produce. Each screen context has its own enum, and `update`
/// dispatches on it with an exhaustive `switch`: a key reaches a handler only through a table,
/// so the table is the complete list of what a context does (and what its help shows).
public protocol KeyCommand: CaseIterable, Hashable, Sendable {}

/// Which keys a binding answers to.
public enum KeyPattern: Hashable, Sendable {
    case key(InputKey)
    /// Any typed character a more specific binding of the same table does not claim.
    case anyCharacter
    /// Any bracketed paste.
    case anyPaste

    func matches(_ key: InputKey) -> Bool {
        switch (self, key) {
        case let (.key(bound), key): bound == key
        case (.anyCharacter, .character), (.anyPaste, .paste): true
        default: false
        }
    }
}

/// Keys and what they do, in the long form of a help overlay line ("Ctrl+O or F2", "gallery")
/// or the short form of a footer hint ("^O", "gallery"). Several bindings may share a help
/// line ("← → Home End").
public struct KeyHint: Hashable, Sendable {
    public let keys: String
    public let action: String

    public init(_ keys: String, _ action: String) {
        self.keys = keys
        self.action = action
    }
}

/// Keys, the command they give, the help line, and the footer hint if the binding is shown
/// there (after bubbles' `key.Binding` and lazygit's `Binding`).
public struct KeyBinding<Command: KeyCommand>: Sendable {
    public let patterns: [KeyPattern]
    public let command: Command
    public let help: KeyHint
    public let footer: KeyHint?

    public init(_ keys: [InputKey], _ command: Command, help: KeyHint, footer: KeyHint? = nil) {
        self.init(patterns: keys.map(KeyPattern.key), command, help: help, footer: footer)
    }

    public init(patterns: [KeyPattern], _ command: Command, help: KeyHint, footer: KeyHint? = nil) {
        self.patterns = patterns
        self.command = command
        self.help = help
        self.footer = footer
    }

    /// A text field's typed characters and pastes, under one help line.
    static func textEntry(type: Command, paste: Command, help: KeyHint) -> [KeyBinding] {
        [KeyBinding(patterns: [.anyCharacter], type, help: help), KeyBinding(patterns: [.anyPaste], paste, help: help)]
    }
}

/// One screen context's bindings, in the order help and footer list them.
public struct KeyMap<Command: KeyCommand>: Sendable {
    public let bindings: [KeyBinding<Command>]

    public init(_ bindings: [KeyBinding<Command>]) {
        self.bindings = bindings
    }

    /// The command `key` gives here, nil if the table has none. A binding naming the exact key
    /// wins over a wildcard (`anyCharacter`), so `q` can quit where other letters are typed.
    public func command(for key: InputKey) -> Command? {
        let exact = bindings.first { $0.patterns.contains(.key(key)) }
        return (exact ?? bindings.first { binding in binding.patterns.contains { $0.matches(key) } })?.command
    }

    /// What the footer and help overlay show of this table.
    public var guide: KeyGuide {
        KeyGuide(footer: bindings.compactMap(\.footer), help: bindings.map(\.help))
    }
}

/// The drawable side of one or more key tables: footer hints and help lines, in order.
public struct KeyGuide: Hashable, Sendable {
    public var footer: [KeyHint]
    public var help: [KeyHint]

    /// Tables listed together, innermost first; a help line shared by several bindings shows once.
    public static func combined(_ guides: [KeyGuide]) -> KeyGuide {
        var seen = Set<KeyHint>()
        return KeyGuide(footer: guides.flatMap(\.footer), help: guides.flatMap(\.help).filter { seen.insert($0).inserted })
    }
}
