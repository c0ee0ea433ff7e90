import BKProto
import Identity

/// The demo year of Sawahlunto's career-development programs: the teknis competencies the agencies
/// add to the built-in manajerial and sosial-kultural ones, and about forty programs (trainings,
/// seminars, workshops, bimtek, e-learning, coaching, mentoring) with their goals, audiences,
/// completion rules and costs. `DemoProgramsPlan` schedules and fills them; `DemoProgramsLoader`
/// sends them to bk-programsd.
///
/// The seed's own programs are here: the time-management training (LAT-MANWAKTU), the leadership
/// seminar (SEM-KEPEMIMPINAN), the sustainable urban development workshop for the planning staff of
/// Bappeda and Dinas PUPR (LOK-KOTA-BERKELANJUTAN) and the bimtek on designing learning programs for
/// Dinas Pendidikan dan Kebudayaan (BIMTEK-RPP).
enum DemoPrograms {
    typealias Kind = Binakarier_Programs_V1_ProgramKind
    typealias Level = Binakarier_Programs_V1_EvaluationLevel
    typealias Competency = Binakarier_Programs_V1_Competency

    static let year = 2026
    /// Sessions whose last day is before this day are run to completion; later ones stay open or draft.
    static let cutoff = DemoDay(2026, 11, 29)

    /// One program of the catalogue, with what the plan needs to schedule and fill its sessions.
    struct Spec: Sendable {
        var code: String
        var title: String
        var kind: Kind
        var jp: Int
        var description: String
        var goals: [String]
        /// Competency codes and the level (1 to 5) aimed at.
        var competencies: [(code: String, level: Int)]
        var agencies: [String] = []
        var levels: [JobLevel] = []
        var asnType: AsnType = .unspecified
        /// Within these agencies the plan picks only people of these units (the audience itself stays
        /// the whole agency): e.g. the planning staff of Dinas PUPR (Bidang Penataan Ruang and the
        /// planning subdivision of its Sekretariat).
        var units: [String: [String]] = [:]
        var organizer: String = "BKPSDM"
        var minimumAttendance: Int = 80
        var preTest: Bool = false
        var postTest: Bool = false
        var evaluation: [Level]
        /// Planned cost of one session, in rupiah.
        var cost: Int64
        /// Sessions (angkatan) in the year.
        var batches: Int
        var capacity: Int
        /// Empty: online only.
        var venues: [String]
        var online: Bool = false
        var facilitators: [(name: String, role: String)] = []
        /// The head of this agency coaches every session (a facilitator by NIP).
        var coachedByHeadOf: String = ""

        /// JP on a full day; the last day takes the rest.
        var jpPerDay: Int {
            switch kind {
            case .seminar: jp
            case .eLearning, .mentoring: 4
            case .coaching: 2
            default: 8
            }
        }

        /// Coaching and mentoring meet once a week; the rest on consecutive working days.
        var weekly: Bool { kind == .coaching || kind == .mentoring }

        /// Minutes after midnight (WIB) each day starts: coaching after lunch, the rest at 08:00.
        var startMinute: Int { kind == .coaching ? 13 * 60 + 30 : 8 * 60 }

        var passMark: Double { postTest ? 70 : 0 }

        var program: Binakarier_Programs_V1_Program {
            .init(
                code: code, title: title, kind: kind, description: description, goals: goals,
                competencies: competencies.map { Binakarier_Programs_V1_CompetencyTarget(competencyCode: $0.code, level: Int32($0.level)) },
                jp: Int32(jp),
                audience: .init(agencyCodes: agencies, jobLevels: levels, asnType: asnType),
                organizerAgencyCode: organizer,
                completion: .init(minimumAttendancePercent: Int32(minimumAttendance), requiresPostTest: postTest, passMark: passMark),
                evaluationLevels: evaluation, costRupiah: cost)
        }

        /// Whether the plan may enrol this person: inside the audience (as the service checks it) and,
        /// where `units` narrows an agency, in one of those units.
        func admits(_ employee: Employee) -> Bool {
            (agencies.isEmpty || agencies.contains(employee.agencyCode))
                && (levels.isEmpty || levels.contains(employee.jobLevel))
                && (asnType == .unspecified || asnType == employee.asnType)
                && (units[employee.agencyCode].map { $0.contains(employee.unitCode) } ?? true)
        }
    }

    // MARK: competencies

    /// Teknis competencies of the demo city's agencies (the manajerial and sosial-kultural ones are built in).
    static let teknis: [Competency] = [
        teknisCompetency("TKN-DIKBUD-RPP", "Perancangan Program Pembelajaran", "DISDIKBUD",
               "Merancang program, modul ajar dan kegiatan belajar yang sesuai dengan kebutuhan dan konteks siswa."),
        teknisCompetency("TKN-DIKBUD-ASESMEN", "Asesmen dan Evaluasi Pembelajaran", "DISDIKBUD",
               "Menyusun asesmen diagnostik, formatif dan sumatif serta menindaklanjuti hasilnya."),
        teknisCompetency("TKN-BAPPEDA-RENBANG", "Perencanaan Pembangunan Daerah", "BAPPEDA",
               "Menyusun dokumen perencanaan (RPJMD, RKPD, Renja) yang terukur dan selaras."),
        teknisCompetency("TKN-PUPR-TATARUANG", "Penataan Ruang dan Pembangunan Perkotaan Berkelanjutan", "DPUPR",
               "Merumuskan rencana tata ruang dan infrastruktur kota yang berkelanjutan dan ramah lingkungan."),
        teknisCompetency("TKN-DINKES-PROMKES", "Promosi Kesehatan dan Pemberdayaan Masyarakat", "DINKES",
               "Merancang dan menjalankan kegiatan promosi kesehatan bersama masyarakat."),
        teknisCompetency("TKN-RSUD-KESPAS", "Keselamatan Pasien dan Kegawatdaruratan", "RSUD",
               "Menerapkan sasaran keselamatan pasien, pencegahan infeksi dan penanganan gawat darurat."),
        teknisCompetency("TKN-BPKD-KEUDA", "Pengelolaan Keuangan Daerah", "BPKD",
               "Menatausahakan, melaporkan dan mempertanggungjawabkan keuangan daerah sesuai ketentuan."),
        teknisCompetency("TKN-SETDA-PBJ", "Pengadaan Barang/Jasa Pemerintah", "SETDA",
               "Merencanakan dan melaksanakan pengadaan barang/jasa yang efisien, transparan dan akuntabel."),
        teknisCompetency("TKN-BKPSDM-MSDM", "Manajemen SDM Aparatur", "BKPSDM",
               "Menyusun analisis jabatan, beban kerja, SKP dan rencana pengembangan kompetensi."),
        teknisCompetency("TKN-KOMINFO-SPBE", "Sistem Pemerintahan Berbasis Elektronik", "DISKOMINFO",
               "Memanfaatkan layanan digital pemerintah dengan aman dan terintegrasi."),
        teknisCompetency("TKN-BPBD-BENCANA", "Penanggulangan Bencana dan Kebakaran", "BPBD",
               "Kesiapsiagaan, evakuasi dan penanganan kebakaran serta bencana."),
        teknisCompetency("TKN-PARPORA-WISATA", "Pengelolaan Destinasi Wisata Warisan Tambang", "DISPARPORA",
               "Mengelola dan menafsirkan Warisan Tambang Batubara Ombilin sebagai destinasi wisata."),
        teknisCompetency("TKN-ARPUS-ARSIP", "Pengelolaan Arsip Dinamis", "DISARPUS",
               "Membuat, menata dan menyimpan naskah dinas dan arsip elektronik."),
    ]

