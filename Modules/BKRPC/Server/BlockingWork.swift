import NIOPosix

/// Handlers run on their connection's event loop (see `EventLoopTaskExecutor`), so work that takes
/// more than a moment of CPU or blocks on I/O goes here instead: NIO's shared blocking thread pool.
public enum BlockingWork {
    public static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await NIOThreadPool.singleton.runIfActive(body)
    }
}
