import BKAuth

/// Who may call what on the identity service. One table, tested as a table (role × call).
public enum IdentityPolicy {
    public enum Action: String, Sendable, CaseIterable {
        case readAgencies, manageAgencies
        case readEmployee, listEmployees, manageEmployees, importEmployees
        case manageAccounts, readOwnAccount, changeOwnPassword
        case logout
    }

    /// Roles that may perform `action` at all; row-level limits (own agency, own record) come after.
    public static func allowedRoles(_ action: Action) -> Set<Role> {
        switch action {
        case .readAgencies, .readEmployee, .listEmployees, .readOwnAccount, .changeOwnPassword, .logout:
            [.employee, .supervisor, .agencyHead, .organizer, .administrator]
        case .manageAgencies, .manageEmployees, .importEmployees:
            [.organizer, .administrator]
        case .manageAccounts:
            [.administrator]
        }
    }

    public static func check(_ action: Action, _ caller: Caller) throws(IdentityError) {
        guard !caller.roles.isDisjoint(with: allowedRoles(action)) else {
            throw .permissionDenied("peran Anda tidak mengizinkan tindakan ini (\(action.rawValue))")
        }
    }

    /// How much of an employee's record the caller may see.
    public enum Visibility: Sendable, Equatable {
        /// Everything.
        case full
        /// Name, NIP, position, agency and unit only: the agency directory.
        case directory
        case none
    }

    public static func visibility(of employee: Employee, to caller: Caller) -> Visibility {
        if caller.hasAny(.organizer, .administrator) { return .full }
        if employee.nip == caller.nip { return .full }
        if caller.has(.agencyHead), employee.agencyCode == caller.agencyCode { return .full }
        if caller.has(.supervisor), employee.supervisorNip == caller.nip, !caller.nip.isEmpty { return .full }
        if employee.agencyCode == caller.agencyCode, !caller.agencyCode.isEmpty { return .directory }
        return .none
    }

    /// The agency a caller's list is confined to, or nil when they may list any agency.
    public static func listScope(for caller: Caller, requested: String?) throws(IdentityError) -> String? {
        if caller.hasAny(.organizer, .administrator) { return requested }
        guard !caller.agencyCode.isEmpty else { throw .permissionDenied("akun Anda tidak terhubung ke perangkat daerah mana pun") }
        if let requested, requested != caller.agencyCode {
            throw .permissionDenied("Anda hanya dapat melihat pegawai \(caller.agencyCode)")
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