    private static func teknisCompetency(_ code: String, _ name: String, _ agency: String, _ description: String) -> Competency {
        .init(code: code, name: name, type: .teknis, agencyCode: agency, description: description)
    }

    // MARK: audiences, places and people

    static let leaders: [JobLevel] = [.jptPratama, .administrator, .pengawas]
    static let functional: [JobLevel] = [.jfAhliPertama, .jfAhliMuda, .jfAhliMadya, .jfTerampil, .jfMahir]
    static let kecamatan = ["KEC-BARANGIN", "KEC-LEMBAHSEGAR", "KEC-SILUNGKANG", "KEC-TALAWI"]

    static let aulaBKPSDM = "Aula BKPSDM Kota Sawahlunto"
    static let pusatKebudayaan = "Gedung Pusat Kebudayaan Sawahlunto"
    static let hotelOmbilin = "Hotel Ombilin Sawahlunto"
    static let balaiKota = "Aula Balai Kota Sawahlunto"
    static let aulaDikbud = "Aula Dinas Pendidikan dan Kebudayaan Kota Sawahlunto"
    static let aulaRSUD = "Aula RSUD Sawahlunto"
    static let aulaDinkes = "Aula Dinas Kesehatan Kota Sawahlunto"
    static let gudangRansum = "Museum Gudang Ransum Sawahlunto"
    static let ruangBappeda = "Ruang Rapat Bappeda Kota Sawahlunto"
    static let commandCenter = "Command Center Dinas Komunikasi dan Informatika Kota Sawahlunto"
    static let lapanganSegitiga = "Markas Damkar dan Lapangan Segitiga Sawahlunto"
    static let aulaTalawi = "Aula Kantor Camat Talawi"

    /// Where the online classes run; the session's batch number follows.
    static let learningSite = "https://elearning.sawahluntokota.go.id/kelas/"

    static let widyaiswara = (name: "Dr. Yenni Marlina, M.Pd.", role: "Widyaiswara Ahli Madya, BPSDM Provinsi Sumatera Barat")
    static let widyaiswaraUtama = (name: "Ir. Hendra Gunawan, M.T.", role: "Widyaiswara Ahli Utama, BPSDM Provinsi Sumatera Barat")
    static let coach = (name: "Drs. Syafruddin Ali, M.Si.", role: "Coach bersertifikat, Lembaga Administrasi Negara")
    static let psikolog = (name: "Dr. Rini Kurniasih, M.Psi., Psikolog", role: "Psikolog, Universitas Negeri Padang")
    static let planolog = (name: "Prof. Dr. Ardinal Chaniago, M.T.", role: "Guru Besar Perencanaan Wilayah dan Kota, Universitas Andalas")
    static let dokterEmergensi = (name: "dr. Fitria Hasanah, Sp.EM", role: "Dokter Spesialis Emergensi, RSUP Dr. M. Djamil Padang")
    static let perawat = (name: "Ns. Desfitri Rahmi, M.Kep.", role: "Fasilitator Keselamatan Pasien, PERSI Sumatera Barat")
    static let auditor = (name: "Yusrizal Koto, S.E., Ak.", role: "Auditor Ahli Madya, BPKP Perwakilan Sumatera Barat")
    static let penyuluhAntikorupsi = (name: "Dr. Wahyu Saputra, S.H., M.H.", role: "Penyuluh Antikorupsi Ahli Madya, KPK")
    static let pranataKomputer = (name: "Rahmad Hidayat, S.Kom., M.T.", role: "Pranata Komputer Ahli Madya, Diskominfo Provinsi Sumatera Barat")
    static let pengawasSekolah = (name: "Dra. Elvi Suryani, M.Pd.", role: "Pengawas Sekolah Ahli Madya, Dinas Pendidikan Provinsi Sumatera Barat")
    static let fasilitatorPBJ = (name: "Andika Pratama, S.T., M.M.", role: "Fasilitator Pengadaan, LKPP")
    static let instrukturDamkar = (name: "Afrizal Tanjung, S.Sos.", role: "Instruktur Pemadam Kebakaran, Pusdiklat Kemendagri")
    static let sejarawan = (name: "Dr. Zulkifli Amir, M.Hum.", role: "Sejarawan, Balai Pelestarian Kebudayaan Wilayah III")
    static let pemanduWisata = (name: "Novita Sikumbang, S.Sos., M.Par.", role: "Pemandu Wisata Bersertifikat, HPI Sumatera Barat")

    // MARK: the catalogue

