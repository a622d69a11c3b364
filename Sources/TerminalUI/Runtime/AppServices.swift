import PixtermCore

/// The world the UI acts on (jobs, gallery, files, the demo simulator), behind one small
/// protocol so the runtime can be driven in tests without network or disk.
public protocol AppServices: AnyObject, Sendable {
    /// Called once before the first frame: resumes open journal entries and reports them with
    /// `.resumed` and job events.
    func start(send: @escaping @Sendable (Action) -> Void)
    /// Runs one effect in the background; results come back through `send`.
    func perform(_ effect: Effect, send: @escaping @Sendable (Action) -> Void)
}
