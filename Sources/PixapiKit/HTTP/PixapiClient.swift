import AsyncHTTPClient
import Foundation
import ImageCodec
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix

/// The HTTP client for Pixapi's image API. The only code in pixterm that speaks HTTP to it.
///
/// Owns an `HTTPClient`; call `shutdown()` when done.
///
/// `logger` gets a line per attempt (method, URL without its query, status, bytes, duration)
/// and one per retry (attempt, wait, why), and AsyncHTTPClient's own events; the client puts
/// its key's `Redactor` in front of it, so no line carries the key whoever built the logger.
public final class PixapiClient: ImageAPI {
    public let configuration: ClientConfiguration
    /// Made on the first request (`LazyHTTPClient`).
    private let http: LazyHTTPClient
    private let logger: Logger
    private let onEvent: @Sendable (ClientEvent) -> Void

    public init(
        configuration: ClientConfiguration, logger: Logger = .disabled, onEvent: @escaping @Sendable (ClientEvent) -> Void = { _ in }
    ) {
        self.configuration = configuration
        self.logger = logger.redacting(configuration.redactor)
        self.onEvent = onEvent
        let logger = self.logger
        http = LazyHTTPClient { Self.makeHTTPClient(connectTimeout: configuration.connectTimeout, readTimeout: configuration.readTimeout, logger: logger) }
    }

