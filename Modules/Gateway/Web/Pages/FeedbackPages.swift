import BKProto
import BKRPC
import Hummingbird

/// Evaluations to fill in (every instrument kind), anonymity, and the public IKM survey.
enum FeedbackPages {
    static func register(_ web: WebApp) {
    }
}
