import BKServiceKit
/// The rules a record must meet before it is stored, the same for the API, bkctl and CSV import.
public enum EmployeeValidation {
    /// Checks `employee` and fills what follows from its NIP (sex, birth date, start of service) when
    /// left empty. Throws the first problem, naming the field.
    public static func validated(_ employee: Employee, today: CalendarDate = .today) throws(IdentityError) -> Employee {
        var e = employee
        e.name = e.name.trimmingWhitespace()
        guard e.asnType != .unspecified else { throw .invalid(field: "asn_type", reason: .init(id: "jenis ASN (PNS atau PPPK) wajib diisi", en: "the ASN type (PNS or PPPK) is required")) }
        let nip: NIP
        do {
            nip = try NIP(e.nip, type: e.asnType, today: today)
        } catch {
            throw .invalid(field: "nip", reason: error.text)
        }
        guard !e.name.isEmpty else { throw .invalid(field: "name", reason: .init(id: "nama wajib diisi", en: "a name is required")) }
        e.positionTitle = e.positionTitle.trimmingWhitespace()
        try checkText(e.name, field: "name", maxBytes: TextRules.name)
        try checkText(e.positionTitle, field: "position_title", maxBytes: TextRules.shortText)
        for (field, code) in [("agency_code", e.agencyCode), ("unit_code", e.unitCode), ("supervisor_nip", e.supervisorNip)] {
            try checkText(code, field: field, maxBytes: 40)
        }
        if e.sex == .unspecified { e.sex = nip.sex }
        guard e.sex == nip.sex else { throw .invalid(field: "sex", reason: .init(id: "jenis kelamin tidak sesuai dengan NIP", en: "the sex does not match the NIP")) }
        if e.birthDate.isEmpty { e.birthDate = nip.birthDate.description }
        guard let birth = CalendarDate(parsing: e.birthDate) else {
            throw .invalid(field: "birth_date", reason: .init(id: "tanggal lahir \(e.birthDate) tidak sah (gunakan YYYY-MM-DD)", en: "birth date \(e.birthDate) is not valid (use YYYY-MM-DD)"))
        }
        guard birth == nip.birthDate else { throw .invalid(field: "birth_date", reason: .init(id: "tanggal lahir tidak sesuai dengan NIP", en: "the birth date does not match the NIP")) }
        e.birthDate = birth.description
        if e.serviceStart.isEmpty { e.serviceStart = nip.serviceStart.description }
        guard let start = YearMonth(parsing: e.serviceStart) else {
            throw .invalid(field: "service_start", reason: .init(id: "TMT \(e.serviceStart) tidak sah (gunakan YYYY-MM)", en: "start of service \(e.serviceStart) is not valid (use YYYY-MM)"))
        }
        if e.asnType == .pns, start != nip.serviceStart {
            throw .invalid(field: "service_start", reason: .init(id: "TMT CPNS tidak sesuai dengan NIP", en: "the CPNS start of service does not match the NIP"))
        }
        e.serviceStart = start.description
        switch e.asnType {
        case .pns:
            guard e.golongan != .unspecified else { throw .invalid(field: "golongan", reason: .init(id: "golongan PNS (I/a sampai IV/e) wajib diisi", en: "the PNS golongan (I/a to IV/e) is required")) }
            guard e.pppkGrade == 0 else { throw .invalid(field: "pppk_grade", reason: .init(id: "golongan PPPK hanya untuk PPPK", en: "a PPPK grade is for PPPK employees only")) }
        case .pppk:
            guard (1...17).contains(e.pppkGrade) else { throw .invalid(field: "pppk_grade", reason: .init(id: "golongan PPPK harus I sampai XVII", en: "the PPPK grade must be I to XVII")) }
            guard e.golongan == .unspecified else { throw .invalid(field: "golongan", reason: .init(id: "golongan/ruang hanya untuk PNS", en: "golongan/ruang is for PNS employees only")) }
        case .unspecified:
            break
        }
        guard !e.agencyCode.isEmpty else { throw .invalid(field: "agency_code", reason: .init(id: "perangkat daerah wajib diisi", en: "the agency is required")) }
        guard e.supervisorNip != e.nip else { throw .invalid(field: "supervisor_nip", reason: .init(id: "pegawai tidak dapat menjadi atasan dirinya sendiri", en: "an employee cannot be their own supervisor")) }
        if e.status == .unspecified { e.status = .active }
        return e
    }
}

/// Applies the shared `TextRules` to a field, naming it in the error.
func checkText(_ text: String, field: String, maxBytes: Int, multiline: Bool = false) throws(IdentityError) {
    if let why = TextRules.violation(in: text, maxBytes: maxBytes, multiline: multiline) {
        throw .invalid(field: field, reason: why)
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var view = Substring(self)
        while let first = view.first, first.isWhitespace { view = view.dropFirst() }
        while let last = view.last, last.isWhitespace { view = view.dropLast() }
        return String(view)
    }
}
