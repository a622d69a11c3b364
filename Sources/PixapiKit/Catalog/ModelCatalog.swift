import Foundation

/// The models Pixapi serves and what each accepts.
public struct ModelCatalog: Codable, Sendable, Hashable {
    public let defaultModel: String
    public let models: [ModelSpec]
    public let editLimits: EditLimits

    public init(defaultModel: String, models: [ModelSpec], editLimits: EditLimits) {
        self.defaultModel = defaultModel
        self.models = models
        self.editLimits = editLimits
    }

    /// The catalog compiled into the binary from `Sources/PixapiKit/Resources/catalog.json`,
    /// read without `JSONDecoder` when it can be (`JSONTree`): it is on the UI's first frame.
    public static let builtIn: ModelCatalog = {
        if let tree = JSONTree(parsing: BuiltInData.catalogJSONBytes), let catalog = ModelCatalog(tree: tree), catalog.hasItsDefaultModel {
            return catalog
        }
        do {
            return try decode(BuiltInData.catalogJSON)
        } catch {
            preconditionFailure("Sources/PixapiKit/Resources/catalog.json is invalid: \(error)")
        }
    }()

    /// Decodes a catalog file; used for the built-in one and for a user's override file.
    public static func decode(_ data: Data) throws -> ModelCatalog {
        let catalog = try JSONDecoder().decode(ModelCatalog.self, from: data)
        guard catalog.hasItsDefaultModel else {
            throw PixapiError(.invalidInput, "the catalog's default model \(catalog.defaultModel) is not in its model list")
        }
        return catalog
    }

    var hasItsDefaultModel: Bool { models.contains { $0.id == defaultModel } }

    public var modelIDs: [String] { models.map(\.id) }

    /// Looks a model up by id, with a message that lists the known ones when it is unknown.
    public func model(_ id: String) throws(PixapiError) -> ModelSpec {
        guard let spec = models.first(where: { $0.id == id }) else {
            throw PixapiError(
                .invalidInput,
                "unknown model \"\(TerminalText.sanitized(id))\"; choose one of: \(modelIDs.joined(separator: ", "))",
                param: "model"
            )
        }
        return spec
    }
}
