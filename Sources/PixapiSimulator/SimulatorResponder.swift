import Foundation
import HTTPTypes
import Hummingbird
import ImageCodec
import PixapiKit

/// Answers every request: the `/v1` API, generated files under `/files/`, and the `/_sim/`
/// control API. One function routes all paths so logging, faults and request ids apply uniformly.
struct SimulatorResponder: HTTPResponder {
    typealias Context = SimulatorContext

    /// The largest body read: 16 images just under 50 MB each, plus a mask and fields.
    static let maxBodyBytes = 16 * 52_428_800 + 8_388_608

    let state: SimulatorState
    var configuration: SimulatorConfiguration { state.configuration }

    func respond(to request: Request, context: SimulatorContext) async throws -> Response {
        let requestID = IDs.request()
        let path = request.uri.path
        if path.hasPrefix("/_sim/") {
            let reply = await ControlAPI(state: state).reply(to: request, path: path, requestID: requestID)
            return Wire.response(reply, requestID: requestID, fault: nil)
        }
        let received = configuration.now()
        let bearer = BearerCheck(header: request.headers[.authorization], requiredKey: configuration.requiredKey)
        let contentType = request.headers[.contentType]
        let body: [UInt8]?
        do {
            body = Array(buffer: try await request.body.collect(upTo: Self.maxBodyBytes))
        } catch {
            body = nil
        }
        let form =
            request.method == .post
            ? body.map { bytes in
                Result { () throws(APIError) in try RequestForm.parse(bytes, contentType: contentType) }
            } : nil
        let fault = await state.takeFault(for: path, kinds: [.status, .drop, .dropAfterWork, .truncate, .malformed, .slowBody])
        if path.hasPrefix("/v1/"), configuration.latency > .zero { try await Pause.for(configuration.latency) }
        let idempotencyKey = request.method == .post ? request.headers[Self.idempotencyKeyField] : nil

        let reply: Reply?
        var replayed = false
        if fault?.kind == .drop {
            reply = nil
        } else if let fault, fault.kind == .status {
            reply = .error(.injected(fault), requestID: requestID, retryAfter: fault.retryAfter)
        } else if fault?.kind == .malformed {
            reply = Reply(status: 200, contentType: "application/json", body: Array("<html><body>502 Bad Gateway</body></html>".utf8))
        } else {
            let route = Route(request: request, path: path, bearer: bearer, form: form, requestID: requestID, baseURL: baseURL(request))
            (reply, replayed) = await answer(route, bodyTooLarge: body == nil, idempotencyKey: idempotencyKey)
        }
        await state.record(
            RecordedRequest(
                requestID: requestID, method: request.method.rawValue, path: path, contentType: contentType,
                keyPresent: bearer.present, keyAccepted: bearer.accepted,
                fields: (try? form?.get().fields.mapValues(\.logText)) ?? [:],
                files: (try? form?.get().files.map(Self.recorded)) ?? [],
                time: received, status: fault?.kind == .dropAfterWork ? nil : reply?.status, fault: fault?.kind,
                idempotencyKey: idempotencyKey, replayed: replayed
            ))
        guard let reply, fault?.kind != .dropAfterWork else {
            try? await context.channel.close()
            return Response(status: .internalServerError)
        }
        return Wire.response(reply, requestID: requestID, fault: fault)
    }

    static let idempotencyKeyField = HTTPField.Name(IdempotencyKey.header)!

    /// The routed answer, or for a repeated `Idempotency-Key` the first answer again, with no
    /// work and no charge (as Pixapi would, if it honours the key). `replayed` says which.
    private func answer(_ route: Route, bodyTooLarge: Bool, idempotencyKey: String?) async -> (reply: Reply, replayed: Bool) {
        let scope = idempotencyKey.map { SimulatorState.IdempotencyScope(path: route.path, key: $0) }
        if let scope {
            switch await state.startIdempotent(scope) {
            case .fresh: break
            case let .replay(stored): return (stored, true)
            case .busy: return (.error(.idempotencyKeyInUse, requestID: route.requestID), false)
            }
        }
        let reply: Reply
        do throws(APIError) {
            reply = try await self.reply(route, bodyTooLarge: bodyTooLarge)
        } catch {
            reply = .error(error, requestID: route.requestID)
        }
        if let scope { await state.finishIdempotent(scope, reply: reply) }
        return (reply, false)
    }

    /// What one routed request needs, gathered once.
    private struct Route {
        let request: Request
        let path: String
        let bearer: BearerCheck
        let form: Result<RequestForm, APIError>?
        let requestID: String
        let baseURL: String
    }

