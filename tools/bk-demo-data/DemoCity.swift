import BKTestSupport
import Identity

/// A Sawahlunto-sized city, generated the same way every time from a seed: about 30 agencies of the
/// real kinds with their units, and ASN with valid NIPs, ranks that fit their posts, and supervisor
/// chains from each agency head down to the staff.
struct DemoCity {
    struct AgencySpec {
        let code: String
        let name: String
        let kind: AgencyKind
        /// Relative size: staff per unit.
        let staffPerUnit: Int
        let units: [(code: String, name: String)]
    }

    static let bidang: [(String, String)] = [("SEKRETARIAT", "Sekretariat"), ("BIDANG1", "Bidang Program"), ("BIDANG2", "Bidang Pelayanan"), ("BIDANG3", "Bidang Pengembangan")]
    static let kecamatanUnits: [(String, String)] = [("SEKRETARIAT", "Sekretariat Kecamatan"), ("PEMERINTAHAN", "Seksi Pemerintahan"), ("PELAYANAN", "Seksi Pelayanan Umum")]

    static let agencies: [AgencySpec] = [
        .init(code: "SETDA", name: "Sekretariat Daerah", kind: .sekretariatDaerah, staffPerUnit: 14,
              units: [("PEMERINTAHAN", "Bagian Pemerintahan"), ("HUKUM", "Bagian Hukum"), ("ORGANISASI", "Bagian Organisasi"),
                      ("UMUM", "Bagian Umum"), ("PBJ", "Bagian Pengadaan Barang dan Jasa")]),
        .init(code: "SETWAN", name: "Sekretariat DPRD", kind: .sekretariatDprd, staffPerUnit: 8,
              units: [("UMUM", "Bagian Umum dan Keuangan"), ("PERSIDANGAN", "Bagian Persidangan dan Perundang-undangan")]),
        .init(code: "INSPEKTORAT", name: "Inspektorat Daerah", kind: .inspektorat, staffPerUnit: 8,
              units: [("SEKRETARIAT", "Sekretariat"), ("IRBAN1", "Inspektur Pembantu I"), ("IRBAN2", "Inspektur Pembantu II")]),
        .init(code: "BAPPEDA", name: "Badan Perencanaan, Penelitian dan Pengembangan Daerah", kind: .badan, staffPerUnit: 7, units: bidang),
        .init(code: "BKPSDM", name: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", kind: .badan, staffPerUnit: 8,
              units: [("SEKRETARIAT", "Sekretariat"), ("MUTASI", "Bidang Mutasi dan Promosi"), ("PSDM", "Bidang Pengembangan SDM"),
                      ("KINERJA", "Bidang Penilaian Kinerja dan Disiplin")]),
        .init(code: "BPKD", name: "Badan Pengelolaan Keuangan Daerah", kind: .badan, staffPerUnit: 9, units: bidang),
        .init(code: "BPBD", name: "Badan Penanggulangan Bencana Daerah", kind: .badan, staffPerUnit: 7, units: bidang),
        .init(code: "KESBANGPOL", name: "Badan Kesatuan Bangsa dan Politik", kind: .badan, staffPerUnit: 5, units: Array(bidang.prefix(3))),
        .init(code: "DISDIKBUD", name: "Dinas Pendidikan dan Kebudayaan", kind: .dinas, staffPerUnit: 225,
              units: [("SEKRETARIAT", "Sekretariat"), ("PAUD", "Bidang PAUD dan Pendidikan Nonformal"), ("SD", "Bidang Pembinaan SD"),
                      ("SMP", "Bidang Pembinaan SMP"), ("KEBUDAYAAN", "Bidang Kebudayaan")]),
        .init(code: "DINKES", name: "Dinas Kesehatan", kind: .dinas, staffPerUnit: 60,
              units: [("SEKRETARIAT", "Sekretariat"), ("KESMAS", "Bidang Kesehatan Masyarakat"), ("P2P", "Bidang Pencegahan dan Pengendalian Penyakit"),
                      ("YANKES", "Bidang Pelayanan dan Sumber Daya Kesehatan")]),
        .init(code: "RSUD", name: "RSUD Sawahlunto", kind: .rumahSakit, staffPerUnit: 80,
              units: [("TU", "Bagian Tata Usaha"), ("PELAYANAN", "Bidang Pelayanan Medis"), ("KEPERAWATAN", "Bidang Keperawatan"),
                      ("PENUNJANG", "Bidang Penunjang")]),
        .init(code: "DINSOS", name: "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak", kind: .dinas, staffPerUnit: 7, units: bidang),
        .init(code: "DPUPR", name: "Dinas Pekerjaan Umum dan Penataan Ruang", kind: .dinas, staffPerUnit: 11,
              units: [("SEKRETARIAT", "Sekretariat"), ("BINAMARGA", "Bidang Bina Marga"), ("SDA", "Bidang Sumber Daya Air"),
                      ("TATARUANG", "Bidang Penataan Ruang")]),
        .init(code: "DISPERKIM", name: "Dinas Perumahan, Kawasan Permukiman dan Pertanahan", kind: .dinas, staffPerUnit: 6, units: bidang),
        .init(code: "DLH", name: "Dinas Lingkungan Hidup", kind: .dinas, staffPerUnit: 9, units: bidang),
        .init(code: "DISDUKCAPIL", name: "Dinas Kependudukan dan Pencatatan Sipil", kind: .dinas, staffPerUnit: 7, units: bidang),
        .init(code: "DPMPTSP", name: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", kind: .dinas, staffPerUnit: 6, units: bidang),
        .init(code: "DISKOMINFO", name: "Dinas Komunikasi dan Informatika", kind: .dinas, staffPerUnit: 6, units: bidang),
        .init(code: "DISHUB", name: "Dinas Perhubungan", kind: .dinas, staffPerUnit: 8, units: bidang),
        .init(code: "DISPARPORA", name: "Dinas Pariwisata, Pemuda dan Olahraga", kind: .dinas, staffPerUnit: 8, units: bidang),
        .init(code: "DISKOPERINDAG", name: "Dinas Koperasi, UKM, Perindustrian dan Perdagangan", kind: .dinas, staffPerUnit: 7, units: bidang),
        .init(code: "DISTANPANGAN", name: "Dinas Pertanian, Pangan dan Perikanan", kind: .dinas, staffPerUnit: 10, units: bidang),
        .init(code: "DISNAKER", name: "Dinas Tenaga Kerja dan Transmigrasi", kind: .dinas, staffPerUnit: 5, units: Array(bidang.prefix(3))),
        .init(code: "DISARPUS", name: "Dinas Perpustakaan dan Kearsipan", kind: .dinas, staffPerUnit: 5, units: Array(bidang.prefix(3))),
        .init(code: "SATPOLPP", name: "Satuan Polisi Pamong Praja dan Pemadam Kebakaran", kind: .satuanPolisiPamongPraja, staffPerUnit: 14, units: bidang),
        .init(code: "KEC-BARANGIN", name: "Kecamatan Barangin", kind: .kecamatan, staffPerUnit: 6, units: kecamatanUnits),
        .init(code: "KEC-LEMBAHSEGAR", name: "Kecamatan Lembah Segar", kind: .kecamatan, staffPerUnit: 6, units: kecamatanUnits),
        .init(code: "KEC-SILUNGKANG", name: "Kecamatan Silungkang", kind: .kecamatan, staffPerUnit: 5, units: kecamatanUnits),
        .init(code: "KEC-TALAWI", name: "Kecamatan Talawi", kind: .kecamatan, staffPerUnit: 6, units: kecamatanUnits),
    ]

    static let maleNames = ["Rahmat", "Syafrizal", "Nofriadi", "Yusri", "Hendri", "Afrizal", "Zulkifli", "Budi", "Irwan", "Defri",
                            "Roni", "Fadli", "Arif", "Edi", "Yogi", "Andika", "Rizki", "Fauzan", "Ilham", "Gusman", "Hafiz", "Doni"]
    static let femaleNames = ["Yulia", "Desi", "Rina", "Siti", "Novita", "Fitri", "Rahmi", "Yuliani", "Elvi", "Sri", "Mira",
                              "Wulan", "Dewi", "Rika", "Nurhayati", "Vivi", "Yesi", "Lisa", "Resti", "Putri", "Annisa", "Mega"]
    static let familyNames = ["Putra", "Saputra", "Hidayat", "Syahputra", "Chaniago", "Piliang", "Koto", "Tanjung", "Sikumbang",
                              "Caniago", "Jambak", "Melayu", "Rahman", "Yusuf", "Amir", "Harahap", "Lubis", "Pratama", "Wahyudi", "Suryani"]

    var agencies: [Agency] = []
    var employees: [Employee] = []
    private var random: SplitMix64
    private var usedPrefixes: [String: Int] = [:]
    let today: CalendarDate
    /// The seed the city was generated from; the demo programs derive their own generator from it.
    let seed: UInt64

    /// - Parameter scale: multiplies the staff of every unit (1 ≈ 3,000 ASN).
    static let defaultSeed: UInt64 = 0x5A3A_4C75

    init(seed: UInt64 = defaultSeed, scale: Double = 1, today: CalendarDate = .today) {
        random = SplitMix64(seed: seed)
        self.today = today
        self.seed = seed
        for spec in Self.agencies { build(spec, scale: scale) }
    }

    /// A city of exactly `employees` ASN (for benchmarks). Everyone's supervisor is listed before
    /// them, so cutting the list short never leaves a reference dangling.
    init(employees count: Int, seed: UInt64 = defaultSeed, today: CalendarDate = .today) {
        var scale = 1.0
        var city = DemoCity(seed: seed, scale: scale, today: today)
        while city.employees.count < count {
            scale *= Double(count) / Double(city.employees.count) * 1.02
            city = DemoCity(seed: seed, scale: scale, today: today)
        }
        self = city
        employees = Array(employees.prefix(count))
    }

    private mutating func build(_ spec: AgencySpec, scale: Double) {
        let isKecamatan = spec.kind == .kecamatan
        let head = person(spec.code, unit: "", supervisor: "", level: isKecamatan ? .administrator : .jptPratama,
                          title: isKecamatan ? "Camat" : "Kepala \(spec.name)", ranks: isKecamatan ? [.ivA, .ivB] : [.ivB, .ivC, .ivD])
        agencies.append(Agency(code: spec.code, name: spec.name, kind: spec.kind, headNip: head.nip,
                               units: spec.units.map { OrganizationUnit(agencyCode: spec.code, code: $0.code, name: $0.name) }))
        for (unitIndex, unit) in spec.units.enumerated() {
            let unitHead = person(spec.code, unit: unit.code, supervisor: head.nip, level: isKecamatan ? .pengawas : .administrator,
                                  title: "Kepala \(unit.name)", ranks: isKecamatan ? [.iiiC, .iiiD] : [.iiiD, .ivA, .ivB])
            agencies[agencies.count - 1].units[unitIndex].headNip = unitHead.nip
            let sections = isKecamatan ? 1 : 2
            var sectionHeads: [String] = []
            for section in 1...sections where !isKecamatan {
                sectionHeads.append(person(spec.code, unit: unit.code, supervisor: unitHead.nip, level: .pengawas,
                                           title: "Kepala Subbagian/Seksi \(section) \(unit.name)", ranks: [.iiiB, .iiiC, .iiiD]).nip)
            }
            if sectionHeads.isEmpty { sectionHeads = [unitHead.nip] }
            let staff = max(1, Int((Double(spec.staffPerUnit) * scale).rounded()))
            for index in 0..<staff {
                let supervisor = sectionHeads[index % sectionHeads.count]
                switch next(100) {
                case 0..<45:
                    person(spec.code, unit: unit.code, supervisor: supervisor, level: .pelaksana,
                           title: ["Pengadministrasi Umum", "Pengelola Data", "Pengolah Data", "Pengadministrasi Keuangan"][next(4)],
                           ranks: [.iiA, .iiB, .iiC, .iiD, .iiiA, .iiiB])
                case 45..<80:
                    let level: JobLevel = [.jfAhliPertama, .jfAhliMuda, .jfAhliMadya, .jfTerampil, .jfMahir][next(5)]
                    person(spec.code, unit: unit.code, supervisor: supervisor, level: level, title: functionalTitle(spec.code),
                           ranks: level == .jfAhliMadya ? [.ivA, .ivB] : level == .jfAhliMuda ? [.iiiC, .iiiD] : [.iiC, .iiD, .iiiA, .iiiB])
                default:
                    pppk(spec.code, unit: unit.code, supervisor: supervisor, title: functionalTitle(spec.code))
                }
            }
        }
    }

    private func functionalTitle(_ agency: String) -> String {
        switch agency {
        case "DISDIKBUD": "Guru"
        case "DINKES": "Perawat"
        case "RSUD": "Dokter"
        case "BPKD", "INSPEKTORAT": "Auditor"
        case "BAPPEDA": "Perencana"
        case "DPUPR": "Teknik Jalan dan Jembatan"
        case "BKPSDM": "Analis SDM Aparatur"
        case "DISKOMINFO": "Pranata Komputer"
        default: "Analis Kebijakan"
        }
    }

    private mutating func next(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }

    @discardableResult
    private mutating func person(
        _ agency: String, unit: String, supervisor: String, level: JobLevel, title: String, ranks: [Golongan]
    ) -> Employee {
        let male = next(2) == 0
        // Heads are older than their staff.
        let ages: ClosedRange<Int> = switch level {
        case .jptPratama: 45...58
        case .administrator: 38...56
        case .pengawas: 30...55
        default: 22...57
        }
        let age = ages.lowerBound + next(ages.count)
        let birthYear = today.year - age
        let birth = CalendarDate(year: birthYear, month: 1 + next(12), day: 1 + next(28))!
        let startYear = min(today.year - 1, birthYear + 19 + next(max(1, min(age - 19, 14))))
        let start = YearMonth(year: startYear, month: 1 + next(12))!
        let prefix = "\(digits(birth.year, 4))\(digits(birth.month, 2))\(digits(birth.day, 2))\(digits(start.year, 4))\(digits(start.month, 2))\(male ? 1 : 2)"
        let sequence = (usedPrefixes[prefix] ?? 0) + 1
        usedPrefixes[prefix] = sequence
        let employee = Employee(
            nip: prefix + digits(sequence, 3), name: name(male: male), asnType: .pns, golongan: ranks[next(ranks.count)],
            jobLevel: level, positionTitle: title, education: level == .pelaksana ? [.sma, .d3, .s1][next(3)] : [.s1, .s1, .s2][next(3)],
            agencyCode: agency, unitCode: unit, supervisorNip: supervisor, status: next(50) == 0 ? .onLeave : .active)
        employees.append(employee)
        return employee
    }

    private mutating func pppk(_ agency: String, unit: String, supervisor: String, title: String) {
        let male = next(2) == 0
        let birth = CalendarDate(year: today.year - 25 - next(25), month: 1 + next(12), day: 1 + next(28))!
        let year = 2021 + next(max(1, min(4, today.year - 2021)))
        let prefix = "\(digits(birth.year, 4))\(digits(birth.month, 2))\(digits(birth.day, 2))\(year)\(digits(1 + next(20), 2))\(male ? 1 : 2)"
        let sequence = (usedPrefixes[prefix] ?? 0) + 1
        usedPrefixes[prefix] = sequence
        employees.append(Employee(
            nip: prefix + digits(sequence, 3), name: name(male: male), asnType: .pppk, pppkGrade: Int32([5, 7, 9, 10][next(4)]),
            jobLevel: .jfAhliPertama, positionTitle: title, education: .s1, agencyCode: agency, unitCode: unit,
            supervisorNip: supervisor, status: .active))
    }

    private mutating func name(male: Bool) -> String {
        let given = male ? Self.maleNames[next(Self.maleNames.count)] : Self.femaleNames[next(Self.femaleNames.count)]
        return "\(given) \(Self.familyNames[next(Self.familyNames.count)])"
    }

    private func digits(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// The employees as the CSV BKPSDM keeps (Indonesian headers, heads before their staff).
    var csv: String {
        var lines = ["NIP,Nama,Jenis ASN,Jenis Kelamin,Tanggal Lahir,TMT CPNS,Golongan,Jenjang Jabatan,Jabatan,Pendidikan,Kode OPD,Kode Unit,NIP Atasan,Status"]
        lines.reserveCapacity(employees.count + 1)
        for e in employees {
            let sex = e.nip.dropFirst(14).first == "1" ? "L" : "P"
            let fields = [
                e.nip, e.name, e.asnType == .pppk ? "PPPK" : "PNS", sex, "", "", Vocabulary.rank(of: e), Vocabulary.display(e.jobLevel),
                e.positionTitle, Vocabulary.display(e.education), e.agencyCode, e.unitCode, e.supervisorNip, Vocabulary.display(e.status),
            ]
            lines.append(fields.map { $0.contains(",") ? "\"\($0)\"" : $0 }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
