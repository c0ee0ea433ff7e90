import BKRPC

/// The row-level rules of the identity service: how much of a record a caller may see, and which
/// agency a list is confined to. Who may call each RPC at all is declared in `IdentityService.policies`.
public enum IdentityPolicy {
    /// How much of an employee's record the caller may see.
    public enum Visibility: Sendable, Equatable {
        /// Everything.
        case full
        /// Name, NIP, position, agency and unit only: the agency directory.
        case directory
        case none
    }

    public static func visibility(of employee: Employee, to caller: Caller) -> Visibility {
        if caller.hasAny(.organizer, .administrator) || caller.isService { return .full }
        if employee.nip == caller.nip { return .full }
        if caller.has(.agencyHead), employee.agencyCode == caller.agencyCode { return .full }
        if caller.has(.supervisor), employee.supervisorNip == caller.nip, !caller.nip.isEmpty { return .full }
        if employee.agencyCode == caller.agencyCode, !caller.agencyCode.isEmpty { return .directory }
        return .none
    }

    /// The agency a caller's list is confined to, or nil when they may list any agency.
    public static func listScope(for caller: Caller, requested: String?) throws(IdentityError) -> String? {
        if caller.hasAny(.organizer, .administrator) || caller.isService { return requested }
        guard !caller.agencyCode.isEmpty else { throw .permissionDenied(.init(id: "akun Anda tidak terhubung ke perangkat daerah mana pun", en: "your account is not linked to any agency")) }
        if let requested, requested != caller.agencyCode {
            throw .permissionDenied(.init(id: "Anda hanya dapat melihat pegawai \(caller.agencyCode)", en: "you can only view employees of \(caller.agencyCode)"))
        }
        return caller.agencyCode
    }
}

extension Employee {
    /// The directory view: who someone is and where they work, without personal data.
    public var directoryView: Employee {
        Employee(
            nip: nip, name: name, asnType: asnType, golongan: golongan, pppkGrade: pppkGrade, jobLevel: jobLevel,
            positionTitle: positionTitle, agencyCode: agencyCode, unitCode: unitCode, supervisorNip: supervisorNip, status: status)
    }
}
