import Foundation

/// A fresh folder under the system temp directory for one test.
///
/// The test removes it: `let dir = try TemporaryDirectory(); defer { dir.remove() }`, or, when a
/// longer-lived owner holds it (a suite class, a server), in that owner's `deinit`. Clean-up is
/// not left to this type's own `deinit`: Swift may end an object's life at its last use rather
/// than at the end of the scope, and many tests last use the folder when they hand its path to a
/// child process that keeps running (pixterm under tmux, sshd), which would lose its HOME midway.
/// A value type also crosses into `@Sendable` closures and tasks freely.
public struct TemporaryDirectory: Sendable {
    public let url: URL

    /// `label` starts the folder's name, so a leftover folder says which test made it.
    public init(_ label: String = "pixterm-test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// `component` inside the folder, as a URL.
    public func file(_ component: String) -> URL { url.appendingPathComponent(component) }

    /// `component` inside the folder, as a path.
    public func path(_ component: String) -> String { file(component).path }

    /// An environment whose HOME and XDG folders are all inside this folder, so a pixterm run by
    /// the test reads and writes nothing of the user's.
    public func isolatedEnvironment(_ extra: [String: String] = [:]) -> [String: String] {
        var env = [
            "HOME": path("home"), "XDG_CONFIG_HOME": path("config"), "XDG_DATA_HOME": path("data"),
            "XDG_CACHE_HOME": path("cache"),
        ]
        env.merge(extra) { $1 }
        return env
    }

    /// Deletes the folder and everything in it; a folder already gone is not an error.
    public func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
