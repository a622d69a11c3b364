import Foundation

/// Everything the simulator remembers, in one actor: credits, scheduled faults, the request log,
/// generated files and async tasks. Shared by the HTTP handlers and `RunningSimulator`.
actor SimulatorState {
    struct StoredFile: Sendable {
        let bytes: [UInt8]
        let mimeType: String
    }

    /// Files beyond this many are dropped oldest first, as a real CDN's expiring URLs would be.
    static let maxStoredFiles = 256

    let configuration: SimulatorConfiguration
    private(set) var balance: Int?
    private var faults: [Fault] = []
    private var log: [RecordedRequest] = []
    private var files: [String: StoredFile] = [:]
    private var fileOrder: [String] = []
    private var tasks: [String: TaskRecord] = [:]
    /// Answers by `Idempotency-Key` (and path); `nil` while the first request is being worked on.
    private var idempotentAnswers: [IdempotencyScope: Reply?] = [:]
    /// The kept answers, oldest first, and their bytes: see `rememberedAnswerBytes`.
    private var answerOrder: [IdempotencyScope] = []
    private var answerBytes = 0

    /// What an `Idempotency-Key` is remembered under: a key is only ever reused for one endpoint.
    struct IdempotencyScope: Hashable, Sendable {
        let path: String
        let key: String
    }

    /// What to do with a request that carries an `Idempotency-Key`.
    enum IdempotentStart: Sendable {
        /// The first with this key: do the work, then `finishIdempotent`.
        case fresh
        /// Answered before: send this again, charge nothing.
        case replay(Reply)
        /// The first request with this key is still running.
        case busy
    }

    init(configuration: SimulatorConfiguration) {
        self.configuration = configuration
        balance = configuration.startingCredits
    }

    func schedule(_ new: [Fault]) { faults.append(contentsOf: new) }

    /// Uses up one application of the first scheduled fault of one of `kinds` that matches `path`.
    func takeFault(for path: String, kinds: Set<Fault.Kind>) -> Fault? {
        guard let index = faults.firstIndex(where: { kinds.contains($0.kind) && $0.applies(to: path) }) else { return nil }
        let fault = faults[index]
        faults[index].count -= 1
        if faults[index].count <= 0 { faults.remove(at: index) }
        return fault
    }

    func record(_ request: RecordedRequest) { log.append(request) }

    func requests() -> [RecordedRequest] { log }

    /// Forgets faults, requests, files and tasks and restores the starting credits.
    func reset() {
        faults = []
        log = []
        files = [:]
        fileOrder = []
        tasks = [:]
        idempotentAnswers = [:]
        answerOrder = []
        answerBytes = 0
        balance = configuration.startingCredits
    }

    func startIdempotent(_ scope: IdempotencyScope) -> IdempotentStart {
        guard let stored = idempotentAnswers[scope] else {
            idempotentAnswers[scope] = .some(nil)
            return .fresh
        }
        return stored.map(IdempotentStart.replay) ?? .busy
    }

    /// Keeps a successful answer for repeats; after a refusal (nothing charged) the key is free again.
    func finishIdempotent(_ scope: IdempotencyScope, reply: Reply) {
        guard (200..<300).contains(reply.status) else {
            idempotentAnswers[scope] = nil
            return
        }
        idempotentAnswers[scope] = .some(reply)
        answerOrder.append(scope)
        answerBytes += reply.body.count
        // A forgotten key is a new request when it comes again, as after a real server's window.
        while answerBytes > configuration.rememberedAnswerBytes, answerOrder.count > 1 {
            let oldest = answerOrder.removeFirst()
            if case let .some(.some(forgotten)) = idempotentAnswers.removeValue(forKey: oldest) { answerBytes -= forgotten.body.count }
        }
    }

    /// Takes `cost` credits, or refuses with 402 when the balance is lower.
    func charge(_ cost: Int) throws(APIError) {
        guard let current = balance else { return }
        guard cost <= current else { throw .insufficientCredits(cost: cost, balance: current) }
        balance = current - cost
    }

    /// Gives credits back for work that was charged but not delivered.
    func refund(_ cost: Int) {
        if let current = balance { balance = current + cost }
    }

    /// Keeps a generated image and returns the file name it is served under.
    func store(_ bytes: [UInt8], format: ImageJob.OutputFormat) -> String {
        let name = "\(IDs.file()).\(format.fileExtension)"
        files[name] = StoredFile(bytes: bytes, mimeType: format.mimeType)
        fileOrder.append(name)
        if fileOrder.count > Self.maxStoredFiles { files[fileOrder.removeFirst()] = nil }
        return name
    }

    func file(named name: String) -> StoredFile? { files[name] }

    func add(_ task: TaskRecord) { tasks[task.id] = task }

    func task(_ id: String) -> TaskRecord? { tasks[id] }

    /// Stores a finished task's images; the first result wins if two polls raced to produce one.
    func complete(_ id: String, with result: ImagesResponse) -> ImagesResponse {
        if let existing = tasks[id]?.result { return existing }
        tasks[id]?.result = result
        return result
    }
}
