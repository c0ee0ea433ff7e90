import BKRPC

extension Caller {
    /// The agency a caller's list is confined to: `requested` (upper case; empty for every agency) for
    /// those who see every agency, otherwise their own, and PERMISSION_DENIED when they ask for another
    /// or their account has none. `what` names the records in messages ("kampanye", "campaigns").
    public func agencyScope(requested: String, seesEveryAgency: Bool, what: LocalizedText) throws(ServiceError) -> String {
        let agency = requested.uppercased()
        guard !seesEveryAgency else { return agency }
        guard !agencyCode.isEmpty, agency.isEmpty || agency == agencyCode else {
            throw .permissionDenied(.init(
                id: "Anda hanya dapat melihat \(what.indonesian) \(agencyCode)", en: "you can only see \(agencyCode)'s \(what.english)"))
        }
        return agencyCode
    }
}
