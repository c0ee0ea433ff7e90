import BKRPC
import BKServiceKit

/// What can go wrong in the programs domain: the service kit's errors (mapped to codes there).
public typealias ProgramsError = ServiceError

extension ServiceError {
    static func noSession(_ id: String) -> ServiceError {
        .notFound(.init(id: "angkatan \(id) tidak ditemukan", en: "session \(id) not found"))
    }
    static func noProgram(_ code: String) -> ServiceError {
        .notFound(.init(id: "program \(code) tidak ditemukan", en: "program \(code) not found"))
    }
    static func notEnrolled(_ nip: String, _ session: String) -> ServiceError {
        .notFound(.init(id: "\(nip) tidak terdaftar di angkatan \(session)", en: "\(nip) is not enrolled in session \(session)"))
    }
}
