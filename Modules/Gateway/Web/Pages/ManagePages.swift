import BKProto
import BKRPC
import Hummingbird

/// Organisers: programs, sessions, enrolment decisions and the attendance grid.
enum ManagePages {
    static func register(_ web: WebApp) {
    }
}
