/// Applies the fields an update names (its field mask) to a stored record.
enum EmployeeUpdate {
    /// Every field but the NIP (the record's identity) and the times the store keeps.
    static let changeable: Set<String> = [
        "name", "asn_type", "sex", "birth_date", "service_start", "golongan", "pppk_grade", "job_level", "position_title",
        "education", "agency_code", "unit_code", "supervisor_nip", "status",
    ]

    static func apply(_ patch: Employee, paths: [String], to existing: Employee) throws -> Employee {
        var employee = existing
        try employee.merge(from: patch, paths: paths)
        employee.agencyCode = employee.agencyCode.uppercased()
        employee.unitCode = employee.unitCode.uppercased()
        return employee
    }
}
