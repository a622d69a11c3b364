import Foundation
import Gallery
import PixapiKit
import PixtermApp
import PixtermCore

/// How gallery entries appear on standard output, shared by `list`, `search` and `show`. Every
/// string read from the gallery folder is sanitized first: a file name or sidecar can hold
/// escape sequences.
enum GalleryPrinting {
    /// One entry as `--json` prints it.
    struct EntryJSON: Encodable {
        let id: String
        let path: String
        let relativePath: String
        let prompt: String
        let model: String?
        let size: String
        let quality: String?
        let created: Date
        let creditsPerImage: Int?
        let format: String?
        let hasSidecar: Bool

        init(_ entry: GalleryEntry) {
            id = TerminalText.sanitized(entry.id)
            path = TerminalText.sanitized(entry.url.path)
            relativePath = TerminalText.sanitized(entry.relativePath)
            prompt = TerminalText.sanitized(entry.prompt)
            model = entry.model.map { TerminalText.sanitized($0) }
            size = TerminalText.sanitized(entry.size)
            quality = entry.quality.map { TerminalText.sanitized($0) }
            created = entry.created
            creditsPerImage = entry.creditsPerImage
            format = entry.format.map { TerminalText.sanitized($0) }
            hasSidecar = entry.hasSidecar
        }
    }

    /// A page of entries with the number matching in all, for `--json`.
    struct PageJSON: Encodable {
        let total: Int
        let entries: [EntryJSON]
    }

    /// Prints a page as a table (or JSON), with a footer saying how many more match.
    static func printPage(_ entries: [GalleryEntry], total: Int, json: Bool) throws {
        if json {
            try Terminal.printJSON(PageJSON(total: total, entries: entries.map(EntryJSON.init)))
            return
        }
        let width = TerminalSize.current()?.columns ?? 120
        for entry in entries { print(line(entry, width: width)) }
        if total > entries.count { print("(\(entries.count) of \(total); --limit shows more)") }
    }

    /// `ID  YYYY-MM-DD HH:MM  MODEL  SIZE  CREDITS  PROMPT`, cut to `width` display columns.
    static func line(_ entry: GalleryEntry, width: Int) -> String {
        let columns = [
            DisplayWidth.pad(TerminalText.sanitized(entry.id), toWidth: 10),
            timestamp(entry.created),
            DisplayWidth.pad(TerminalText.sanitized(entry.model ?? "-"), toWidth: 14),
            DisplayWidth.pad(TerminalText.sanitized(entry.size), toWidth: 9),
            DisplayWidth.pad(entry.creditsPerImage.map { "\($0) cr" } ?? "-", toWidth: 6),
            entry.hasSidecar ? TerminalText.sanitized(entry.prompt) : "(\(TerminalText.sanitized(entry.relativePath)))",
        ]
        return DisplayWidth.truncate(columns.joined(separator: "  "), toWidth: max(width, 40), ellipsis: "…")
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(
            .verbatim(
                "\(year: .defaultDigits)-\(month: .twoDigits)-\(day: .twoDigits) \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits)", timeZone: .current,
                calendar: Calendar(identifier: .gregorian)))
    }
}

extension GlobalOptions {
    /// The gallery named by `--gallery`, `PIXTERM_GALLERY` or the config, with the index brought
    /// up to date with files added or removed outside pixterm. A gallery that cannot be written
    /// (read-only, full disk) is still read; standard error says once that the index is stale.
    func openGallery() throws -> GalleryStore {
        let store = try JobBackend.openGallery(settings: try settings())
        try store.refresh()
        if let notice = store.indexNotice { Terminal.printError("note: " + TerminalText.sanitized(notice)) }
        return store
    }
}
