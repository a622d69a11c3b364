import Foundation
import Gallery
import PixapiKit

extension GalleryStore: ResultStore {
    public func save(imageAt file: URL, record: ResultRecord) throws -> URL {
        try save(
            imageAt: file, request: record.request, index: record.index, mode: record.mode, taskID: record.taskID,
            revisedPrompt: record.revisedPrompt, creditsPerImage: record.creditsPerImage, requestCost: record.requestCost,
            created: record.created, serverCreated: record.serverCreated
        ).url
    }
}

extension TaskJournal: ResumableJournal {
    public func claimOpenEntries() -> [ClaimedEntry] {
        openEntries().compactMap { found in
            // Read again under the claim: the previous owner may have saved more images meanwhile.
            guard let claim = claim(found.id), let entry = entry(found.id) else { return nil }
            return ClaimedEntry(entry, claim: claim)
        }
    }

    public func keep(entry: String, because reason: KeptReason, message: String) throws {
        switch reason {
        case .outcomeUnknown: try keep(entry: entry, as: .outcomeUnknown, note: message)
        case .paidNotDownloaded: try keep(entry: entry, as: .paidNotDownloaded, note: message)
        }
    }
}

extension ClaimedEntry {
    /// A journal entry this process holds `claim` on.
    public init(_ entry: JournalEntry, claim: any Sendable) {
        let kept: KeptReason? = switch entry.nextStep {
        case .poll: nil
        case .unknownOutcome: .outcomeUnknown
        case .paidNotDownloaded: .paidNotDownloaded
        }
        self.init(
            entry: entry.id, request: entry.request, mode: entry.mode, taskID: entry.taskID, baseURL: entry.baseURL, cost: entry.cost,
            created: entry.created, alreadySaved: entry.saved, idempotencyKey: entry.idempotencyKey, kept: kept, claim: claim
        )
    }
}

/// The gallery as the browser screen queries it.
public struct GalleryBrowserSource: GalleryQueries {
    public let store: GalleryStore

    public init(store: GalleryStore) { self.store = store }

    public func page(filter: String, limit: Int) throws -> (items: [GalleryItem], total: Int) {
        let (entries, total) = try store.page(filter: filter, limit: limit)
        return (entries.map(GalleryItem.init), total)
    }

    public func trash(_ item: GalleryItem) throws { try store.remove(item.id) }

    public func restore(_ item: GalleryItem) throws { try store.restore(item.id) }

    public func refresh() throws { try store.refresh() }
}

extension GalleryItem {
    public init(_ entry: GalleryEntry) {
        self.init(
            id: entry.id, path: entry.url.path, prompt: entry.prompt, model: entry.model, size: entry.size, quality: entry.quality,
            created: entry.created, credits: entry.creditsPerImage, request: entry.request
        )
    }
}
