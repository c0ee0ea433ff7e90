import BKProto
import BKRPC
import Hummingbird

/// Reports with charts and their downloads.
enum ReportPages {
    static func register(_ web: WebApp) {
    }
}