    private func reply(_ route: Route, bodyTooLarge: Bool) async throws(APIError) -> Reply {
        if route.path.hasPrefix("/files/"), route.request.method == .get {
            guard let file = await state.file(named: String(route.path.dropFirst("/files/".count))) else {
                throw .notFound("File '\(route.path)'")
            }
            return Reply(status: 200, contentType: file.mimeType, body: file.bytes)
        }
        guard route.path.hasPrefix("/v1/") else { throw .notFound("Path '\(route.path)'") }
        guard route.bearer.accepted else {
            throw .unauthorized(
                route.bearer.present
                    ? "Incorrect API key provided."
                    : "Missing bearer key: send 'Authorization: Bearer <key>'.")
        }
        if bodyTooLarge {
            throw APIError(status: 413, message: "The request body is larger than \(Self.maxBodyBytes) bytes.", type: "invalid_request_error", param: nil, code: "request_too_large")
        }
        switch (route.request.method, route.path) {
        case (.post, "/v1/images/generations"): return try await images(route, .generate)
        case (.post, "/v1/images/edits"): return try await images(route, .edit)
        case (.post, "/v1/async/images/generations"): return try await submit(route, .generate)
        case (.post, "/v1/async/images/edits"): return try await submit(route, .edit)
        case (.get, let path) where path.hasPrefix("/v1/tasks/"):
            return try await poll(String(path.dropFirst("/v1/tasks/".count)))
        default: throw .notFound("\(route.request.method.rawValue) \(route.path)")
        }
    }

    private func validJob(_ route: Route, _ operation: PixapiKit.ImageOperation) throws(APIError) -> ImageJob {
        guard let form = route.form else { throw .invalid("The request has no body.", param: nil) }
        return try ImageJob.validate(form.get(), operation: operation, catalog: configuration.catalog, prices: configuration.prices)
    }

    private func images(_ route: Route, _ operation: PixapiKit.ImageOperation) async throws(APIError) -> Reply {
        let job = try validJob(route, operation)
        try await state.charge(job.cost)
        do {
            return .json(try await produce(job, baseURL: route.baseURL))
        } catch {
            await state.refund(job.cost)
            throw error
        }
    }

    private func submit(_ route: Route, _ operation: PixapiKit.ImageOperation) async throws(APIError) -> Reply {
        let job = try validJob(route, operation)
        let failure = await state.takeFault(for: route.path, kinds: [.taskFails])
        if failure == nil { try await state.charge(job.cost) }
        let submitted = configuration.now()
        let task = TaskRecord(
            id: IDs.task(), job: job, createdAt: Int(submitted.timeIntervalSince1970), started: submitted,
            duration: configuration.taskDuration, baseURL: route.baseURL, failure: failure.map(APIError.injected),
            requestID: route.requestID
        )
        await state.add(task)
        return .json(TaskEnvelope(id: task.id, status: "submitted", progress: 0, createdAt: task.createdAt, model: job.model))
    }

    private func poll(_ id: String) async throws(APIError) -> Reply {
        guard let task = await state.task(id) else { throw .notFound("Task '\(id)'") }
        func envelope(_ status: String, _ progress: Int) -> TaskEnvelope {
            TaskEnvelope(id: task.id, status: status, progress: progress, createdAt: task.createdAt, model: task.job.model)
        }
        switch task.phase(at: configuration.now()) {
        case .queued:
            return .json(envelope("queued", 0))
        case let .running(progress):
            return .json(envelope("in_progress", progress))
        case .finished:
            var answer = envelope("completed", 100)
            if let failure = task.failure {
                answer = envelope("failed", 100)
                answer.error = failure.body(requestID: task.requestID)
            } else if let result = task.result {
                answer.result = result
            } else {
                do throws(APIError) {
                    answer.result = await state.complete(id, with: try await produce(task.job, baseURL: task.baseURL))
                } catch {
                    answer = envelope("failed", 100)
                    answer.error = error.body(requestID: task.requestID)
                }
            }
            return .json(answer)
        }
    }

    private func produce(_ job: ImageJob, baseURL: String) async throws(APIError) -> ImagesResponse {
        do {
            return try await ImageProducer.respond(
                to: job, baseURL: baseURL, state: state, style: configuration.imageStyle, compressionLevel: configuration.compressionLevel, created: configuration.now()
            )
        } catch {
            throw APIError(status: 500, message: "The image could not be encoded: \(error)", type: "server_error", param: nil, code: "server_error")
        }
    }

    /// Result URLs use the `Host` the client connected to, so they work behind any address.
    private func baseURL(_ request: Request) -> String {
        "http://" + (request.head.authority ?? "\(configuration.host):\(configuration.port)")
    }

    private static func recorded(_ file: RequestForm.File) -> RecordedRequest.File {
        RecordedRequest.File(
            part: file.part, filename: file.filename, byteCount: file.bytes.count,
            format: ImageHeader.sniffFormat(Array(file.bytes.prefix(16)))?.rawValue
        )
    }
}
