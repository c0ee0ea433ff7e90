import BKProto
import BKRPC
import Foundation

/// The demo's SIASN export: Dinas Kesehatan's riwayat kursus as BKN's SIASN would give it (the
/// {"data": [...]} answer of rw-kursus, SIASN's field names, DD-MM-YYYY dates), made from what the demo
/// year put here so that the reconciliation has a bit of everything: records SIASN has under the same
/// certificate number, under another spelling without a number, with other hours, records it lacks
/// (to upload), and older training only SIASN knows (to check), a riwayat diklat (PKP) among them.
enum DemoSiasn {
    static let agency = "DINKES"
    typealias Course = Binakarier_Programs_V1_SiasnCourse

    /// SIASN's records for `here` (the agency's export from programs), deterministic.
    static func export(_ here: [Course]) -> [[String: Any]] {
        var records: [[String: Any]] = []
        let sorted = here.sorted { ($0.nipBaru, $0.sourceId) < ($1.nipBaru, $1.sourceId) }
        var people: [String] = []
        for (index, course) in sorted.enumerated() {
            if !people.contains(course.nipBaru) { people.append(course.nipBaru) }
            var record: [String: Any] = [
                "id": String(format: "8ae4864%09x", index), "idPns": personID(course.nipBaru), "nipBaru": course.nipBaru,
                "namaKursus": course.namaKursus, "jumlahJam": Int(course.jumlahJam), "tahunKursus": String(course.tahunKursus),
                "tanggalKursus": course.tanggalKursus, "tanggalSelesaiKursus": course.tanggalSelesaiKursus,
                "institusiPenyelenggara": course.institusiPenyelenggara, "jenisDiklatId": Int(course.jenisDiklatId) ?? 3,
                "jenisKursusSertifikat": course.jenisKursusSertipikat, "noSertipikat": course.nomorSertipikat, "path": [String: Any](),
            ]
            switch index % 5 {
            case 0: continue  // not yet uploaded to SIASN
            case 1: record["namaKursus"] = course.namaKursus.uppercased() + " ANGKATAN I"
            case 2:
                // Typed by hand without the certificate number.
                record["namaKursus"] = course.namaKursus.uppercased()
                record["noSertipikat"] = ""
            case 3: record["jumlahJam"] = max(1, Int(course.jumlahJam) - 2)
            default: break
            }
            records.append(record)
        }
        // Older training SIASN holds that was never recorded here.
        let older: [(name: String, institution: String, jenis: Int, hours: Int, year: Int)] = [
            ("Pelatihan Dasar CPNS", "BPSDMD Provinsi Sumatera Barat", 5, 120, 2019),
            ("Pelatihan Teknis Pelayanan Kesehatan Ibu dan Anak", "Bapelkes Padang", 3, 40, 2024),
            ("Seminar Nasional Kesehatan Masyarakat", "IAKMI", 9, 8, 2025),
        ]
        for (index, nip) in people.prefix(9).enumerated() {
            let item = older[index % older.count]
            records.append([
                "id": String(format: "8ae4865%09x", index), "idPns": personID(nip), "nipBaru": nip, "namaKursus": item.name,
                "jumlahJam": item.hours, "tahunKursus": String(item.year), "tanggalKursus": "02-09-\(item.year)",
                "tanggalSelesaiKursus": "06-09-\(item.year)", "institusiPenyelenggara": item.institution, "jenisDiklatId": item.jenis,
                "noSertipikat": "\(item.year)/SIASN/\(index + 1)", "path": [String: Any](),
            ])
        }
        // A riwayat diklat (structural training) as rw-diklat names its fields.
        if let nip = people.first {
            records.append([
                "id": "8ae4866000000001", "idPns": personID(nip), "nipBaru": nip, "latihanStrukturalNama": "Pelatihan Kepemimpinan Pengawas (PKP)",
                "nomor": "PKP/BPSDMD-SB/2023/45", "tahun": 2023, "tanggal": "06-03-2023", "tanggalSelesai": "28-07-2023", "jumlahJam": 400,
                "institusiPenyelenggara": "BPSDMD Provinsi Sumatera Barat",
            ])
        }
        return records
    }

    /// A made-up SIASN person id (pnsOrangId): 32 hex digits from the NIP.
    static func personID(_ nip: String) -> String {
        var hash: UInt64 = 1_469_598_103_934_665_603
        for byte in nip.utf8 { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
        return "A5EB" + String(format: "%016llX", hash) + "E040640A0402"
    }

    static func file(_ here: [Course]) throws -> [UInt8] {
        let answer: [String: Any] = ["code": 1, "message": "success", "data": export(here)]
        return [UInt8](try JSONSerialization.data(withJSONObject: answer, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]))
    }
}

extension DemoProgramsLoader {
    /// Imports Dinas Kesehatan's SIASN export unless an import is there already (an organiser's own
    /// import is never replaced by the demo).
    mutating func loadSiasnExport() async throws {
        let client = self.client
        let existing = try await client.reconcileSiasn(.init(agencyCode: DemoSiasn.agency, limit: 1))
        guard existing.imports.isEmpty else { return }
        var request = Binakarier_Programs_V1_ExportSiasnCoursesRequest(agencyCode: DemoSiasn.agency, pageSize: 1000)
        var here: [DemoSiasn.Course] = []
        repeat {
            let page = try await client.exportSiasnCourses(request)
            here += page.courses
            request.pageToken = page.nextPageToken
        } while !request.pageToken.isEmpty
        let report = try await client.importSiasnCourses(.init(agencyCode: DemoSiasn.agency, content: try DemoSiasn.file(here)))
        guard report.errorsTotal == 0 else {
            warn("ekspor SIASN \(DemoSiasn.agency) ditolak: baris \(report.errors.first?.line ?? 0): \(report.errors.first?.reason ?? "")")
            return
        }
        let reconciled = try await client.reconcileSiasn(.init(agencyCode: DemoSiasn.agency, limit: 1))
        Self.note("""
            bk-demo-data: ekspor SIASN \(DemoSiasn.agency) dimuat (\(report.rowsSaved) riwayat): \(reconciled.matchedTotal) cocok, \
            \(reconciled.toUploadTotal) perlu diunggah, \(reconciled.toCheckTotal) perlu diperiksa.
            """)
    }
}
