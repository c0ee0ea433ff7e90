import BKProto
import BKRPC
import Hummingbird

/// Dialogues, aspirations, directions and action items.
enum DialoguePages {
    static func register(_ web: WebApp) {
    }
}
