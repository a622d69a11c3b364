import Foundation
import PixapiKit

/// How files are named in the gallery: by date, then the time and a slug of the prompt, so a
/// person browsing the folder finds things without pixterm.
enum GalleryLayout {
    static let metadataFolder = ".pixterm"
    /// Downloads and temp files wait here, on the gallery's filesystem, until renamed into place.
    static let stagingFolder = ".pixterm/staging"
    static let trashFolder = ".trash"
    static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "webp"]

    /// `2026/11/25/061503-a-red-fox-in-snow-3f9a1c2b-0.png`
    static func relativePath(created: Date, prompt: String, id: String, index: Int, fileExtension: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: created)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        let day = "\(String(format: "%04d", c.year ?? 1970))/\(two(c.month))/\(two(c.day))"
        let time = two(c.hour) + two(c.minute) + two(c.second)
        let slug = slug(prompt)
        return "\(day)/\(time)-\(slug.isEmpty ? "image" : slug)-\(id)-\(index).\(fileExtension)"
    }

    /// Lowercase ASCII words joined by dashes, at most 40 characters, cut at a word boundary;
    /// escape sequences in the prompt are dropped first so they leave no trace in file names.
    static func slug(_ text: String) -> String {
        var words: [String] = []
        var current = ""
        for scalar in TerminalText.sanitized(text).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if scalar.properties.generalCategory == .nonspacingMark {
                continue
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        var slug = ""
        for word in words {
            let next = slug.isEmpty ? word : slug + "-" + word
            if next.count > 40 { break }
            slug = next
        }
        return slug.isEmpty ? String(words.first?.prefix(40) ?? "") : slug
    }

    static func sidecarURL(for image: URL) -> URL { image.appendingPathExtension("json") }

    static func isImage(_ url: URL) -> Bool { imageExtensions.contains(url.pathExtension.lowercased()) }

    static func newID() -> String {
        String(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(8))
    }
}
