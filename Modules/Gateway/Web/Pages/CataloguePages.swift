import BKProto
import BKRPC
import Hummingbird

/// Katalog, sessions, enrolment, team nominations, JP ledger, certificates and public verification.
enum CataloguePages {
    static func register(_ web: WebApp) {
    }
}
