import BKRPC
import BKServiceKit

/// What can go wrong in the feedback domain: the service kit's errors (mapped to codes there).
public typealias FeedbackError = ServiceError

extension ServiceError {
    static func noCampaign(_ id: String) -> ServiceError {
        .notFound(.init(id: "kampanye \(id) tidak ditemukan", en: "campaign \(id) not found"))
    }
    static func noInstrument(_ code: String) -> ServiceError {
        .notFound(.init(id: "formulir \(code) tidak ditemukan", en: "form \(code) not found"))
    }
    static func noDialogue(_ id: String) -> ServiceError {
        .notFound(.init(id: "dialog \(id) tidak ditemukan", en: "dialogue \(id) not found"))
    }
    static func noAction(_ id: String) -> ServiceError {
        .notFound(.init(id: "tindak lanjut \(id) tidak ditemukan", en: "action item \(id) not found"))
    }
}
