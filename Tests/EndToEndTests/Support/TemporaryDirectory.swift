import Foundation

/// A folder under the system temp directory, removed when the test is done with it.
final class TemporaryDirectory {
    let url: URL

    init(_ label: String = "pixterm-test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ component: String) -> String { url.appendingPathComponent(component).path }

    /// An environment whose HOME and XDG folders are all inside this directory.
    func isolatedEnvironment(_ extra: [String: String] = [:]) -> [String: String] {
        var env = [
            "HOME": path("home"), "XDG_CONFIG_HOME": path("config"), "XDG_DATA_HOME": path("data"),
            "XDG_CACHE_HOME": path("cache"),
        ]
        env.merge(extra) { $1 }
        return env
    }
}
