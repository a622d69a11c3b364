import Foundation
import TestSupport
@testable import PixapiKit

extension PixtermSettings {
    /// The settings a config.toml holding `text` gives (no file at all when `text` is nil), read
    /// from a private home that is removed afterwards.
    static func loaded(fromConfig text: String?) throws -> PixtermSettings {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        if let text {
            let file = root.url.appendingPathComponent("pixterm/config.toml")
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
        return try PixtermSettings.load(environment: ["HOME": root.url.path, "XDG_CONFIG_HOME": root.url.path])
    }
}
