import PixapiKit

/// The pickers of the compose screen, in focus order after the prompt.
public enum PickerField: String, CaseIterable, Hashable, Sendable {
    case model, size, quality, n, format, mode

    public var title: String {
        switch self {
        case .model: "Model"
        case .size: "Size"
        case .quality: "Quality"
        case .n: "n"
        case .format: "Format"
        case .mode: "Mode"
        }
    }
}

/// One entry a picker shows.
public struct PickerOption: Hashable, Sendable {
    public let label: String
    public let isSelected: Bool
}

extension ComposeSettings {
    /// What `field` offers for the current model: never a value the model does not accept.
    public func options(for field: PickerField, in catalog: ModelCatalog) -> [PickerOption] {
        guard let spec = try? catalog.model(model) else { return [] }
        switch field {
        case .model:
            return catalog.models.map { PickerOption(label: $0.id, isSelected: $0.id == model) }
        case .size:
            var options = spec.pickerSizes.map { PickerOption(label: $0.description, isSelected: size == .listed($0)) }
            if spec.customSizes != nil {
                let isCustom: Bool
                if case .custom = size { isCustom = true } else { isCustom = false }
                options.append(PickerOption(label: "custom…", isSelected: isCustom))
            }
            return options
        case .quality:
            return spec.qualities.map { PickerOption(label: $0.rawValue, isSelected: $0 == quality) }
        case .n:
            return (1...spec.maxN).map { PickerOption(label: String($0), isSelected: $0 == n) }
        case .format:
            return spec.responseFormats.map { PickerOption(label: $0.rawValue, isSelected: $0 == responseFormat) }
        case .mode:
            return [SubmitMode.async, .sync].map { PickerOption(label: $0.rawValue, isSelected: $0 == submitMode) }
        }
    }

    /// The value shown for `field` on the compose screen.
    public func label(for field: PickerField) -> String {
        switch field {
        case .model: model
        case .size:
            switch size {
            case let .listed(listed): listed.description
            case let .custom(text): text.isEmpty ? "custom…" : text
            }
        case .quality: quality.rawValue
        case .n: String(n)
        case .format: responseFormat.rawValue
        case .mode: submitMode.rawValue
        }
    }

    /// Moves `field` to the previous (-1) or next (+1) option, wrapping around.
    public mutating func step(_ field: PickerField, by delta: Int, in catalog: ModelCatalog) {
        let options = options(for: field, in: catalog)
        guard !options.isEmpty else { return }
        let current = options.firstIndex(where: \.isSelected) ?? 0
        let next = (current + delta % options.count + options.count) % options.count
        choose(field, optionAt: next, in: catalog)
    }

    /// Selects the option at `index` of `options(for: field)`.
    public mutating func choose(_ field: PickerField, optionAt index: Int, in catalog: ModelCatalog) {
        guard let spec = try? catalog.model(model) else { return }
        switch field {
        case .model:
            selectModel(catalog.models[index].id, in: catalog)
        case .size:
            if index < spec.pickerSizes.count {
                size = .listed(spec.pickerSizes[index])
            } else if case .custom = size {
                return
            } else {
                size = .custom(label(for: .size) == "auto" ? "" : label(for: .size))
            }
        case .quality:
            quality = spec.qualities[index]
        case .n:
            n = index + 1
        case .format:
            responseFormat = spec.responseFormats[index]
        case .mode:
            submitMode = index == 0 ? .async : .sync
        }
    }
}