    static let catalogue: [Spec] = [
        // The seed's programs first.
        Spec(
            code: "LAT-MANWAKTU", title: "Pelatihan Manajemen Waktu", kind: .pelatihan, jp: 24,
            description: "Teknik mengatur waktu kerja agar lebih produktif: menetapkan prioritas, merencanakan pekan kerja, mengurangi gangguan dan menyelesaikan tugas tepat waktu.",
            goals: ["ASN menyelesaikan tugas lebih efisien dan tepat waktu",
                    "Kepuasan masyarakat terhadap layanan meningkat",
                    "Teknik prioritas (matriks Eisenhower, time blocking) dipakai dalam rencana kerja unit"],
            competencies: [("MNJ-ORIENTASI-HASIL", 3), ("MNJ-PENGEMBANGAN-DIRI", 2)],
            preTest: true, postTest: true, evaluation: [.reaction, .learning, .behaviour, .results],
            cost: 48_500_000, batches: 6, capacity: 40, venues: [aulaBKPSDM, hotelOmbilin, pusatKebudayaan],
            facilitators: [widyaiswara]),
        Spec(
            code: "SEM-KEPEMIMPINAN", title: "Seminar Kepemimpinan", kind: .seminar, jp: 8,
            description: "Seminar bagi pejabat tentang memimpin tim yang melayani: memberi arahan, membangun kepercayaan dan menggerakkan perubahan.",
            goals: ["Pejabat lebih percaya diri memimpin tim",
                    "Budaya pembelajaran tumbuh di setiap perangkat daerah"],
            competencies: [("MNJ-PENGAMBILAN-KEPUTUSAN", 3), ("MNJ-KERJA-SAMA", 3), ("MNJ-MENGELOLA-PERUBAHAN", 3)],
            levels: leaders, minimumAttendance: 100, evaluation: [.reaction, .behaviour],
            cost: 18_000_000, batches: 4, capacity: 40, venues: [pusatKebudayaan, hotelOmbilin, balaiKota],
            facilitators: [coach, widyaiswaraUtama]),
        Spec(
            code: "LOK-KOTA-BERKELANJUTAN", title: "Lokakarya Pengembangan Perkotaan Berkelanjutan", kind: .lokakarya, jp: 24,
            description: "Lokakarya bagi staf perencanaan Bappeda dan Dinas PUPR: merumuskan rencana kota yang berkelanjutan dan ramah lingkungan, dengan studi kasus kawasan bekas tambang Sawahlunto.",
            goals: ["Rencana tata ruang yang berkelanjutan dan ramah lingkungan",
                    "Pelestarian kawasan Warisan Tambang Batubara Ombilin masuk dalam perencanaan kota",
                    "Kepercayaan masyarakat terhadap perencanaan pemerintah meningkat"],
            competencies: [("TKN-BAPPEDA-RENBANG", 3), ("TKN-PUPR-TATARUANG", 3), ("MNJ-ORIENTASI-HASIL", 3)],
            agencies: ["BAPPEDA", "DPUPR"], units: ["DPUPR": ["TATARUANG", "SEKRETARIAT"]], organizer: "BAPPEDA",
            evaluation: [.reaction, .learning, .behaviour, .results],
            cost: 62_000_000, batches: 2, capacity: 25, venues: [ruangBappeda, hotelOmbilin],
            facilitators: [planolog]),
        Spec(
            code: "BIMTEK-RPP", title: "Bimbingan Teknis Perancangan Program Pembelajaran", kind: .bimtek, jp: 32,
            description: "Bimtek bagi guru Dinas Pendidikan dan Kebudayaan: merancang program pembelajaran yang sesuai dengan kebutuhan siswa di Sawahlunto.",
            goals: ["Guru merancang program pembelajaran yang sesuai dengan kebutuhan siswa setempat",
                    "Modul ajar dan asesmen tersusun dan terukur",
                    "Mutu layanan pendidikan meningkat"],
            competencies: [("TKN-DIKBUD-RPP", 3), ("TKN-DIKBUD-ASESMEN", 2), ("MNJ-PELAYANAN-PUBLIK", 2)],
            agencies: ["DISDIKBUD"], levels: functional, organizer: "DISDIKBUD",
            preTest: true, postTest: true, evaluation: [.reaction, .learning, .behaviour, .results],
            cost: 56_000_000, batches: 6, capacity: 40, venues: [aulaDikbud, pusatKebudayaan],
            facilitators: [pengawasSekolah]),

        // For every agency.
        Spec(
            code: "EL-WAWASAN-KEBANGSAAN", title: "E-Learning Wawasan Kebangsaan dan Nilai Bela Negara", kind: .eLearning, jp: 20,
            description: "Kelas daring mandiri dan sinkron tentang Pancasila, UUD 1945, NKRI, Bhinneka Tunggal Ika dan nilai bela negara dalam tugas ASN.",
            goals: ["ASN berperan sebagai perekat dan pemersatu bangsa",
                    "Nilai bela negara diterapkan dalam pelayanan sehari-hari"],
            competencies: [("SOSKUL-PEREKAT-BANGSA", 2), ("MNJ-INTEGRITAS", 2)],
            postTest: true, evaluation: [.reaction, .learning],
            cost: 7_500_000, batches: 8, capacity: 40, venues: [], online: true,
            facilitators: [widyaiswaraUtama]),
        Spec(
            code: "EL-BERAKHLAK", title: "E-Learning Nilai Dasar ASN BerAKHLAK", kind: .eLearning, jp: 12,
            description: "Nilai dasar ASN BerAKHLAK (berorientasi pelayanan, akuntabel, kompeten, harmonis, loyal, adaptif, kolaboratif) dan penerapannya di tempat kerja.",
            goals: ["Nilai BerAKHLAK tampak dalam perilaku kerja", "Budaya kerja yang melayani"],
            competencies: [("MNJ-INTEGRITAS", 2), ("MNJ-KERJA-SAMA", 2)],
            evaluation: [.reaction, .learning],
            cost: 5_000_000, batches: 5, capacity: 40, venues: [], online: true,
            facilitators: [widyaiswara]),
        Spec(
            code: "LAT-PELAYANAN-PRIMA", title: "Pelatihan Pelayanan Publik Prima", kind: .pelatihan, jp: 24,
            description: "Standar pelayanan, keramahan, penanganan pengaduan dan survei kepuasan masyarakat bagi ASN yang melayani langsung.",
            goals: ["Pelayanan yang cepat, ramah dan responsif terhadap kebutuhan masyarakat",
                    "Nilai IKM unit layanan naik",
                    "Pengaduan ditangani sampai tuntas"],
            competencies: [("MNJ-PELAYANAN-PUBLIK", 3), ("MNJ-KOMUNIKASI", 2)],
            evaluation: [.reaction, .learning, .behaviour, .results],
            cost: 45_000_000, batches: 5, capacity: 36, venues: [aulaBKPSDM, hotelOmbilin, balaiKota],
            facilitators: [widyaiswara]),
        Spec(
            code: "SEM-ANTIKORUPSI", title: "Seminar Integritas dan Pencegahan Korupsi", kind: .seminar, jp: 6,
            description: "Gratifikasi, konflik kepentingan dan sistem pengendalian intern bagi seluruh ASN.",
            goals: ["ASN mengenali dan menolak gratifikasi", "Zona integritas menuju WBK/WBBM diperkuat"],
            competencies: [("MNJ-INTEGRITAS", 3)],
            organizer: "INSPEKTORAT", minimumAttendance: 100, evaluation: [.reaction],
            cost: 12_000_000, batches: 3, capacity: 40, venues: [pusatKebudayaan, balaiKota],
            facilitators: [penyuluhAntikorupsi]),
        Spec(
            code: "LAT-KOMUNIKASI", title: "Pelatihan Komunikasi Efektif dan Public Speaking", kind: .pelatihan, jp: 16,
            description: "Menyampaikan informasi dengan jelas kepada pimpinan, rekan kerja dan masyarakat: presentasi, naskah dinas yang ringkas dan mendengarkan aktif.",
            goals: ["Informasi layanan tersampaikan dengan jelas", "Rapat dan presentasi lebih efektif"],
            competencies: [("MNJ-KOMUNIKASI", 3)],
            evaluation: [.reaction, .learning, .behaviour],
            cost: 30_000_000, batches: 3, capacity: 36, venues: [aulaBKPSDM, hotelOmbilin],
            facilitators: [psikolog]),
        Spec(
            code: "LAT-KERJASAMA-TIM", title: "Pelatihan Membangun Kerja Sama Tim", kind: .pelatihan, jp: 16,
            description: "Permainan peran, studi kasus dan refleksi untuk membangun tim lintas bidang yang saling percaya.",
            goals: ["Kerja sama lintas bidang dan lintas perangkat daerah", "Konflik di tim diselesaikan dengan dialog"],
            competencies: [("MNJ-KERJA-SAMA", 3)],
            evaluation: [.reaction, .behaviour],
            cost: 32_000_000, batches: 2, capacity: 30, venues: [hotelOmbilin, pusatKebudayaan],
            facilitators: [coach]),
        Spec(
            code: "LOK-INOVASI", title: "Lokakarya Inovasi Pelayanan Publik", kind: .lokakarya, jp: 16,
            description: "Merumuskan dan menguji gagasan inovasi pelayanan dari tiap perangkat daerah untuk Kompetisi Inovasi Pelayanan Publik.",
            goals: ["Setiap perangkat daerah memiliki satu inovasi pelayanan yang siap diuji coba",
                    "Waktu dan biaya layanan bagi masyarakat berkurang"],
            competencies: [("MNJ-MENGELOLA-PERUBAHAN", 3), ("MNJ-PELAYANAN-PUBLIK", 3)],
            organizer: "BAPPEDA", evaluation: [.reaction, .behaviour, .results],
            cost: 28_000_000, batches: 2, capacity: 30, venues: [ruangBappeda, pusatKebudayaan],
            facilitators: [widyaiswaraUtama]),
        Spec(
            code: "COACH-KINERJA", title: "Coaching Kinerja bagi Pejabat Pengawas", kind: .coaching, jp: 10,
            description: "Lima pertemuan mingguan: menetapkan sasaran kinerja tim, memberi umpan balik dan membimbing staf.",
            goals: ["Pengawas membimbing stafnya mencapai sasaran kinerja", "Umpan balik kinerja rutin di setiap seksi"],
            competencies: [("MNJ-PENGEMBANGAN-DIRI", 3), ("MNJ-ORIENTASI-HASIL", 3)],
            levels: [.pengawas], evaluation: [.reaction, .behaviour],
            cost: 9_000_000, batches: 3, capacity: 20, venues: [aulaBKPSDM],
            facilitators: [coach]),
        Spec(
            code: "MENTOR-ASN-BARU", title: "Mentoring ASN Baru: Orientasi Tugas dan Budaya Kerja", kind: .mentoring, jp: 12,
            description: "Pendampingan mingguan oleh pejabat senior bagi ASN pelaksana dan fungsional jenjang awal.",
            goals: ["ASN baru memahami tugas, etika dan budaya kerja instansi", "Masa adaptasi lebih singkat"],
            competencies: [("MNJ-PENGEMBANGAN-DIRI", 2), ("MNJ-INTEGRITAS", 2)],
            levels: [.pelaksana, .jfAhliPertama, .jfTerampil], asnType: .pns, evaluation: [.reaction, .behaviour],
            cost: 6_000_000, batches: 2, capacity: 20, venues: [aulaBKPSDM],
            facilitators: [widyaiswara]),
        Spec(
            code: "SEM-WARISAN-DUNIA", title: "Seminar Sawahlunto Kota Warisan Dunia: Peran ASN dalam Pelestarian Warisan Tambang Batubara Ombilin", kind: .seminar, jp: 6,
            description: "Sejarah kota tambang, status Warisan Dunia UNESCO dan peran setiap perangkat daerah dalam pelestariannya.",
            goals: ["ASN menjadi duta warisan budaya kota", "Pelestarian warisan tambang masuk dalam program kerja perangkat daerah"],
            competencies: [("SOSKUL-PEREKAT-BANGSA", 2), ("TKN-PARPORA-WISATA", 1)],
            organizer: "DISPARPORA", minimumAttendance: 100, evaluation: [.reaction],
            cost: 14_000_000, batches: 2, capacity: 40, venues: [gudangRansum, pusatKebudayaan],
            facilitators: [sejarawan]),
        Spec(
            code: "SEM-SPBE", title: "Seminar Transformasi Digital dan SPBE", kind: .seminar, jp: 4,
            description: "Arah Sistem Pemerintahan Berbasis Elektronik kota, layanan digital terintegrasi dan keamanan data.",
            goals: ["Layanan perangkat daerah masuk ke aplikasi terintegrasi", "Indeks SPBE kota naik"],
            competencies: [("TKN-KOMINFO-SPBE", 2), ("MNJ-MENGELOLA-PERUBAHAN", 2)],
            organizer: "DISKOMINFO", minimumAttendance: 100, evaluation: [.reaction],
            cost: 8_000_000, batches: 2, capacity: 40, venues: [commandCenter], online: true,
            facilitators: [pranataKomputer]),
        Spec(
            code: "LAT-PENGAMBILAN-KEPUTUSAN", title: "Pelatihan Analisis Masalah dan Pengambilan Keputusan", kind: .pelatihan, jp: 24,
            description: "Menganalisis akar masalah, menimbang pilihan dengan data dan mengambil keputusan yang dapat dipertanggungjawabkan.",
            goals: ["Keputusan berbasis data dan tepat waktu", "Masalah layanan diselesaikan sampai ke akarnya"],
            competencies: [("MNJ-PENGAMBILAN-KEPUTUSAN", 3), ("MNJ-ORIENTASI-HASIL", 3)],
            levels: [.administrator, .pengawas], evaluation: [.reaction, .learning, .behaviour],
            cost: 46_000_000, batches: 2, capacity: 30, venues: [hotelOmbilin],
            facilitators: [widyaiswaraUtama]),
        Spec(
            code: "LAT-KEPEMIMPINAN-PERUBAHAN", title: "Pelatihan Kepemimpinan Perubahan bagi Pejabat Administrator dan Pimpinan Tinggi", kind: .pelatihan, jp: 32,
            description: "Memimpin perubahan organisasi: visi, komunikasi perubahan, mengelola penolakan dan mengukur hasil.",
            goals: ["Setiap peserta menyusun dan menjalankan satu proyek perubahan di unitnya",
                    "Pimpinan memberi arahan yang jelas tentang visi dan misi instansi"],
            competencies: [("MNJ-MENGELOLA-PERUBAHAN", 4), ("MNJ-PENGAMBILAN-KEPUTUSAN", 4)],
            levels: [.jptPratama, .administrator], evaluation: [.reaction, .learning, .behaviour, .results],
            cost: 68_000_000, batches: 1, capacity: 30, venues: [hotelOmbilin],
            facilitators: [widyaiswaraUtama, coach]),
        Spec(
            code: "EL-LITERASI-DIGITAL", title: "E-Learning Literasi Digital dan Keamanan Informasi", kind: .eLearning, jp: 10,
            description: "Kata sandi, phishing, berbagi dokumen dengan aman dan etika bermedia sosial bagi ASN.",
            goals: ["Insiden keamanan informasi berkurang", "ASN memakai layanan digital pemerintah dengan aman"],
            competencies: [("TKN-KOMINFO-SPBE", 2)],
            organizer: "DISKOMINFO", evaluation: [.reaction, .learning],
            cost: 4_500_000, batches: 4, capacity: 40, venues: [], online: true,
            facilitators: [pranataKomputer]),
        Spec(
            code: "EL-TATA-NASKAH", title: "E-Learning Tata Naskah Dinas dan Kearsipan Elektronik", kind: .eLearning, jp: 12,
            description: "Membuat naskah dinas sesuai pedoman, penomoran, disposisi dan pengarsipan elektronik.",
            goals: ["Naskah dinas tertib dan seragam", "Arsip mudah ditemukan kembali"],
            competencies: [("TKN-ARPUS-ARSIP", 2)],
            levels: [.pelaksana], organizer: "DISARPUS", evaluation: [.reaction, .learning],
            cost: 4_500_000, batches: 4, capacity: 40, venues: [], online: true),
        Spec(
            code: "BIMTEK-SKP", title: "Bimtek Penyusunan SKP dan Manajemen Kinerja ASN", kind: .bimtek, jp: 16,
            description: "Menyusun Sasaran Kinerja Pegawai yang selaras dengan sasaran unit, dialog kinerja dan bukti dukung.",
            goals: ["SKP selaras dengan rencana kerja unit", "Penilaian kinerja tepat waktu"],
            competencies: [("TKN-BKPSDM-MSDM", 2), ("MNJ-ORIENTASI-HASIL", 2)],
            evaluation: [.reaction, .learning, .behaviour],
            cost: 24_000_000, batches: 4, capacity: 40, venues: [aulaBKPSDM, balaiKota]),
        Spec(
            code: "SEM-KESEHATAN-MENTAL", title: "Seminar Kesehatan Mental dan Keseimbangan Kerja ASN", kind: .seminar, jp: 4,
            description: "Mengenali stres kerja, menjaga keseimbangan kerja dan keluarga, dan saling mendukung di tempat kerja.",
            goals: ["ASN mengenali tanda stres kerja", "Lingkungan kerja yang saling mendukung"],
            competencies: [("MNJ-PENGEMBANGAN-DIRI", 2)],
            minimumAttendance: 100, evaluation: [.reaction],
            cost: 7_000_000, batches: 2, capacity: 40, venues: [pusatKebudayaan, aulaDinkes],
            facilitators: [psikolog]),
        Spec(
            code: "LOK-REFORMASI-BIROKRASI", title: "Lokakarya Penyusunan Rencana Aksi Reformasi Birokrasi", kind: .lokakarya, jp: 12,
            description: "Menyusun rencana aksi reformasi birokrasi tematik kota bersama Sekretariat Daerah, Bappeda, Inspektorat dan BKPSDM.",
            goals: ["Rencana aksi RB tematik yang terukur", "Nilai evaluasi RB kota naik"],
            competencies: [("MNJ-ORIENTASI-HASIL", 3), ("MNJ-MENGELOLA-PERUBAHAN", 3)],
            agencies: ["SETDA", "BAPPEDA", "INSPEKTORAT", "BKPSDM"], organizer: "SETDA", evaluation: [.reaction, .results],
            cost: 20_000_000, batches: 1, capacity: 30, venues: [balaiKota]),

        // Dinas Pendidikan dan Kebudayaan.
        Spec(
            code: "LAT-KURIKULUM-MERDEKA", title: "Pelatihan Implementasi Kurikulum Merdeka", kind: .pelatihan, jp: 32,
            description: "Capaian pembelajaran, alur tujuan pembelajaran, projek penguatan profil pelajar Pancasila dan pembelajaran berdiferensiasi.",
            goals: ["Guru menerapkan Kurikulum Merdeka di kelas", "Projek profil pelajar Pancasila berjalan di setiap sekolah"],
            competencies: [("TKN-DIKBUD-RPP", 3), ("MNJ-MENGELOLA-PERUBAHAN", 2)],
            agencies: ["DISDIKBUD"], levels: functional, organizer: "DISDIKBUD", evaluation: [.reaction, .learning, .behaviour],
            cost: 52_000_000, batches: 5, capacity: 40, venues: [aulaDikbud, hotelOmbilin],
            facilitators: [pengawasSekolah]),
        Spec(
            code: "EL-ASESMEN", title: "E-Learning Asesmen Pembelajaran Berdiferensiasi", kind: .eLearning, jp: 20,
            description: "Asesmen diagnostik, formatif dan sumatif, serta memakai hasilnya untuk menyesuaikan pembelajaran.",
            goals: ["Guru memakai hasil asesmen untuk menyesuaikan pembelajaran", "Hasil asesmen nasional sekolah membaik"],
            competencies: [("TKN-DIKBUD-ASESMEN", 3)],
            agencies: ["DISDIKBUD"], levels: functional, organizer: "DISDIKBUD", postTest: true, evaluation: [.reaction, .learning],
            cost: 6_000_000, batches: 5, capacity: 40, venues: [], online: true,
            facilitators: [pengawasSekolah]),
        Spec(
            code: "LOK-MUATAN-LOKAL", title: "Lokakarya Pengembangan Muatan Lokal Budaya Tambang dan Minangkabau", kind: .lokakarya, jp: 16,
            description: "Menyusun bahan ajar muatan lokal dari sejarah tambang Ombilin dan budaya Minangkabau bersama museum kota.",
            goals: ["Bahan ajar muatan lokal untuk SD dan SMP", "Siswa mengenal warisan budaya kotanya"],
            competencies: [("TKN-DIKBUD-RPP", 2), ("SOSKUL-PEREKAT-BANGSA", 3)],
            agencies: ["DISDIKBUD"], levels: functional, organizer: "DISDIKBUD", evaluation: [.reaction, .behaviour],
            cost: 22_000_000, batches: 2, capacity: 30, venues: [gudangRansum, aulaDikbud],
            facilitators: [sejarawan]),
        Spec(
            code: "LAT-ADM-SEKOLAH", title: "Pelatihan Administrasi Sekolah dan Pengelolaan Dana BOS", kind: .pelatihan, jp: 24,
            description: "Perencanaan, penatausahaan dan pelaporan Dana BOS serta administrasi sekolah yang tertib.",
            goals: ["Laporan Dana BOS tepat waktu dan tanpa temuan", "Administrasi sekolah tertib"],
            competencies: [("TKN-BPKD-KEUDA", 2), ("MNJ-INTEGRITAS", 2)],
            agencies: ["DISDIKBUD"], levels: [.pelaksana, .pengawas], organizer: "DISDIKBUD", evaluation: [.reaction, .learning, .behaviour],
            cost: 40_000_000, batches: 4, capacity: 40, venues: [aulaDikbud],
            facilitators: [auditor]),
        Spec(
            code: "MENTOR-KEPSEK", title: "Mentoring Kepemimpinan Pembelajaran bagi Kepala Sekolah", kind: .mentoring, jp: 16,
            description: "Pendampingan mingguan kepala sekolah oleh pengawas sekolah: supervisi akademik dan budaya belajar di sekolah.",
            goals: ["Supervisi akademik rutin di setiap sekolah", "Budaya belajar guru tumbuh di sekolah"],
            competencies: [("MNJ-PENGEMBANGAN-DIRI", 3), ("TKN-DIKBUD-RPP", 3)],
            agencies: ["DISDIKBUD"], levels: [.pengawas, .administrator, .jfAhliMadya], organizer: "DISDIKBUD",
            evaluation: [.reaction, .behaviour, .results],
            cost: 10_000_000, batches: 1, capacity: 20, venues: [aulaDikbud],
            facilitators: [pengawasSekolah]),

        // Health: RSUD and Dinas Kesehatan.
        Spec(
            code: "LAT-PPGD", title: "Pelatihan Penanggulangan Penderita Gawat Darurat (PPGD)", kind: .pelatihan, jp: 40,
            description: "Bantuan hidup dasar, triase, penanganan trauma dan kegawatan jantung bagi tenaga kesehatan.",
            goals: ["Respons kegawatdaruratan sesuai standar", "Angka kematian di IGD turun"],
            competencies: [("TKN-RSUD-KESPAS", 3)],
            agencies: ["RSUD", "DINKES"], levels: functional, organizer: "RSUD", minimumAttendance: 90, postTest: true,
            evaluation: [.reaction, .learning, .behaviour],
            cost: 85_000_000, batches: 3, capacity: 30, venues: [aulaRSUD],
            facilitators: [dokterEmergensi]),
        Spec(
            code: "LAT-KESELAMATAN-PASIEN", title: "Pelatihan Keselamatan Pasien dan Pencegahan Pengendalian Infeksi", kind: .pelatihan, jp: 24,
            description: "Enam sasaran keselamatan pasien, pelaporan insiden dan pencegahan pengendalian infeksi di rumah sakit.",
            goals: ["Insiden keselamatan pasien dilaporkan dan ditindaklanjuti", "Angka infeksi terkait layanan kesehatan turun"],
            competencies: [("TKN-RSUD-KESPAS", 3), ("MNJ-PELAYANAN-PUBLIK", 2)],
            agencies: ["RSUD"], organizer: "RSUD", evaluation: [.reaction, .learning, .behaviour, .results],
            cost: 42_000_000, batches: 4, capacity: 40, venues: [aulaRSUD],
            facilitators: [perawat]),
        Spec(
            code: "BIMTEK-PROMKES", title: "Bimtek Promosi Kesehatan dan Pemberdayaan Masyarakat", kind: .bimtek, jp: 24,
            description: "Merancang kampanye kesehatan, posyandu aktif dan gerakan masyarakat hidup sehat bersama kader.",
            goals: ["Posyandu aktif di setiap desa dan kelurahan", "Angka stunting turun"],
            competencies: [("TKN-DINKES-PROMKES", 3), ("MNJ-KOMUNIKASI", 2)],
            agencies: ["DINKES"], organizer: "DINKES", evaluation: [.reaction, .learning, .behaviour],
            cost: 38_000_000, batches: 3, capacity: 36, venues: [aulaDinkes]),
        Spec(
            code: "LAT-KOMUNIKASI-PASIEN", title: "Pelatihan Komunikasi Efektif dengan Pasien dan Keluarga", kind: .pelatihan, jp: 16,
            description: "Menjelaskan diagnosis dan tindakan dengan empati, menangani keluhan dan menyampaikan kabar buruk.",
            goals: ["Keluhan pasien tentang komunikasi berkurang", "Nilai survei kepuasan pasien naik"],
            competencies: [("MNJ-KOMUNIKASI", 3), ("MNJ-PELAYANAN-PUBLIK", 3)],
            agencies: ["RSUD", "DINKES"], organizer: "RSUD", evaluation: [.reaction, .behaviour, .results],
            cost: 26_000_000, batches: 3, capacity: 36, venues: [aulaRSUD, aulaDinkes],
            facilitators: [psikolog]),
        Spec(
            code: "COACH-DIALOG-DINKES", title: "Coaching dan Dialog Terbuka bersama Kepala Dinas Kesehatan", kind: .coaching, jp: 8,
            description: "Pertemuan mingguan Kepala Dinas Kesehatan dengan staf: mendengarkan aspirasi pegawai dan memberi arahan yang jelas tentang visi dan misi dinas.",
            goals: ["Aspirasi pegawai didengar dan ditindaklanjuti", "Staf memahami visi dan misi dinas"],
            competencies: [("MNJ-KOMUNIKASI", 2), ("MNJ-KERJA-SAMA", 3)],
            agencies: ["DINKES"], organizer: "DINKES", evaluation: [.reaction, .behaviour],
            cost: 3_000_000, batches: 2, capacity: 25, venues: [aulaDinkes],
            coachedByHeadOf: "DINKES"),

        // Finance, procurement, planning, disasters and the other agencies.
        Spec(
            code: "BIMTEK-SIPD", title: "Bimtek Penatausahaan Keuangan Daerah pada SIPD", kind: .bimtek, jp: 24,
            description: "Penatausahaan belanja, SPJ dan pelaporan keuangan pada Sistem Informasi Pemerintahan Daerah.",
            goals: ["SPJ tepat waktu dan lengkap", "Opini WTP dipertahankan"],
            competencies: [("TKN-BPKD-KEUDA", 3)],
            levels: [.pelaksana, .pengawas], organizer: "BPKD", evaluation: [.reaction, .learning, .behaviour],
            cost: 36_000_000, batches: 3, capacity: 40, venues: [balaiKota, aulaBKPSDM],
            facilitators: [auditor]),
        Spec(
            code: "BIMTEK-PBJ", title: "Bimtek Pengadaan Barang/Jasa Pemerintah (Persiapan Sertifikasi Tingkat Dasar)", kind: .bimtek, jp: 32,
            description: "Perencanaan pengadaan, pemilihan penyedia, kontrak dan e-katalog, menuju ujian sertifikasi tingkat dasar.",
            goals: ["Pejabat pengadaan bersertifikat di setiap perangkat daerah", "Pengadaan yang efisien, transparan dan akuntabel"],
            competencies: [("TKN-SETDA-PBJ", 3), ("MNJ-INTEGRITAS", 3)],
            levels: [.administrator, .pengawas, .jfAhliPertama, .jfAhliMuda], asnType: .pns, organizer: "SETDA",
            postTest: true, evaluation: [.reaction, .learning, .behaviour],
            cost: 58_000_000, batches: 2, capacity: 30, venues: [hotelOmbilin],
            facilitators: [fasilitatorPBJ]),
        Spec(
            code: "BIMTEK-RENJA", title: "Bimtek Penyusunan Renja dan RKA Perangkat Daerah", kind: .bimtek, jp: 20,
            description: "Menyusun Rencana Kerja dan Rencana Kerja Anggaran yang selaras dengan RPJMD dan indikator kinerja.",
            goals: ["Renja dan RKA selaras dengan RPJMD", "Indikator kinerja terukur"],
            competencies: [("TKN-BAPPEDA-RENBANG", 2), ("MNJ-ORIENTASI-HASIL", 2)],
            levels: [.administrator, .pengawas], organizer: "BAPPEDA", evaluation: [.reaction, .learning, .results],
            cost: 30_000_000, batches: 2, capacity: 36, venues: [ruangBappeda, balaiKota]),
        Spec(
            code: "LAT-SIAGA-BENCANA", title: "Pelatihan Kesiapsiagaan Bencana dan Evakuasi Gedung Kantor", kind: .pelatihan, jp: 16,
            description: "Risiko longsor, banjir dan kebakaran di Sawahlunto, jalur evakuasi kantor dan simulasi.",
            goals: ["Setiap kantor memiliki rencana evakuasi yang diuji", "Petugas siaga bencana di setiap perangkat daerah"],
            competencies: [("TKN-BPBD-BENCANA", 2), ("MNJ-KERJA-SAMA", 2)],
            organizer: "BPBD", evaluation: [.reaction, .behaviour],
            cost: 24_000_000, batches: 2, capacity: 36, venues: [lapanganSegitiga, balaiKota]),
        Spec(
            code: "LAT-DAMKAR", title: "Pelatihan Teknis Pemadaman Kebakaran dan Penyelamatan", kind: .pelatihan, jp: 40,
            description: "Teknik pemadaman, penyelamatan korban dan perawatan peralatan bagi petugas pemadam kebakaran.",
            goals: ["Waktu tanggap kebakaran sesuai standar pelayanan minimal", "Petugas bersertifikat"],
            competencies: [("TKN-BPBD-BENCANA", 3)],
            agencies: ["SATPOLPP", "BPBD"], organizer: "SATPOLPP", minimumAttendance: 90, evaluation: [.reaction, .learning, .behaviour],
            cost: 70_000_000, batches: 1, capacity: 30, venues: [lapanganSegitiga],
            facilitators: [instrukturDamkar]),
        Spec(
            code: "LAT-WISATA-TAMBANG", title: "Pelatihan Pengelolaan Destinasi Wisata Tambang Ombilin", kind: .pelatihan, jp: 24,
            description: "Interpretasi situs tambang, pelayanan wisatawan dan pemberdayaan UMKM di sekitar destinasi.",
            goals: ["Kunjungan wisata ke kawasan tambang naik", "UMKM sekitar destinasi ikut tumbuh"],
            competencies: [("TKN-PARPORA-WISATA", 3), ("MNJ-PELAYANAN-PUBLIK", 2)],
            agencies: ["DISPARPORA", "DISKOPERINDAG"] + kecamatan, organizer: "DISPARPORA", evaluation: [.reaction, .behaviour, .results],
            cost: 44_000_000, batches: 1, capacity: 30, venues: [gudangRansum, hotelOmbilin],
            facilitators: [pemanduWisata]),
        Spec(
            code: "LAT-ADMINDUK", title: "Pelatihan Pelayanan Administrasi Kependudukan Terintegrasi", kind: .pelatihan, jp: 24,
            description: "Layanan dokumen kependudukan di kecamatan dan kelurahan, identitas kependudukan digital dan jemput bola.",
            goals: ["Dokumen kependudukan selesai di hari yang sama", "Cakupan identitas kependudukan digital naik"],
            competencies: [("MNJ-PELAYANAN-PUBLIK", 3), ("TKN-KOMINFO-SPBE", 1)],
            agencies: ["DISDUKCAPIL"] + kecamatan, organizer: "DISDUKCAPIL", evaluation: [.reaction, .learning, .results],
            cost: 34_000_000, batches: 1, capacity: 30, venues: [aulaTalawi, balaiKota]),
        Spec(
            code: "BIMTEK-AUDIT", title: "Bimtek Reviu Laporan Keuangan dan Audit Kinerja", kind: .bimtek, jp: 24,
            description: "Reviu laporan keuangan pemerintah daerah dan audit kinerja berbasis risiko.",
            goals: ["Temuan pemeriksaan berulang berkurang", "Reviu laporan keuangan tepat waktu"],
            competencies: [("TKN-BPKD-KEUDA", 3), ("MNJ-INTEGRITAS", 3)],
            agencies: ["INSPEKTORAT", "BPKD"], organizer: "INSPEKTORAT", evaluation: [.reaction, .learning, .behaviour],
            cost: 40_000_000, batches: 1, capacity: 30, venues: [hotelOmbilin],
            facilitators: [auditor]),
        Spec(
            code: "LAT-ANJAB-ABK", title: "Pelatihan Analisis Jabatan dan Analisis Beban Kerja", kind: .pelatihan, jp: 24,
            description: "Menyusun informasi jabatan, menghitung beban kerja dan kebutuhan pegawai tiap unit.",
            goals: ["Peta jabatan dan kebutuhan pegawai mutakhir", "Formasi ASN sesuai beban kerja"],
            competencies: [("TKN-BKPSDM-MSDM", 3)],
            agencies: ["BKPSDM", "SETDA"], evaluation: [.reaction, .learning, .behaviour],
            cost: 36_000_000, batches: 1, capacity: 30, venues: [aulaBKPSDM]),
        Spec(
            code: "LAT-BANK-SAMPAH", title: "Pelatihan Pengelolaan Sampah dan Bank Sampah Berbasis Masyarakat", kind: .pelatihan, jp: 16,
            description: "Pemilahan sampah dari sumber, bank sampah dan pendampingan masyarakat di kecamatan.",
            goals: ["Bank sampah aktif di setiap kecamatan", "Sampah yang dibuang ke TPA berkurang"],
            competencies: [("MNJ-PELAYANAN-PUBLIK", 2), ("TKN-PUPR-TATARUANG", 1)],
            agencies: ["DLH", "DISPERKIM"] + kecamatan, organizer: "DLH", evaluation: [.reaction, .behaviour, .results],
            cost: 22_000_000, batches: 1, capacity: 30, venues: [aulaTalawi]),
    ]

