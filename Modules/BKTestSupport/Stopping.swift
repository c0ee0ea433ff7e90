/// Something a test starts and must stop, whatever `body` does: a server, a cluster of daemons.
public protocol Stoppable: Sendable {
    func stop() async
}

extension Stoppable {
    /// Runs `body` with this, then stops it, also when `body` throws (async code has no `defer` await).
    public func stopping<T>(after body: (Self) async throws -> T) async throws -> T {
        do {
            let result = try await body(self)
            await stop()
            return result
        } catch {
            await stop()
            throw error
        }
    }
}
