import Foundation
import GRDB
import PixapiKit

/// The `request` column of the index: an image's request with its JSON, encoded once when the
/// entry is made. A rebuild makes its 100,000 entries on every core and then inserts them in one
/// transaction on one thread; left to GRDB, each insert would JSON-encode the request there, with
/// a new encoder per row, which doubled the time of inserting 10,000 entries.
struct StoredRequest: Sendable, Hashable {
    let request: ImageRequest
    /// What the column holds.
    let json: String

    init(_ request: ImageRequest) {
        self.request = request
        // Encoding a value with only strings, numbers and arrays in it does not fail.
        json = (try? String(decoding: Self.encoder.encode(request), as: UTF8.self)) ?? "{}"
    }

    private init(request: ImageRequest, json: String) {
        self.request = request
        self.json = json
    }

    /// Compact (an index row is not read by people), keys sorted so the same request is always
    /// the same text. Shared: `JSONEncoder` and `JSONDecoder` may be used from several threads.
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    private static let decoder = JSONDecoder()
}

/// GRDB stores and reads the column through these rather than through `Codable`.
extension StoredRequest: DatabaseValueConvertible {
    var databaseValue: DatabaseValue { json.databaseValue }

    static func fromDatabaseValue(_ dbValue: DatabaseValue) -> StoredRequest? {
        guard let json = String.fromDatabaseValue(dbValue), let request = try? decoder.decode(ImageRequest.self, from: Data(json.utf8)) else { return nil }
        return StoredRequest(request: request, json: json)
    }
}

/// As the JSON text, so the entry's `Codable` form and its row agree.
extension StoredRequest: Codable {
    init(from decoder: any Decoder) throws {
        let json = try decoder.singleValueContainer().decode(String.self)
        guard let stored = Self.fromDatabaseValue(json.databaseValue) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not the JSON of an image request"))
        }
        self = stored
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(json)
    }
}
