import Foundation
import Gallery
import PixapiKit

/// The gallery's filter bar (`f`): a field per filter and one for the order, each held as the
/// text the user sees. ↑↓ step through a field's choices, typing edits the text; Enter reads it
/// all into a `GalleryQuery` the way `gallery list` reads its flags (`GalleryQueryInput`).
public struct GalleryFilterBar: Hashable, Sendable {
    public enum Field: Int, CaseIterable, Sendable {
        case model, size, quality, since, until, minCredits, maxCredits, sort

        /// The field's name in the bar and in its messages.
        public var label: String {
            switch self {
            case .model: "model"
            case .size: "size"
            case .quality: "quality"
            case .since: "since"
            case .until: "until"
            case .minCredits: "min cr"
            case .maxCredits: "max cr"
            case .sort: "sort"
            }
        }

        /// A field whose value is only ever one of its choices: a typed letter picks the first
        /// choice starting with it, and no caret is shown.
        public var isClosed: Bool { self == .quality || self == .sort }
    }

    /// The focused field.
    public internal(set) var field: Field = .model
    /// Each field's text; empty means "any".
    public private(set) var values: [Field: String] = [:]
    /// What the last refused Enter said, so the error goes once the bar's values are accepted.
    var refusal: String?

    /// The bar showing `query` (without its text filter, which `/` edits).
    public init(query: GalleryQuery) {
        values[.model] = query.model ?? ""
        values[.size] = query.size ?? ""
        values[.quality] = query.quality ?? ""
        values[.since] = query.since.map(GalleryQueryInput.text(for:)) ?? ""
        values[.until] = query.until.map(GalleryQueryInput.text(for:)) ?? ""
        values[.minCredits] = query.minCredits.map(String.init) ?? ""
        values[.maxCredits] = query.maxCredits.map(String.init) ?? ""
        values[.sort] = query.sort == .newest ? "" : query.sort.rawValue
    }

    public func text(_ field: Field) -> String { values[field] ?? "" }

    /// What ↑↓ step through on `field`, "any" (empty) first: the catalog's models and sizes,
    /// every quality and order, recent ages for dates and round numbers for credits.
    public static func choices(for field: Field, catalog: ModelCatalog) -> [String] {
        switch field {
        case .model: [""] + catalog.modelIDs
        case .size:
            [""] + catalog.models.flatMap(\.pickerSizes).compactMap { $0 == .auto ? nil : $0.description }.uniqued()
        case .quality: [""] + Quality.allCases.map(\.rawValue)
        case .since, .until: ["", "1d", "7d", "30d", "365d"]
        case .minCredits, .maxCredits: ["", "5", "10", "20", "50", "100"]
        case .sort: [""] + GalleryQuery.Sort.allCases.filter { $0 != .newest }.map(\.rawValue)
        }
    }

    mutating func moveField(by delta: Int) {
        let all = Field.allCases
        field = all[(field.rawValue + delta + all.count) % all.count]
    }

    /// The next (or previous) choice after the current text, wrapping; from a typed value not
    /// among the choices, the first (or last).
    mutating func stepValue(by delta: Int, catalog: ModelCatalog) {
        let choices = Self.choices(for: field, catalog: catalog)
        guard !choices.isEmpty else { return }
        let next =
            if let current = choices.firstIndex(of: text(field)) {
                (current + delta + choices.count) % choices.count
            } else {
                delta > 0 ? 0 : choices.count - 1
            }
        values[field] = choices[next]
    }

    /// Typed text: added to an open field; on a closed one, picks the first choice starting
    /// with the last letter typed.
    mutating func type(_ typed: String, catalog: ModelCatalog) {
        let clean = TerminalText.sanitized(typed).filter { !$0.isNewline }
        guard field.isClosed else {
            values[field] = text(field) + clean
            return
        }
        guard let letter = clean.last?.lowercased() else { return }
        if let choice = Self.choices(for: field, catalog: catalog).first(where: { !$0.isEmpty && $0.hasPrefix(letter) }) {
            values[field] = choice
        } else if field == .sort, "newest".hasPrefix(letter) {
            values[field] = ""
        }
    }

    /// Deletes a character; a closed field goes back to "any".
    mutating func backspace() {
        values[field] = field.isClosed ? "" : String(text(field).dropLast())
    }

    /// Every field back to "any" and the order to newest.
    mutating func clearAll() {
        values = [:]
    }

    /// A field's value that cannot be used, and which field it is in.
    public struct Problem: Error, Hashable, Sendable {
        public let field: Field
        public let message: String
    }

    /// The query the bar asks for, keeping `text` as the full-text filter; the first field whose
    /// value cannot be read, or a range nothing can fall in, is the problem.
    func query(text: String, now: Date) throws(Problem) -> GalleryQuery {
        func read<Value>(_ field: Field, _ parse: (String) throws(GalleryQueryInputError) -> Value) throws(Problem) -> Value? {
            let value = self.text(field).trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty else { return nil }
            do { return try parse(value) } catch { throw Problem(field: field, message: "\(field.label): \(error.message)") }
        }
        let date = { (text: String) throws(GalleryQueryInputError) -> Date in try GalleryQueryInput.date(text, now: now) }
        let model = self.text(.model).trimmingCharacters(in: .whitespaces)
        let query = GalleryQuery(
            text: text, model: model.isEmpty ? nil : model, size: try read(.size, GalleryQueryInput.size), quality: try read(.quality, GalleryQueryInput.quality),
            since: try read(.since, date), until: try read(.until, date), minCredits: try read(.minCredits, GalleryQueryInput.credits),
            maxCredits: try read(.maxCredits, GalleryQueryInput.credits), sort: try read(.sort, GalleryQueryInput.sort) ?? .newest
        )
        if query.hasEmptyDateRange { throw Problem(field: .until, message: "until is not after since, so no image can match") }
        if query.hasEmptyCreditRange { throw Problem(field: .maxCredits, message: "max cr is less than min cr, so no image can match") }
        return query
    }
}

extension Sequence where Element: Hashable {
    /// The elements in order, each once.
    fileprivate func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
