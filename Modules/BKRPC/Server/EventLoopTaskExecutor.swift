import NIOCore

/// Runs Swift tasks on a NIO event loop, so that a call's handler, its response and the next read
/// stay on one thread instead of hopping to the cooperative pool and back for every call.
///
/// Work that blocks (hashing a password, a synchronous database call) must not run here: it would
/// stall every connection on the loop. Such handlers hop away explicitly (a thread pool, an actor).
public final class EventLoopTaskExecutor: TaskExecutor, @unchecked Sendable {
    public let eventLoop: any EventLoop

    public init(eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute {
            job.runSynchronously(on: self.asUnownedTaskExecutor())
        }
    }
}
