import Foundation

/// One rule a size broke, phrased for the person who typed it.
public struct SizeViolation: Sendable, Hashable, CustomStringConvertible {
    public let rule: Rule
    public let description: String

    public enum Rule: Sendable, Hashable {
        case notOffered, multipleOf, minPixels, maxPixels, aspectRatio, maxEdge
    }
}

/// The outcome of checking a size against a model: why it fails and the nearest sizes that pass.
public struct SizeCheck: Sendable, Hashable {
    public let size: ImageSize
    public let model: String
    public let violations: [SizeViolation]
    /// Up to two valid sizes closest to the requested one, best first.
    public let suggestions: [ImageSize]

    public var isValid: Bool { violations.isEmpty }

    /// One line: `1000x1000 is not valid for gpt-image-2: ... Nearest valid: 1008x1008 or 992x992.`
    public var message: String {
        guard !isValid else { return "\(size) is valid for \(model)" }
        var text = "\(size) is not valid for \(model): " + violations.map(\.description).joined(separator: "; ")
        if !suggestions.isEmpty {
            text += ". Nearest valid: " + suggestions.map(\.description).joined(separator: " or ")
        }
        return text
    }
}

extension ModelSpec {
    /// Checks `size` against this model's presets and custom-size rules.
    public func check(_ size: ImageSize) -> SizeCheck {
        guard case let .pixels(width, height) = size else {
            return SizeCheck(size: size, model: id, violations: [], suggestions: [])
        }
        if presets.contains(size) { return SizeCheck(size: size, model: id, violations: [], suggestions: []) }
        guard let rules = customSizes else {
            let offered = pickerSizes.map(\.description).joined(separator: ", ")
            return SizeCheck(
                size: size, model: id,
                violations: [SizeViolation(rule: .notOffered, description: "\(id) takes only \(offered)")],
                suggestions: nearestPresets(width: width, height: height)
            )
        }
        let violations = rules.violations(width: width, height: height)
        return SizeCheck(
            size: size, model: id, violations: violations,
            suggestions: violations.isEmpty ? [] : rules.nearestValid(width: width, height: height)
        )
    }

    /// Throws the check's message when the size is not valid for this model.
    public func validate(_ size: ImageSize) throws(PixapiError) {
        let result = check(size)
        if !result.isValid { throw PixapiError(.invalidInput, result.message, param: "size") }
    }

    private func nearestPresets(width: Int, height: Int) -> [ImageSize] {
        let ratio = Double(width) / Double(height)
        let ranked = presets.sorted { lhs, rhs in
            abs(logRatio(lhs) - log(ratio)) < abs(logRatio(rhs) - log(ratio))
        }
        return Array(ranked.prefix(1))
    }

    private func logRatio(_ size: ImageSize) -> Double {
        guard let (width, height) = size.dimensions else { return 0 }
        return log(Double(width) / Double(height))
    }
}

extension CustomSizeRules {
    func violations(width: Int, height: Int) -> [SizeViolation] {
        var found: [SizeViolation] = []
        let misaligned = [width, height].filter { $0 % multipleOf != 0 }
        if !misaligned.isEmpty {
            let which = misaligned.map(String.init).joined(separator: " and ")
            found.append(
                SizeViolation(
                    rule: .multipleOf,
                    description: "both edges must be multiples of \(multipleOf) (\(which) \(misaligned.count == 1 ? "is" : "are") not)"
                ))
        }
        let pixels = width * height
        if pixels < minPixels {
            found.append(
                SizeViolation(
                    rule: .minPixels,
                    description: "\(pixels.grouped) pixels is below the minimum of \(minPixels.grouped)"
                ))
        }
        if pixels > maxPixels {
            found.append(
                SizeViolation(
                    rule: .maxPixels,
                    description: "\(pixels.grouped) pixels is above the maximum of \(maxPixels.grouped)"
                ))
        }
        let long = max(width, height), short = min(width, height)
        if long > short * maxAspectRatio {
            found.append(
                SizeViolation(
                    rule: .aspectRatio,
                    description: "the long edge may be at most \(maxAspectRatio)x the short edge (\(long):\(short) is wider)"
                ))
        }
        if long > maxEdge {
            found.append(SizeViolation(rule: .maxEdge, description: "the long edge may be at most \(maxEdge) px (\(long) is longer)"))
        }
        return found
    }

    /// The valid sizes closest to `width`x`height`: first bring the area and aspect ratio into range
    /// keeping the shape, then try the multiples of `multipleOf` around that point.
    func nearestValid(width: Int, height: Int) -> [ImageSize] {
        var w = Double(width), h = Double(height)
        let ratioLimit = Double(maxAspectRatio)
        if max(w, h) / min(w, h) > ratioLimit {
            if w > h { h = w / ratioLimit } else { w = h / ratioLimit }
        }
        var scale = 1.0
        let pixels = w * h
        if pixels > Double(maxPixels) { scale = (Double(maxPixels) / pixels).squareRoot() }
        if pixels < Double(minPixels) { scale = (Double(minPixels) / pixels).squareRoot() }
        scale = min(scale, Double(maxEdge) / max(w, h))
        w *= scale
        h *= scale

        let step = multipleOf
        func around(_ value: Double) -> [Int] {
            let base = Int(value) / step * step
            return (-2...3).map { base + $0 * step }.filter { $0 >= step }
        }
        var candidates: [(size: ImageSize, score: Double)] = []
        for cw in around(w) {
            for ch in around(h) where violations(width: cw, height: ch).isEmpty {
                let distance = (Double(cw) - Double(width)).magnitude + (Double(ch) - Double(height)).magnitude
                let shape = abs(log(Double(cw) / Double(ch)) - log(Double(width) / Double(height)))
                candidates.append((.pixels(width: cw, height: ch), distance + shape * Double(max(width, height)) / 2))
            }
        }
        candidates.sort { lhs, rhs in
            if lhs.score != rhs.score { return lhs.score < rhs.score }
            return (lhs.size.longEdge ?? 0) > (rhs.size.longEdge ?? 0)
        }
        return Array(candidates.prefix(2).map(\.size))
    }
}

extension Int {
    /// `8294400` as `8,294,400`, independent of the locale so messages and scripts see the same text.
    public var grouped: String {
        let digits = String(magnitude)
        var out = ""
        for (index, char) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(char)
        }
        return self < 0 ? "-" + out : out
    }
}