    /// An HTTPClient that reports a failed connection at once. By default AsyncHTTPClient
    /// keeps trying to connect until the connect timeout, and with our own retries on top a
    /// server that is simply not running took 42 s to report; `RetryPolicy` already retries
    /// what is worth retrying, with backoff the user can see in the log.
    ///
    /// It follows no redirects: AsyncHTTPClient re-sends a POST's body on a 307 to any host, so
    /// `execute` decides every redirect itself (see `RedirectRule`).
    static func makeHTTPClient(connectTimeout: Duration, readTimeout: Duration, logger: Logger = .disabled) -> HTTPClient {
        var httpConfiguration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: connectTimeout.timeAmount, read: readTimeout.timeAmount)
        )
        httpConfiguration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: httpConfiguration, backgroundActivityLogger: logger)
    }

    public func shutdown() async {
        await http.shutdown()
    }

    public func create(_ request: ImageRequest, idempotencyKey: String, staging: URL) async throws(PixapiError) -> ImageResult {
        let body = try requestBody(request)
        return try await exchange(
            method: .POST, path: request.endpointPath(.sync), body: body, policy: configuration.retry, paidKey: idempotencyKey
        ) { response throws(PixapiError) in
            try await self.readImageJSON(response, staging: staging, images: request.n, as: ImageResult.parse)
        }
    }

    public func submitTask(_ request: ImageRequest, idempotencyKey: String) async throws(PixapiError) -> TaskSnapshot {
        let body = try requestBody(request)
        return try await exchange(
            method: .POST, path: request.endpointPath(.async), body: body, policy: configuration.retry, paidKey: idempotencyKey
        ) { response throws(PixapiError) in
            let object = try await self.readSmallJSON(response)
            return try TaskSnapshot.parse(object, spooled: [])
        }
    }

    public func task(id: String, staging: URL) async throws(PixapiError) -> TaskSnapshot {
        guard let escaped = id.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-_."))) else {
            throw PixapiError(.invalidInput, "task id \(id) cannot be put in a URL")
        }
        let snapshot = try await exchange(method: .GET, path: "/v1/tasks/\(escaped)", body: nil, policy: pollRetry) {
            response throws(PixapiError) in
            try await self.readImageJSON(response, staging: staging, as: TaskSnapshot.parse)
        }
        if case let .running(status) = snapshot.status {
            logger.debug("task running", metadata: ["task": .string(snapshot.id), "status": .string(status), "progress": "\(snapshot.progress ?? 0)"])
            onEvent(.taskProgress(id: snapshot.id, status: status, progress: snapshot.progress))
        }
        return snapshot
    }

    public func download(_ url: URL, to destination: URL) async throws(PixapiError) {
        if configuration.origin?.isDowngrade(to: url) == true {
            throw PixapiError(
                .malformedResponse,
                "the server's result URL \(RedirectRule.shown(url)) is plain HTTP while the API uses HTTPS, so pixterm did not fetch it; "
                    + "use --response-format b64_json to receive the image inside the answer"
            )
        }
        let partial = destination.appendingPathExtension("part")
        let limits = configuration.transfer
        let transfer = BodyTransfer(
            limits: limits, source: "the image host \(url.host ?? "")", what: "the image", maxBytes: limits.maxImageBytes,
            ceiling: limits.timeCeiling(images: 1)
        )
        // A body that broke a transfer limit is not fetched again: the host was too slow or sent
        // too much, and another attempt would only repeat the wait or the waste.
        let outcome = try await exchange(method: .GET, absoluteURL: url, body: nil, policy: pollRetry) {
            response throws(PixapiError) -> Result<Void, PixapiError> in
            defer { try? FileManager.default.removeItem(at: partial) }
            do throws(PixapiError) {
                try transfer.checkDeclaredLength(response.headers.first(name: "content-length"))
                try await self.stream(response.body, to: partial, under: transfer)
            } catch {
                if BodyTransfer.brokeALimit(error) { return .failure(error) }
                throw error
            }
            try ResultFileCheck.verify(partial, what: "the downloaded image", maxBytes: limits.maxImageBytes)
            do {
                try FileManager.default.moveItem(at: partial, to: destination)
            } catch {
                throw PixapiError(.io, "cannot save \(destination.path): \(error.localizedDescription)")
            }
            return .success(())
        }
        try outcome.get()
    }

    /// Polls and downloads are idempotent, so they may try harder than a paid submit.
    private var pollRetry: RetryPolicy {
        var policy = configuration.retry
        policy.maxAttempts = max(policy.maxAttempts, 6)
        return policy
    }

    // MARK: - Requests

    private enum Body {
        case json([UInt8])
        case multipart(MultipartBody)

        var length: Int {
            switch self {
            case let .json(bytes): bytes.count
            case let .multipart(form): form.contentLength
            }
        }
    }

    private func requestBody(_ request: ImageRequest) throws(PixapiError) -> Body {
        switch request.operation {
        case .generate:
            var object: [String: Any] = [:]
            for field in request.fields {
                switch field.value {
                case let .string(text): object[field.name] = text
                case let .int(number): object[field.name] = number
                }
            }
            guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else {
                throw PixapiError(.invalidInput, "the request could not be encoded as JSON")
            }
            return .json([UInt8](data))
        case .edit:
            let catalog = ModelCatalog.builtIn
            let limits = catalog.editLimits
            var images: [EditInput] = []
            for path in request.images {
                images.append(try EditInput.load(path, maxBytes: limits.maxImageBytes, role: "image"))
            }
            let mask = try request.mask.map { path throws(PixapiError) in try EditInput.load(path, maxBytes: limits.maxMaskBytes, role: "mask") }
            return .multipart(MultipartBody(request: request, images: images, mask: mask))
        }
    }

    private func exchange<T: Sendable>(
        method: HTTPMethod, path: String, body: Body?, policy: RetryPolicy, paidKey: String? = nil,
        handle: (HTTPClientResponse) async throws(PixapiError) -> T
    ) async throws(PixapiError) -> T {
        try await exchange(method: method, absoluteURL: configuration.url(path), body: body, policy: policy, paidKey: paidKey, handle: handle)
    }

    /// Sends one request with retries as `policy` allows. An idempotent request (a poll, a
    /// download) is tried again after any transient failure. A paid POST (`paidKey` set, sent as
    /// its `Idempotency-Key`) is tried again only when the server certainly did not act on it:
    /// the connection failed before the request went out, or a complete 429/500/503 answer;
    /// anything else after its body went out is an `unknownOutcome`, reported at once.
    private func exchange<T: Sendable>(
        method: HTTPMethod, absoluteURL: URL, body: Body?, policy: RetryPolicy, paidKey: String? = nil,
        handle: (HTTPClientResponse) async throws(PixapiError) -> T
    ) async throws(PixapiError) -> T {
        var attempt = 1
        while true {
            let trace = RequestTrace(logger: logger, method: method.rawValue, url: absoluteURL, attempt: attempt, sent: body?.length ?? 0)
            do {
                let value = try await attemptOnce(method: method, url: absoluteURL, body: body, paidKey: paidKey, trace: trace, handle: handle)
                trace.finished(nil)
                return value
            } catch {
                let cleaned = error.redacting(configuration.apiKey)
                trace.finished(cleaned)
                guard let wait = policy.delay(afterAttempt: attempt, error: cleaned) else { throw cleaned }
                logger.notice(
                    "retrying", metadata: ["url": .string(RedirectRule.shown(absoluteURL)), "attempt": "\(attempt)", "wait": .seconds(wait), "reason": .string(cleaned.message)]
                )
                onEvent(.retrying(attempt: attempt, after: wait, reason: cleaned.message))
                do {
                    try await Task.sleep(for: wait)
                } catch {
                    throw PixapiError(.cancelled, "cancelled while waiting to retry: \(cleaned.message)")
                }
                attempt += 1
            }
        }
    }

    /// One attempt; `trace` learns its status and counts the body its reader takes.
    private func attemptOnce<T: Sendable>(
        method: HTTPMethod, url: URL, body: Body?, paidKey: String?, trace: RequestTrace,
        handle: (HTTPClientResponse) async throws(PixapiError) -> T
    ) async throws(PixapiError) -> T {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = method
        request.headers.add(name: "User-Agent", value: configuration.userAgent)
        request.headers.add(name: "Accept", value: "application/json")
        if sendsKey(to: url) {
            request.headers.add(name: "Authorization", value: "Bearer \(configuration.apiKey)")
        }
        if let paidKey { request.headers.add(name: IdempotencyKey.header, value: paidKey) }
        let probe = SendProbe()
        switch body {
        case let .json(bytes):
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .stream(ProbedBody(source: .bytes(bytes), probe: probe), length: .known(Int64(bytes.count)))
        case let .multipart(form):
            request.headers.add(name: "Content-Type", value: form.contentType)
            request.body = .stream(ProbedBody(source: .chunks(form.chunks()), probe: probe), length: .known(Int64(form.contentLength)))
        case nil:
            break
        }
        let isPaid = paidKey != nil
        var response: HTTPClientResponse
        do {
            response = try await execute(request, url: url)
        } catch {
            let failure = TransportError.map(error, host: url.host ?? url.absoluteString)
            guard isPaid, probe.bodyStarted, failure.kind != .cancelled else { throw failure }
            throw TransportError.answerLost(failure)
        }
        let status = Int(response.status.code)
        trace.answered(status: status)
        if trace.isLogged { response.body = .stream(CountedBody(base: response.body, trace: trace)) }
        guard (200..<300).contains(status) else {
            let errorBody = BodyTransfer.small(configuration.transfer, from: url.host ?? "the server", what: "the error answer", maxBytes: 64 << 10)
            let bytes = (try? await errorBody.collect(response.body)) ?? []
            let refusal = ErrorResponse.error(
                status: status, body: bytes, headers: response.headers.map { ($0.name, $0.value) }, redactor: configuration.redactor, url: url
            )
            // A gateway's 502/504 (any 5xx but 500/503) may hide an upstream that acted; a 409
            // says the first request under this Idempotency-Key is still being worked on.
            let mayHaveActed = status == 409 || (status >= 500 && !TransportError.paidRetryableStatuses.contains(status))
            guard isPaid, mayHaveActed else { throw refusal }
            throw TransportError.answerLost(refusal)
        }
        guard isPaid else { return try await handle(response) }
        do {
            return try await handle(response)
        } catch let error where error.kind == .cancelled {
            throw error
        } catch {
            throw TransportError.answerLost(error)
        }
    }

    /// The key goes only to the exact origin of the base URL (scheme, host and port), never to a
    /// CDN a result URL points at, nor over plain HTTP to the API's host.
    private func sendsKey(to url: URL) -> Bool {
        configuration.origin?.mayReceiveKey(url) == true
    }

    /// Sends `request`, following the redirects of a GET by hand as `RedirectRule` allows; the
    /// `Authorization` header goes along only while the chain stays at the API origin. A
    /// redirect of anything else comes back as it is, and `ErrorResponse` says where it pointed.
    private func execute(_ first: HTTPClientRequest, url start: URL) async throws -> HTTPClientResponse {
        let rule = RedirectRule(origin: configuration.origin)
        let authorization = first.headers["Authorization"]
        var request = first
        var url = start
        var keySent = !authorization.isEmpty
        var hops = 0
        while true {
            let response = try await http.client().execute(request, timeout: configuration.readTimeout.timeAmount, logger: logger)
            let status = Int(response.status.code)
            guard RedirectRule.follows(method: request.method.rawValue, status: status),
                let hop = try rule.next(status: status, location: response.headers.first(name: "Location"), from: url, keySentSoFar: keySent, hops: hops)
            else { return response }
            _ = try? await BodyTransfer.small(configuration.transfer, from: url.host ?? "the server", what: "a redirect", maxBytes: 64 << 10)
                .collect(response.body)
            hops += 1
            url = hop.url
            keySent = hop.sendsKey
            request.url = hop.url.absoluteString
            request.headers.remove(name: "Authorization")
            if hop.sendsKey { authorization.forEach { request.headers.add(name: "Authorization", value: $0) } }
        }
    }

    // MARK: - Responses

    /// The sender of a JSON answer, for messages.
    private var apiHost: String { configuration.baseURL.host ?? "the server" }

    private func readSmallJSON(_ response: HTTPClientResponse) async throws(PixapiError) -> [String: Any] {
        let transfer = BodyTransfer.small(configuration.transfer, from: apiHost, what: "the answer", maxBytes: ImageResponseSpooler.maxSkeletonBytes)
        try transfer.checkDeclaredLength(response.headers.first(name: "content-length"))
        return try parseObject(try await transfer.collect(response.body))
    }

    /// An image answer with its `b64_json` images decoded into `staging` as they arrive, each
    /// checked to be a whole image, then read `as` a result; the images are deleted again when any
    /// step fails. `images` is how many it may carry (the request's `n`, or the most any model
    /// returns), which sets the byte cap and the time ceiling of the body.
    private func readImageJSON<T>(
        _ response: HTTPClientResponse, staging: URL, images: Int? = nil,
        as parse: ([String: Any], [URL]) throws(PixapiError) -> T
    ) async throws(PixapiError) -> T {
        let limits = configuration.transfer
        let images = images ?? limits.maxImagesPerResponse
        let transfer = BodyTransfer(
            limits: limits, source: apiHost, what: "the answer", maxBytes: limits.maxImageJSONBytes(images: images),
            ceiling: limits.timeCeiling(images: images)
        )
        try transfer.checkDeclaredLength(response.headers.first(name: "content-length"))
        let (skeleton, files) = try await transfer.run { meter in
            var spooler = ImageResponseSpooler(staging: staging, maxImageBytes: limits.maxImageBytes, maxImages: images)
            do {
                for try await chunk in response.body {
                    try meter.received(chunk.readableBytes)
                    try spooler.consume(chunk.readableBytesView)
                }
                try spooler.finish()
                for (index, file) in spooler.spooledFiles.enumerated() {
                    try ResultFileCheck.verify(file, what: "image \(index + 1) in the server's answer", maxBytes: limits.maxImageBytes)
                }
                return (spooler.skeleton, spooler.spooledFiles)
            } catch {
                spooler.discard()
                throw error
            }
        }
        do {
            return try parse(try parseObject(skeleton), files)
        } catch {
            for file in files { try? FileManager.default.removeItem(at: file) }
            throw error
        }
    }

    /// The answer as a JSON object with the key redacted from every string in it, so whatever
    /// reads it (a task's error message, `revised_prompt` saved in a sidecar) never sees the key.
    private func parseObject(_ bytes: [UInt8]) throws(PixapiError) -> [String: Any] {
        let redactor = configuration.redactor
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            let preview = redactor.clean(String(decoding: bytes, as: UTF8.self), limit: 80)
            throw PixapiError(.malformedResponse, "the server's answer is not the JSON the API describes (starts with: \(preview))")
        }
        return redactor.redactJSON(object) as? [String: Any] ?? [:]
    }

    /// Writes a body to `file` as it arrives, under `transfer`'s limits; the caller removes the
    /// file whatever happens.
    private func stream(_ body: HTTPClientResponse.Body, to file: URL, under transfer: BodyTransfer) async throws(PixapiError) {
        guard FileManager.default.createFile(atPath: file.path, contents: nil), let handle = try? FileHandle(forWritingTo: file) else {
            throw PixapiError(.io, "cannot write \(file.path): check the folder exists and is writable")
        }
        try await transfer.run { meter in
            defer { try? handle.close() }
            do {
                for try await chunk in body {
                    try meter.received(chunk.readableBytes)
                    try chunk.withUnsafeReadableBytes { try handle.write(contentsOf: $0) }
                }
            } catch let error as CocoaError where error.code == .fileWriteOutOfSpace {
                throw PixapiError(.io, "the disk is full while saving \(file.lastPathComponent)")
            }
        }
    }
}
