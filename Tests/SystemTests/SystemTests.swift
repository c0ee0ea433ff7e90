import BKRPC
import BKTestSupport

/// The whole system as real processes (`Cluster` with every daemon of `DaemonName.system`): the founding
/// text's year played through bkctl and the gateway's API, and the faults an operator meets.
enum System {
    /// Every daemon of the running system, the gateway included.
    static let daemons = DaemonName.system
}
