import Foundation
import PixapiKit

extension AppState {
    mutating func handleComposeKey(_ key: InputKey, environment: AppEnvironment, now: Date) -> [Effect] {
        switch key {
        case .tab: moveFocus(by: 1); return []
        case .backTab: moveFocus(by: -1); return []
        case .ctrl("o"), .function(2):
            return openGallery()
        case .ctrl("e"):
            operation = operation == .edit ? .generate : .edit
            note(operation == .edit ? "edit mode: add source images in the Sources field (Tab to it)" : "generate mode")
            if operation == .generate, focus == .sources { focus = .prompt }
            return []
        case .escape where input.search == nil:
            if message != nil { message = nil } else if focus != .prompt { focus = .prompt }
            return []
        default:
            break
        }
        switch focus {
        case .prompt: return handlePromptKey(key, environment: environment, now: now)
        case let .picker(field): return handlePickerKey(key, field, environment: environment, now: now)
        case .sources: return handleSourcesKey(key, environment: environment, now: now)
        case .jobs: return handleJobsKey(key)
        }
    }

    private mutating func moveFocus(by delta: Int) {
        let order = focusOrder
        let index = order.firstIndex(of: focus) ?? 0
        focus = order[(index + delta + order.count) % order.count]
    }

    private mutating func handlePromptKey(_ key: InputKey, environment: AppEnvironment, now: Date) -> [Effect] {
        let width = input.editor.layoutWidth
        let command: EditorCommand?
        switch key {
        case let .character(char): command = .type(char)
        case let .paste(text): command = .paste(text)
        case .enter:
            if input.search != nil {
                _ = input.submit()
                return []
            }
            return submit(environment: environment, now: now)
        case .newline, .alt("\r"): command = .newline
        case .backspace: command = .backspace
        case .delete: command = .deleteForward
        case .left: command = .left
        case .right: command = .right
        case .up: command = .up
        case .down: command = .down
        case .home, .ctrl("a"): command = .home
        case .end: command = .end
        case .wordLeft, .alt("b"): command = .wordLeft
        case .wordRight, .alt("f"): command = .wordRight
        case .ctrl("w"): command = .deleteWordBackward
        case .ctrl("u"): command = .deleteToLineStart
        case .ctrl("k"): command = .deleteToLineEnd
        case .ctrl("z"): command = .undo
        case .ctrl("y"): command = .redo
        case .ctrl("r"): command = .reverseSearch
        case .escape, .ctrl("g"): command = .cancel
        default: command = nil
        }
        if let command { input.apply(command, layoutWidth: width) }
        return []
    }

    private mutating func handlePickerKey(_ key: InputKey, _ field: PickerField, environment: AppEnvironment, now: Date) -> [Effect] {
        switch key {
        case .left: settings.step(field, by: -1, in: environment.catalog)
        case .right, .character(" "): settings.step(field, by: 1, in: environment.catalog)
        case .enter: return submit(environment: environment, now: now)
        case .backspace:
            if field == .size, case let .custom(text) = settings.size { settings.size = .custom(String(text.dropLast())) }
        case let .paste(text):
            if field == .size, case let .custom(typed) = settings.size {
                settings.size = .custom(String((typed + TerminalText.sanitized(text)).prefix(16)))
            }
        case let .character(char):
            if field == .size, case let .custom(text) = settings.size {
                if text.count < 16, char.isNumber || "xX×*".contains(char) { settings.size = .custom(text + (char == "*" ? "x" : String(char))) }
            } else if field == .n, let digit = char.wholeNumberValue, digit >= 1 {
                settings.n = min(digit, (try? environment.catalog.model(settings.model).maxN) ?? digit)
            } else if char == "q" {
                return requestQuit()
            }
        default: break
        }
        return []
    }

    private mutating func handleSourcesKey(_ key: InputKey, environment: AppEnvironment, now: Date) -> [Effect] {
        switch key {
        case let .character(char): sourceDraft.append(char)
        case let .paste(text):
            // A pasted list of paths (one per line, or dragged from a file manager) adds them all.
            let paths = PathList.parse(TerminalText.sanitized(text, keepNewlines: true))
            if paths.count > 1 || text.contains("\n") { addSources(paths) } else { sourceDraft += paths.first ?? "" }
        case .backspace:
            if sourceDraft.isEmpty { if !sources.isEmpty { sources.removeLast() } } else { sourceDraft.removeLast() }
        case .enter:
            if sourceDraft.trimmingCharacters(in: .whitespaces).isEmpty { return submit(environment: environment, now: now) }
            addSources(PathList.parse(sourceDraft))
            sourceDraft = ""
        case .ctrl("u"): sourceDraft = ""
        default: break
        }
        return []
    }

    mutating func addSources(_ paths: [String]) {
        for path in paths where !sources.contains(path) { sources.append(path) }
    }

