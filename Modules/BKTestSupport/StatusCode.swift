import BKRPC

/// The status code a call failed with, or nil when it succeeded (`.unknown` for an error that is not an
/// RPC error): what tests of refusals compare.
public func code<T>(_ call: () async throws -> T) async -> RPCStatusCode? {
    do {
        _ = try await call()
        return nil
    } catch let error as RPCError {
        return error.code
    } catch {
        return .unknown
    }
}
