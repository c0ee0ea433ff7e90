import BKCharts
import BKProto
import BKRPC
import BKServiceKit
import Foundation

/// Reading the outcome files: every row is checked and every refusal reported with its line; the
/// caller saves nothing unless no row was refused.
public enum OutcomeImport {
    public enum Data: Sendable {
        case skp([ReportingStore.SkpRow])
        case discipline([ReportingStore.SanctionRow], years: Set<Int>)
        case ikm([ReportingStore.IkmRow])
    }

    public struct Parsed: Sendable {
        public var rows = 0
        public var errors: [(line: Int, reason: LocalizedText)] = []
        public var data: Data
    }

    static let maximumRows = 200_000

    /// `knownPeople` maps each NIP of the replica to its agency. A discipline file covers `coveredYears`
    /// (empty: the years of its rows) and `coveredAgency` (empty: the city).
    public static func parse(_ kind: Binakarier_Reporting_V1_OutcomeKind, _ csv: [UInt8], knownPeople: [String: String], knownUnits: Set<String>,
                             year thisYear: Int, coveredYears: Set<Int> = [], coveredAgency: String = "") throws(ReportingError) -> Parsed {
        let deadline = ContinuousClock.now + .seconds(20)
        func refuse(_ field: String, _ id: String, _ en: String) -> LocalizedText { .init(id: "\(field): \(id)", en: "\(field): \(en)") }
        func year(_ text: String) -> Int? {
            guard let value = Int(text), (2000...(thisYear + 1)).contains(value) else { return nil }
            return value
        }
        func person(_ text: String, _ errors: inout [(line: Int, reason: LocalizedText)], _ line: Int) -> String? {
            do {
                let nip = try NIPShape.checked(text, field: "NIP")
                guard knownPeople[nip] != nil else {
                    errors.append((line, refuse("NIP", "\(nip) tidak ada di data kepegawaian (sinkronkan dulu: bkctl report sync)", "\(nip) is not in identity's records (sync first: bkctl report sync)")))
                    return nil
                }
                return nip
            } catch {
                errors.append((line, ImportTable.reason(error)))
                return nil
            }
        }
        func tooMany(_ table: ImportTable) throws(ReportingError) {
            guard table.rows.count <= maximumRows else {
                throw .invalid(field: "csv", reason: .init(id: "paling banyak \(maximumRows) baris per berkas", en: "at most \(maximumRows) rows a file"))
            }
        }
        /// Free text goes through the project's text rules (no control or direction characters).
        func text(_ value: String, _ field: String, _ maxBytes: Int, _ errors: inout [(line: Int, reason: LocalizedText)], _ line: Int) -> String? {
            if let violation = TextRules.violation(in: value, maxBytes: maxBytes) {
                errors.append((line, refuse(field, violation.indonesian, violation.english)))
                return nil
            }
            return value
        }
        switch kind {
        case .skp:
            let table = try ImportTable(csv, deadline: deadline, columns: [
                "nip": ["nip"], "year": ["tahun", "year"], "work": ["hasilkerja", "workresult", "work"],
                "behaviour": ["perilaku", "perilakukerja", "behaviour", "behavior"], "predicate": ["predikat", "predikatkinerja", "predicate"],
            ], required: ["nip", "year", "work", "behaviour"])
            try tooMany(table)
            var parsed = Parsed(rows: table.rows.count, data: .skp([]))
            var rows: [ReportingStore.SkpRow] = []
            var seen: Set<String> = []
            for record in table.rows {
                let line = record.line
                let nip = person(table.value("nip", record), &parsed.errors, line)
                let rowYear = year(table.value("year", record))
                if rowYear == nil { parsed.errors.append((line, refuse("Tahun", "tahun 2000 sampai \(thisYear + 1)", "a year from 2000 to \(thisYear + 1)"))) }
                let work = Rating(text: table.value("work", record)), behaviour = Rating(text: table.value("behaviour", record))
                if work == nil { parsed.errors.append((line, refuse("Hasil Kerja", "isi di bawah/sesuai/di atas ekspektasi", "write below/meets/above expectations"))) }
                if behaviour == nil { parsed.errors.append((line, refuse("Perilaku", "isi di bawah/sesuai/di atas ekspektasi", "write below/meets/above expectations"))) }
                guard let nip, let rowYear, let work, let behaviour else { continue }
                let row = ReportingStore.SkpRow(nip: nip, year: rowYear, work: work, behaviour: behaviour)
                let written = table.value("predicate", record)
                if !written.isEmpty {
                    if let given = Predicate(text: written) {
                        if given != row.predicate {
                            parsed.errors.append((line, refuse("Predikat", "\(given.label) tidak sesuai matriks PermenPANRB 6/2022: \(work.label) × \(behaviour.label) = \(row.predicate.label)",
                                                              "\(given.label) does not match the PermenPANRB 6/2022 matrix: \(row.predicate.label)")))
                            continue
                        }
                    } else {
                        parsed.errors.append((line, refuse("Predikat", "tidak dikenal: \(written)", "unknown: \(written)")))
                        continue
                    }
                }
                guard seen.insert("\(nip)/\(rowYear)").inserted else {
                    parsed.errors.append((line, refuse("NIP", "SKP \(nip) tahun \(rowYear) sudah ada di baris sebelumnya", "a second SKP of \(nip) for \(rowYear)")))
                    continue
                }
                rows.append(row)
            }
            parsed.data = .skp(rows)
            return parsed
        case .discipline:
            let table = try ImportTable(csv, deadline: deadline, columns: [
                "nip": ["nip"], "year": ["tahun", "year"], "level": ["tingkat", "tingkathukuman", "level"], "kind": ["jenis", "jenishukuman", "kind"],
                "decree": ["nomorsk", "nosk", "sk", "decree"],
            ], required: ["nip", "year", "level"])
            try tooMany(table)
            var parsed = Parsed(rows: table.rows.count, data: .discipline([], years: []))
            var rows: [ReportingStore.SanctionRow] = []
            var years: Set<Int> = coveredYears
            for record in table.rows {
                let line = record.line
                let nip = person(table.value("nip", record), &parsed.errors, line)
                let rowYear = year(table.value("year", record))
                if rowYear == nil { parsed.errors.append((line, refuse("Tahun", "tahun 2000 sampai \(thisYear + 1)", "a year from 2000 to \(thisYear + 1)"))) }
                let level = SanctionLevel(text: table.value("level", record))
                if level == nil { parsed.errors.append((line, refuse("Tingkat", "isi ringan, sedang atau berat", "write ringan, sedang or berat"))) }
                let kindText = text(table.value("kind", record), "Jenis", 200, &parsed.errors, line)
                let decree = text(table.value("decree", record), "Nomor SK", 100, &parsed.errors, line)
                guard let nip, let rowYear, let level, let kindText, let decree else { continue }
                if !coveredYears.isEmpty, !coveredYears.contains(rowYear) {
                    parsed.errors.append((line, refuse("Tahun", "\(rowYear) di luar tahun berkas ini (\(coveredYears.sorted().map(String.init).joined(separator: ", ")))",
                                                      "\(rowYear) is outside the file's years")))
                    continue
                }
                let agency = knownPeople[nip] ?? ""
                if !coveredAgency.isEmpty, agency != coveredAgency {
                    parsed.errors.append((line, refuse("NIP", "\(nip) bukan pegawai \(coveredAgency), perangkat daerah berkas ini", "\(nip) is not staff of \(coveredAgency), the file's agency")))
                    continue
                }
                years.insert(rowYear)
                rows.append(.init(nip: nip, year: rowYear, level: level, kind: kindText, decree: decree, agency: agency))
            }
            parsed.data = .discipline(rows, years: years)
            return parsed
        case .ikm:
            var columns: [String: [String]] = [
                "agency": ["instansi", "perangkatdaerah", "agency"], "unit": ["unit", "unitlayanan", "unitkerja"], "year": ["tahun", "year"],
                "semester": ["semester", "periode"], "respondents": ["responden", "jumlahresponden", "respondents"], "ikm": ["ikm", "nilaiikm"],
            ]
            for element in 1...9 { columns["u\(element)"] = ["u\(element)", "nrru\(element)", "unsur\(element)"] }
            let table = try ImportTable(csv, deadline: deadline, columns: columns, required: ["agency", "year", "semester", "respondents"] + (1...9).map { "u\($0)" })
            try tooMany(table)
            var parsed = Parsed(rows: table.rows.count, data: .ikm([]))
            var rows: [ReportingStore.IkmRow] = []
            var seen: Set<String> = []
            for record in table.rows {
                let line = record.line
                let agency = table.value("agency", record).uppercased(), unit = table.value("unit", record).uppercased()
                let known = knownUnits.contains("\(agency)/\(unit)")
                if !known { parsed.errors.append((line, refuse("Unit", "\(agency)/\(unit) tidak ada di data kepegawaian", "\(agency)/\(unit) is not in identity's records"))) }
                let rowYear = year(table.value("year", record))
                if rowYear == nil { parsed.errors.append((line, refuse("Tahun", "tahun 2000 sampai \(thisYear + 1)", "a year from 2000 to \(thisYear + 1)"))) }
                let semester = Int(table.value("semester", record)).flatMap { (1...2).contains($0) ? $0 : nil }
                if semester == nil { parsed.errors.append((line, refuse("Semester", "1 atau 2", "1 or 2"))) }
                let respondents = Int(table.value("respondents", record)).flatMap { $0 > 0 && $0 <= 1_000_000 ? $0 : nil }
                if respondents == nil { parsed.errors.append((line, refuse("Responden", "bilangan bulat lebih dari 0", "a whole number above 0"))) }
                var nrr: [Double] = []
                for element in 1...9 {
                    let text = table.value("u\(element)", record).replacingOccurrences(of: ",", with: ".")
                    if let value = Double(text), (1...4).contains(value) { nrr.append(value) } else {
                        parsed.errors.append((line, refuse("U\(element)", "NRR antara 1 dan 4", "an NRR from 1 to 4")))
                    }
                }
                guard known, let rowYear, let semester, let respondents, nrr.count == 9 else { continue }
                let index = IKMIndex.index(nrr: nrr)
                let written = table.value("ikm", record).replacingOccurrences(of: ",", with: ".")
                if !written.isEmpty {
                    guard let given = Double(written), abs(given - index) < 0.005 else {
                        parsed.errors.append((line, refuse("IKM", "\(written) tidak sama dengan hasil hitung dari U1–U9 (\(IndonesianNumber.format(index, decimals: 2)))", "\(written) differs from the index computed from U1–U9 (\(index))")))
                        continue
                    }
                }
                guard seen.insert("\(agency)/\(unit)/\(rowYear)/\(semester)").inserted else {
                    parsed.errors.append((line, refuse("Unit", "\(agency)/\(unit) \(rowYear) semester \(semester) sudah ada di baris sebelumnya", "a second row for the same unit and semester")))
                    continue
                }
                rows.append(.init(agency: agency, unit: unit, year: rowYear, semester: semester, respondents: respondents, nrr: nrr, ikm: index))
            }
            parsed.data = .ikm(rows)
            return parsed
        default:
            throw .invalid(field: "kind", reason: .init(id: "pilih skp, discipline atau ikm", en: "choose skp, discipline or ikm"))
        }
    }
}