    private mutating func handleJobsKey(_ key: InputKey) -> [Effect] {
        guard !jobs.isEmpty else { focus = .prompt; return [] }
        selectedJob = min(selectedJob, jobs.count - 1)
        let job = jobs[selectedJob]
        switch key {
        case .up: selectedJob = max(0, selectedJob - 1)
        case .down: selectedJob = min(jobs.count - 1, selectedJob + 1)
        case .character("c"), .delete:
            guard !job.state.isFinished else { return [] }
            return [.cancelJob(job.id)]
        case .character("r"):
            if job.wasRetried { note("this job was retried already: see the newer job below"); return [] }
            if job.retriesKnowingly, let kept = job.kept {
                overlay = .confirm(.retryKept(job: job.id, reason: kept, credits: job.cost?.costCredits))
                return []
            }
            guard case let .failed(error) = job.state else { note("only a failed job can be retried"); return [] }
            // The server accepted this task, so it may be charged and its journal entry is
            // kept (only a task that failed is closed): sending the request again would pay
            // twice. Resuming polls the same task instead.
            if let taskID = job.taskID, error.kind != .taskFailed {
                note("task \(taskID) is kept in the journal and may be charged: `pixterm tasks resume` (or the next start) finishes it without sending it again")
                return []
            }
            return retry(job, now: Date())
        case .enter:
            if case let .failed(error) = job.state { fail(error.description) } else if let path = job.savedPaths.last { note(path) }
        case .character("q"):
            return requestQuit()
        default: break
        }
        return []
    }

    /// Starts `job` again as a new job: under the same journal entry and `Idempotency-Key` when
    /// its entry was kept (the user confirmed), else as a new request.
    mutating func retry(_ job: Job, now: Date) -> [Effect] {
        let again = Job(request: job.request, mode: job.mode, cost: job.cost, startedAt: now, retrying: job.retriesKnowingly ? job.journal : nil)
        if again.retrying != nil, let index = jobs.firstIndex(where: { $0.id == job.id }) { jobs[index].handOverJournal() }
        jobs.append(again)
        selectedJob = jobs.count - 1
        appendLog("retrying\(again.retrying.map { " journal entry \($0.entry) with its Idempotency-Key" } ?? ""): \(job.request.prompt.prefix(60))")
        return [.startJob(again)]
    }

    /// Builds the request from the compose screen, checks it, and either starts it or asks first.
    mutating func submit(environment: AppEnvironment, now: Date) -> [Effect] {
        let prompt = input.editor.text
        guard !prompt.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            fail("the prompt is empty; type what you want to see")
            return []
        }
        if input.editor.isOverLimit {
            fail("the prompt is \(input.editor.scalarCount) characters; the limit is \(input.editor.limit)")
            return []
        }
        let size: ImageSize
        switch settings.resolvedSize(in: environment.catalog) {
        case let .success(resolved): size = resolved
        case let .failure(error):
            fail(error.message)
            focus = .picker(.size)
            return []
        }
        if operation == .edit {
            if !sourceDraft.isEmpty { addSources(PathList.parse(sourceDraft)); sourceDraft = "" }
            guard !sources.isEmpty else {
                fail("edit mode needs at least one source image: Tab to Sources and type or paste a path")
                focus = .sources
                return []
            }
        }
        let request = ImageRequest(
            operation: operation, model: settings.model, prompt: prompt, size: size, quality: settings.quality, n: settings.n,
            responseFormat: settings.responseFormat, images: operation == .edit ? sources : []
        )
        do {
            try environment.catalog.validate(request)
        } catch {
            fail(error.message)
            return []
        }
        let preview = costPreview(environment)
        if preview.needsConfirmation, let estimate = preview.estimate, let threshold = preview.threshold {
            pendingSubmit = request
            overlay = .confirm(.spend(credits: estimate.costCredits, threshold: threshold))
            return []
        }
        return start(request, environment: environment, now: now)
    }

    mutating func start(_ request: ImageRequest, environment: AppEnvironment, now: Date) -> [Effect] {
        let cost = try? environment.prices.estimate(model: request.model, size: request.size, quality: request.quality, n: request.n)
        let job = Job(request: request, mode: settings.submitMode, cost: cost, startedAt: now)
        jobs.append(job)
        selectedJob = jobs.count - 1
        _ = input.submit()
        appendLog("submitted \(request.operation.rawValue) \(request.model) \(request.size) \(request.quality.rawValue) n=\(request.n)\(cost.map { " (\($0.costCredits) credits)" } ?? "")")
        note("submitted; the job runs in the background")
        return [.startJob(job), .saveHistory(input.history.serialized)]
    }

    mutating func applyJobEvent(_ id: UUID, _ event: JobEvent, now: Date) {
        guard let index = jobs.firstIndex(where: { $0.id == id }) else { return }
        jobs[index].apply(event, at: now)
        let prompt = String(jobs[index].request.prompt.prefix(40))
        switch event {
        case .completed:
            appendLog("done: \(prompt) -> \(jobs[index].savedPaths.joined(separator: ", "))")
            note("done: \(jobs[index].savedPaths.count) image\(jobs[index].savedPaths.count == 1 ? "" : "s") saved to the gallery (Ctrl+O)")
        case let .failed(error):
            if jobs[index].kept == .outcomeUnknown {
                appendLog(error.description)
                fail("outcome unknown: may have been charged; in Jobs, r retries it (asks first); Ctrl+L has the details")
            } else {
                fail("job failed: \(error.description)")
            }
        case .cancelled:
            appendLog("cancelled: \(prompt)")
        case let .submitted(taskID):
            appendLog("task \(taskID) submitted: \(prompt)")
        case .progress, .saved, .recorded, .kept:
            break
        }
    }
}
