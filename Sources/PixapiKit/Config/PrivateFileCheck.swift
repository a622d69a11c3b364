import Foundation

/// Whether a file holding a secret is private to the user, the way ssh treats a private key:
/// a config with `api_key` that other users can read (or change, to point pixterm elsewhere)
/// earns a warning naming the path, its mode and the `chmod 600` that fixes it.
enum PrivateFileCheck {
    /// `nil` when the file is missing, or owned by this user with no group or other access.
    static func warning(for file: URL, holding what: String) -> SettingsWarning? {
        var info = stat()
        guard stat(file.path, &info) == 0 else { return nil }
        return warning(path: file.path, mode: UInt32(info.st_mode), owner: UInt32(info.st_uid), user: UInt32(geteuid()), holding: what)
    }

    static func warning(path: String, mode: UInt32, owner: UInt32, user: UInt32, holding what: String) -> SettingsWarning? {
        let permissions = mode & 0o777
        let shared = permissions & 0o077 != 0
        let foreign = owner != user
        guard shared || foreign else { return nil }
        let octal = String(permissions, radix: 8)
        let shown = String(repeating: "0", count: max(0, 4 - octal.count)) + octal
        var problems: [String] = []
        if shared {
            let access = permissions & 0o022 != 0 ? "read or changed" : "read"
            problems.append("can be \(access) by other users (mode \(shown))")
        }
        if foreign { problems.append("is owned by another user (uid \(owner), you are uid \(user))") }
        let quoted = shellQuoted(path)
        let fix = foreign ? "sudo chown \(user) \(quoted) && chmod 600 \(quoted)" : "chmod 600 \(quoted)"
        return SettingsWarning(
            subject: "config", problem: "\(path) holds \(what) but \(problems.joined(separator: " and "))", fix: fix
        )
    }

    /// The path as one shell word, so the fix can be pasted as it is.
    private static func shellQuoted(_ path: String) -> String {
        let plain = path.allSatisfy { $0.isLetter || $0.isNumber || "/._-+~".contains($0) }
        return plain ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
