import Foundation

/// The shape of a NIP as the services other than identity check it: 18 digits (the full rule of its
/// layout is identity's).
public enum NIPShape {
    public static func checked(_ text: String, field: String) throws(ServiceError) -> String {
        let nip = text.trimmingCharacters(in: .whitespaces)
        guard nip.utf8.count == 18, nip.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            throw .invalid(field: field, reason: .init(id: "NIP harus 18 angka", en: "a NIP has 18 digits"))
        }
        return nip
    }
}
