/// Runs `body` with `resource`, then `tearDown` on it, also when `body` throws: a `defer` that
/// can await, for servers and clients that must be shut down before the test ends.
public func using<Resource, Value>(
    _ resource: Resource, tearDown: (Resource) async -> Void, _ body: (Resource) async throws -> Value
) async throws -> Value {
    do {
        let value = try await body(resource)
        await tearDown(resource)
        return value
    } catch {
        await tearDown(resource)
        throw error
    }
}
