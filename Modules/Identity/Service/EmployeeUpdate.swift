/// Applies the fields an update names (its field mask) to a stored record.
enum EmployeeUpdate {
    static func apply(_ patch: Employee, paths: [String], to existing: Employee) throws(IdentityError) -> Employee {
        guard !paths.isEmpty else { throw .invalid(field: "update_mask", reason: "sebutkan kolom yang diubah") }
        var e = existing
        for path in paths {
            switch path {
            case "name": e.name = patch.name
            case "asn_type": e.asnType = patch.asnType
            case "sex": e.sex = patch.sex
            case "birth_date": e.birthDate = patch.birthDate
            case "service_start": e.serviceStart = patch.serviceStart
            case "golongan": e.golongan = patch.golongan
            case "pppk_grade": e.pppkGrade = patch.pppkGrade
            case "job_level": e.jobLevel = patch.jobLevel
            case "position_title": e.positionTitle = patch.positionTitle
            case "education": e.education = patch.education
            case "agency_code": e.agencyCode = patch.agencyCode.uppercased()
            case "unit_code": e.unitCode = patch.unitCode.uppercased()
            case "supervisor_nip": e.supervisorNip = patch.supervisorNip
            case "status": e.status = patch.status
            default: throw .invalid(field: "update_mask", reason: "kolom '\(path)' tidak dapat diubah")
            }
        }
        return e
    }
}
