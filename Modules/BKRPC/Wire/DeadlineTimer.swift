import NIOCore

/// One timer per connection for all its calls' deadlines, instead of one per call: it is armed for the
/// earliest deadline only, so the usual call (whose deadline is later than one already armed) costs no
/// timer syscall at all. Lives on the connection's event loop.
struct DeadlineTimer {
    private var scheduled: Scheduled<Void>?
    private var armedFor: NIODeadline?

    /// Makes sure `expire` runs no later than `deadline`.
    mutating func arm(for deadline: NIODeadline, on loop: any EventLoop, expire: @escaping @Sendable () -> Void) {
        if let armedFor, armedFor <= deadline { return }
        scheduled?.cancel()
        armedFor = deadline
        scheduled = loop.scheduleTask(deadline: deadline, expire)
    }

    /// Call first thing when the timer has fired.
    mutating func fired() {
        scheduled = nil
        armedFor = nil
    }

    mutating func cancel() {
        scheduled?.cancel()
        fired()
    }
}