    // MARK: learning elsewhere

    /// Learning done outside this system that people report for their JP ledger; `agencies` empty: anyone.
    struct OutsideCourse: Sendable {
        let title: String
        let provider: String
        let kind: Kind
        let jp: Int
        let agencies: [String]
    }

    static let outsideCourses: [OutsideCourse] = [
        .init(title: "Pelatihan Literasi Digital bagi ASN", provider: "LAN RI (ASN Unggul)", kind: .eLearning, jp: 10, agencies: []),
        .init(title: "Kursus Daring Penyusunan Kebijakan Publik", provider: "LAN RI (ASN Unggul)", kind: .eLearning, jp: 12, agencies: []),
        .init(title: "Webinar Nasional Smart ASN dan Birokrasi Berdampak", provider: "Kementerian PANRB", kind: .seminar, jp: 4, agencies: []),
        .init(title: "Seminar Nasional Manajemen Talenta ASN", provider: "BKN", kind: .seminar, jp: 6, agencies: []),
        .init(title: "Pelatihan Penyusunan Laporan Kinerja Instansi Pemerintah", provider: "BPSDM Provinsi Sumatera Barat", kind: .pelatihan, jp: 24, agencies: []),
        .init(title: "Pelatihan Mandiri Pembelajaran Berdiferensiasi", provider: "Kemendikbudristek (Platform Merdeka Mengajar)", kind: .eLearning, jp: 16,
              agencies: ["DISDIKBUD"]),
        .init(title: "Webinar Pencegahan Stunting bagi Tenaga Kesehatan", provider: "Kementerian Kesehatan (Plataran Sehat)", kind: .seminar, jp: 6,
              agencies: ["DINKES", "RSUD"]),
        .init(title: "Pelatihan Tata Laksana Penyakit Tidak Menular", provider: "Kementerian Kesehatan (Plataran Sehat)", kind: .eLearning, jp: 20,
              agencies: ["DINKES", "RSUD"]),
        .init(title: "Kursus Singkat Perencanaan Wilayah dan Kota", provider: "Universitas Andalas", kind: .pelatihan, jp: 20,
              agencies: ["BAPPEDA", "DPUPR", "DISPERKIM"]),
        .init(title: "Pelatihan Teknis Pengelolaan Keuangan Daerah", provider: "BPSDM Kementerian Dalam Negeri", kind: .pelatihan, jp: 24,
              agencies: ["BPKD", "INSPEKTORAT"]),
        .init(title: "Pelatihan Daring Keamanan Siber Pemerintahan", provider: "BSSN", kind: .eLearning, jp: 12, agencies: ["DISKOMINFO"]),
    ]
}

/// A day of the demo calendar, kept as the number of days since 1970-01-01 so that stepping and
/// weekdays are plain arithmetic.
struct DemoDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    let number: Int

    init(number: Int) { self.number = number }

    init(_ year: Int, _ month: Int, _ day: Int) {
        number = CalendarDate(year: year, month: month, day: day)!.daysSinceEpoch
    }

    var components: (year: Int, month: Int, day: Int) {
        let date = CalendarDate(daysSinceEpoch: number)
        return (date.year, date.month, date.day)
    }

    /// 0 for Monday through 6 for Sunday (1970-01-01 was a Thursday).
    var weekday: Int { (number % 7 + 7 + 3) % 7 }

    func adding(_ days: Int) -> DemoDay { DemoDay(number: number + days) }

    static func < (lhs: DemoDay, rhs: DemoDay) -> Bool { lhs.number < rhs.number }

    /// YYYY-MM-DD.
    var description: String { CalendarDate(daysSinceEpoch: number).description }

    /// HH:MM for minutes after midnight.
    static func clock(_ minutes: Int) -> String { "\(CalendarDate.pad(minutes / 60, 2)):\(CalendarDate.pad(minutes % 60, 2))" }
}
