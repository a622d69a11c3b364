import Foundation
import ImageCodec

/// An edit's source files, checked before anything is uploaded so a bad path costs nothing.
public struct EditInput: Sendable, Hashable {
    public let path: String
    public let header: ImageHeader
    public let byteCount: Int

    /// Reads the file's header and size and checks them against the contract: PNG, JPEG or WebP,
    /// under the size limit.
    public static func load(_ path: String, maxBytes: Int, role: String) throws(PixapiError) -> EditInput {
        let url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
        let shown = TerminalText.sanitized(path)
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        } catch {
            throw PixapiError(.invalidInput, "cannot read \(role) \(shown): no such file", param: role)
        }
        guard (attributes[.type] as? FileAttributeType) != .typeDirectory else {
            throw PixapiError(.invalidInput, "\(role) \(shown) is a folder, not an image file", param: role)
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maxBytes else {
            throw PixapiError(.invalidInput, "\(role) \(shown) is \(size.grouped) bytes; the limit is \(maxBytes.grouped)", param: role)
        }
        let header: ImageHeader?
        do {
            header = try ImageHeader.read(contentsOf: url)
        } catch {
            throw PixapiError(.io, "cannot read \(role) \(shown): permission denied or unreadable", param: role)
        }
        guard let header else {
            throw PixapiError(.invalidInput, "\(role) \(shown) is not a PNG, JPEG or WebP image", param: role)
        }
        return EditInput(path: url.path, header: header, byteCount: size)
    }
}

extension ModelCatalog {
    /// Checks everything about a request that can be checked without the network: model, prompt,
    /// n, quality, size, response format, and for edits the input files.
    ///
    /// Returns the loaded edit inputs (images then mask) so the upload reuses what was read.
    @discardableResult
    public func validate(_ request: ImageRequest) throws(PixapiError) -> (images: [EditInput], mask: EditInput?) {
        let spec = try model(request.model)
        let prompt = request.prompt.trimmingWhitespace()
        guard !prompt.isEmpty else { throw PixapiError(.invalidInput, "the prompt is empty; describe the image you want", param: "prompt") }
        let length = request.prompt.unicodeScalars.count
        guard length <= spec.promptLimit else {
            throw PixapiError(
                .invalidInput,
                "the prompt is \(length.grouped) characters; \(spec.id) takes at most \(spec.promptLimit.grouped)",
                param: "prompt"
            )
        }
        guard (1...spec.maxN).contains(request.n) else {
            throw PixapiError(.invalidInput, "n must be from 1 to \(spec.maxN) (got \(request.n))", param: "n")
        }
        guard spec.qualities.contains(request.quality) else {
            let offered = spec.qualities.map(\.rawValue).joined(separator: ", ")
            throw PixapiError(.invalidInput, "\(spec.id) takes quality \(offered) (got \(request.quality.rawValue))", param: "quality")
        }
        try spec.validate(request.size)
        if let format = request.responseFormat, !spec.responseFormats.contains(format) {
            throw PixapiError(.invalidInput, "\(spec.id) does not take response_format \(format.rawValue)", param: "response_format")
        }
        guard request.operation == .edit else {
            guard request.images.isEmpty, request.mask == nil else {
                throw PixapiError(.invalidInput, "images and a mask are for edits; use `pixterm edit`", param: "image")
            }
            return ([], nil)
        }
        guard !request.images.isEmpty else {
            throw PixapiError(.invalidInput, "an edit needs at least one --image", param: "image")
        }
        guard request.images.count <= editLimits.maxImages else {
            throw PixapiError(.invalidInput, "an edit takes at most \(editLimits.maxImages) images (got \(request.images.count))", param: "image")
        }
        var inputs: [EditInput] = []
        for path in request.images {
            inputs.append(try EditInput.load(path, maxBytes: editLimits.maxImageBytes, role: "image"))
        }
        guard let maskPath = request.mask else { return (inputs, nil) }
        let mask = try EditInput.load(maskPath, maxBytes: editLimits.maxMaskBytes, role: "mask")
        guard mask.header.format == .png else {
            throw PixapiError(.invalidInput, "the mask must be a PNG with an alpha channel", param: "mask")
        }
        let first = inputs[0].header
        guard mask.header.width == first.width, mask.header.height == first.height else {
            throw PixapiError(
                .invalidInput,
                "the mask is \(mask.header.width)x\(mask.header.height) but the first image is \(first.width)x\(first.height); they must match",
                param: "mask"
            )
        }
        return (inputs, mask)
    }
}
