import Foundation
import PixapiKit

extension AppState {
    /// Builds the request from the compose screen, checks it, and either starts it or asks first.
    mutating func submit(environment: AppEnvironment) -> [Effect] {
        let editor = compose.input.editor
        guard !editor.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            fail("the prompt is empty; type what you want to see")
            return []
        }
        if editor.isOverLimit {
            fail("the prompt is \(editor.scalarCount) characters; the limit is \(editor.limit)")
            return []
        }
        let size: ImageSize
        switch compose.settings.resolvedSize(in: environment.catalog) {
        case let .success(resolved): size = resolved
        case let .failure(error):
            fail(error.message)
            compose.focus = .picker(.size)
            return []
        }
        if compose.operation == .edit {
            if !compose.sourceDraft.isEmpty {
                compose.addSources(PathList.parse(compose.sourceDraft, home: environment.home))
                compose.sourceDraft = ""
            }
            guard !compose.sources.isEmpty else {
                fail("edit mode needs at least one source image: Tab to Sources and type or paste a path")
                compose.focus = .sources
                return []
            }
        }
        let settings = compose.settings
        let request = ImageRequest(
            operation: compose.operation, model: settings.model, prompt: editor.text, size: size, quality: settings.quality, n: settings.n,
            responseFormat: settings.responseFormat, images: compose.operation == .edit ? compose.sources : []
        )
        do {
            try environment.catalog.validate(request)
        } catch {
            fail(error.message)
            return []
        }
        let preview = costPreview(environment)
        if let question = overBudgetQuestion(preview) {
            compose.pendingSubmit = request
            overlay = .confirm(question)
            return []
        }
        if preview.needsConfirmation, let estimate = preview.estimate, let threshold = preview.threshold {
            compose.pendingSubmit = request
            overlay = .confirm(.spend(credits: estimate.costCredits, threshold: threshold))
            return []
        }
        return start(request, environment: environment)
    }

    /// Adds the job, clears the prompt into the history, and asks the runtime to run it;
    /// `overBudget` when the user said to go over a budget this once.
    mutating func start(_ request: ImageRequest, overBudget: Bool = false, environment: AppEnvironment) -> [Effect] {
        let cost = try? environment.prices.estimate(model: request.model, size: request.size, quality: request.quality, n: request.n)
        let job = Job(
            id: environment.uuid(), request: request, mode: compose.settings.submitMode, cost: cost, startedAt: environment.now(), overBudget: overBudget
        )
        jobs.append(job)
        selectedJob = jobs.count - 1
        _ = compose.input.submit()
        appendLog("submitted \(request.operation.rawValue) \(request.model) \(request.size) \(request.quality.rawValue) n=\(request.n)\(cost.map { " (\($0.costCredits) credits)" } ?? "")")
        note("submitted; the job runs in the background")
        return [.startJob(job), .saveHistory(compose.input.history.serialized)]
    }
}
