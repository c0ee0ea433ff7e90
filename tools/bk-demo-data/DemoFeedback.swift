import BKProto
import BKTestSupport
import Identity

/// What people of the demo city say about their 2026 programme year, written out in Bahasa Indonesia:
/// the knowledge tests (`TES-<program code>`) of the programs whose completion needs a post-test, the
/// free texts of the reaction (L1) and follow-up (L3) forms, the service units surveyed for the IKM
/// (PermenPANRB 14/2017) with how their public rates them, and a year of the Head of the Health
/// Office's open dialogues (dialog terbuka) with their aspirations, directions and action items.
/// `DemoFeedbackPlan` turns this into answers; `DemoFeedbackLoader` sends them to bk-feedbackd.
///
/// The question ids are those of the built-in forms (Modules/Feedback/Model/BuiltInInstruments.swift):
/// L1-STANDAR l1-01…l1-15, L3-PESERTA l3p-01…l3p-10, L3-ATASAN l3a-01…l3a-09 and
/// IKM-PERMENPANRB-14-2017 ikm-1…ikm-9 with ikm-saran.
enum DemoFeedback {
    typealias Instrument = Binakarier_Feedback_V1_Instrument
    typealias Question = Binakarier_Feedback_V1_Question
    typealias ActionState = Binakarier_Feedback_V1_ActionState

    static let reactionForm = "L1-STANDAR"
    static let reactionTitle = "Evaluasi Penyelenggaraan Pelatihan oleh Peserta"
    static let followUpSelfForm = "L3-PESERTA"
    static let followUpSelfTitle = "Evaluasi Pascapelatihan oleh Peserta"
    static let followUpSupervisorForm = "L3-ATASAN"
    static let followUpSupervisorTitle = "Evaluasi Pascapelatihan oleh Atasan Langsung"
    static let ikmForm = "IKM-PERMENPANRB-14-2017"

    /// ASN accounts the feedback part may create (username the NIP, password `DemoData.employeePassword`)
    /// for the people who answer forms and speak in dialogues; the plan stays within it.
    static let accountBudget = 600
    /// Sessions whose follow-ups (L3) the demo opens and answers.
    static let followUpSessions = 6
    /// Sessions ending before this day are old enough for their follow-up (60/90 days) to be due.
    static let followUpBefore = DemoDay(DemoPrograms.year, 9, 1)
    /// Reaction forms of sessions that ended this many days before the demo's today are closed after
    /// answering (their week is long over); weak results then open an action item.
    static let closeReactionAfterDays = 14

    /// The three Dinas Kesehatan people DemoData gives accounts (the head, a unit head, a staff member):
    /// the feedback part leaves their forms for whoever logs in as them.
    static func dinkesAccounts(_ city: DemoCity) -> [Employee] {
        let dinkes = city.employees.filter { $0.agencyCode == "DINKES" }
        return [dinkes.first { $0.jobLevel == .jptPratama }, dinkes.first { $0.jobLevel == .administrator },
                dinkes.first { $0.jobLevel == .pelaksana }].compactMap { $0 }
    }

    // MARK: knowledge tests

    struct TestItem: Sendable {
        let text: String
        let options: [String]
        /// The correct option, from 0.
        let key: Int
    }

    /// The test of a program whose completion needs a post-test, or nil when there is none (or no items
    /// are written for it).
    static func test(for spec: DemoPrograms.Spec) -> Instrument? {
        guard spec.postTest, let items = testItems[spec.code], !items.isEmpty else { return nil }
        let questions = items.enumerated().map { entry in
            Question(
                id: "tes-\(entry.offset + 1)", kind: .testItem, text: entry.element.text, required: true, options: entry.element.options,
                key: [Int32(entry.element.key)], points: 1, section: "Soal")
        }
        return Instrument(
            code: "TES-\(spec.code)", title: "Tes Pengetahuan \(spec.title)", purpose: .postTest,
            description: """
                Tes pilihan ganda untuk mengukur penguasaan materi \(spec.title). Dipakai sebagai pre-test sebelum \
                pelatihan dan post-test sesudahnya. Pilih satu jawaban yang paling tepat untuk setiap soal. \
                Nilai kelulusan \(Int(spec.passMark)).
                """,
            questions: questions, passMark: spec.passMark)
    }

    static let testItems: [String: [TestItem]] = [
        "LAT-MANWAKTU": [
            .init(text: "Dalam matriks Eisenhower, tugas yang penting tetapi tidak mendesak sebaiknya ...",
                  options: ["Dikerjakan saat itu juga", "Dijadwalkan", "Didelegasikan", "Ditinggalkan"], key: 1),
            .init(text: "Teknik time blocking berarti ...",
                  options: ["Mengerjakan banyak tugas sekaligus", "Menunda pekerjaan sulit ke akhir pekan",
                            "Menyediakan blok waktu khusus untuk satu jenis pekerjaan", "Membagi semua tugas kepada rekan kerja"], key: 2),
            .init(text: "Prinsip Pareto (80/20) dalam manajemen waktu menyatakan bahwa ...",
                  options: ["Sebagian besar hasil berasal dari sebagian kecil kegiatan", "Delapan puluh persen waktu kerja habis untuk rapat",
                            "Dua puluh persen pegawai mengerjakan semua tugas", "Pekerjaan selesai delapan puluh persen lebih cepat"], key: 0),
            .init(text: "Manakah yang paling sering menjadi 'pencuri waktu' di kantor?",
                  options: ["Rencana kerja mingguan", "Daftar prioritas harian", "Rapat dengan agenda yang jelas",
                            "Notifikasi dan pesan yang terus-menerus"], key: 3),
            .init(text: "Sasaran kerja yang memenuhi kriteria SMART adalah sasaran yang ...",
                  options: ["Sederhana, mudah, aman, rapi, dan tepat", "Spesifik, terukur, dapat dicapai, relevan, dan berbatas waktu",
                            "Strategis, modern, akuntabel, rasional, dan transparan", "Singkat, menarik, aktual, realistis, dan terpadu"], key: 1),
            .init(text: "Tugas yang mendesak tetapi tidak penting sebaiknya ...",
                  options: ["Didelegasikan bila memungkinkan", "Dikerjakan sendiri lebih dahulu", "Dijadwalkan bulan depan", "Diabaikan"], key: 0),
            .init(text: "Kapan waktu yang paling baik untuk menyusun rencana kerja harian?",
                  options: ["Saat istirahat siang", "Setelah semua pesan dibalas",
                            "Di akhir hari kerja sebelumnya atau di awal hari", "Hanya bila atasan memintanya"], key: 2),
            .init(text: "Kebiasaan menunda pekerjaan penting karena merasa belum siap disebut ...",
                  options: ["Delegasi", "Multitasking", "Prioritisasi", "Prokrastinasi"], key: 3),
        ],
        "BIMTEK-RPP": [
            .init(text: "Asesmen diagnostik di awal pembelajaran bertujuan untuk ...",
                  options: ["Menentukan nilai rapor", "Mengetahui kemampuan awal dan kebutuhan belajar siswa",
                            "Menghukum siswa yang belum siap", "Menggantikan ujian akhir"], key: 1),
            .init(text: "Komponen inti modul ajar meliputi ...",
                  options: ["Tujuan pembelajaran, langkah pembelajaran, dan asesmen", "Daftar hadir dan jadwal piket",
                            "Anggaran kegiatan sekolah", "Profil guru dan kepala sekolah"], key: 0),
            .init(text: "Tujuan pembelajaran yang baik dirumuskan ...",
                  options: ["Sepanjang mungkin agar lengkap", "Tanpa menyebut kompetensi",
                            "Dengan kata kerja operasional yang dapat diukur", "Sama untuk semua mata pelajaran"], key: 2),
            .init(text: "Pembelajaran berdiferensiasi berarti ...",
                  options: ["Semua siswa mengerjakan tugas yang sama persis", "Memisahkan siswa ke kelas berbeda menurut nilainya",
                            "Mengurangi jam pelajaran", "Menyesuaikan konten, proses, atau produk dengan kebutuhan siswa"], key: 3),
            .init(text: "Asesmen formatif dilaksanakan ...",
                  options: ["Hanya di akhir semester", "Selama proses pembelajaran untuk memberi umpan balik",
                            "Hanya menjelang akreditasi sekolah", "Sebelum penerimaan siswa baru"], key: 1),
            .init(text: "Alur tujuan pembelajaran (ATP) disusun dengan cara ...",
                  options: ["Mengurutkan tujuan pembelajaran dari capaian pembelajaran secara logis", "Menyalin daftar isi buku teks",
                            "Mengikuti urutan absen siswa", "Menyamakan dengan sekolah lain"], key: 0),
            .init(text: "Konteks lokal yang tepat dijadikan sumber belajar di Sawahlunto adalah ...",
                  options: ["Contoh dari buku terjemahan saja", "Gedung-gedung di ibu kota negara",
                            "Kawasan Warisan Tambang Batubara Ombilin", "Konteks lokal tidak diperlukan"], key: 2),
        ],
        "EL-WAWASAN-KEBANGSAAN": [
            .init(text: "Empat konsensus dasar berbangsa dan bernegara adalah ...",
                  options: ["Pancasila, GBHN, Tap MPR, dan UU ASN", "Pancasila, UUD 1945, NKRI, dan Bhinneka Tunggal Ika",
                            "UUD 1945, Perpres, Perda, dan Pergub", "NKRI, ASEAN, PBB, dan OKI"], key: 1),
            .init(text: "Berikut ini termasuk nilai dasar bela negara, kecuali ...",
                  options: ["Cinta tanah air", "Sadar berbangsa dan bernegara", "Setia pada Pancasila sebagai ideologi negara",
                            "Mengutamakan kepentingan golongan"], key: 3),
            .init(text: "Sebagai perekat dan pemersatu bangsa, ASN harus ...",
                  options: ["Netral dan melayani semua golongan tanpa membeda-bedakan", "Berpihak pada partai politik tertentu",
                            "Mengutamakan kelompoknya sendiri", "Menghindari penugasan di daerah terpencil"], key: 0),
            .init(text: "Semboyan Bhinneka Tunggal Ika bermakna ...",
                  options: ["Bersatu kita teguh, bercerai kita runtuh", "Sekali merdeka tetap merdeka",
                            "Berbeda-beda tetapi tetap satu jua", "Kerja, kerja, kerja"], key: 2),
            .init(text: "Pancasila dan UUD 1945 disahkan oleh PPKI pada tanggal ...",
                  options: ["17 Agustus 1945", "18 Agustus 1945", "1 Juni 1945", "28 Oktober 1928"], key: 1),
            .init(text: "Contoh sikap bela negara ASN dalam pekerjaan sehari-hari adalah ...",
                  options: ["Menyebarkan informasi yang belum diverifikasi", "Menolak semua tugas di luar jam kerja",
                            "Bekerja jujur, disiplin, dan melayani dengan sepenuh hati", "Mengikuti kampanye calon kepala daerah"], key: 2),
        ],
        "EL-ASESMEN": [
            .init(text: "Asesmen sumatif bertujuan untuk ...",
                  options: ["Mengetahui gaya belajar siswa", "Menilai ketercapaian tujuan pembelajaran di akhir lingkup materi",
                            "Memberi umpan balik harian", "Mengelompokkan siswa menurut minatnya"], key: 1),
            .init(text: "Rubrik penilaian yang baik memuat ...",
                  options: ["Nama siswa dan nilai akhir saja", "Jumlah soal pilihan ganda", "Tanda tangan orang tua",
                            "Kriteria dan deskripsi setiap tingkat pencapaian"], key: 3),
            .init(text: "Umpan balik yang efektif bersifat ...",
                  options: ["Spesifik, tepat waktu, dan dapat ditindaklanjuti", "Umum dan diberikan di akhir tahun",
                            "Berupa angka saja", "Membandingkan siswa satu dengan yang lain"], key: 0),
            .init(text: "Asesmen diagnostik non-kognitif menggali ...",
                  options: ["Kemampuan berhitung siswa", "Nilai ujian tahun lalu",
                            "Kesejahteraan psikologis, minat, dan gaya belajar siswa", "Jumlah kehadiran guru"], key: 2),
            .init(text: "Dalam pembelajaran berdiferensiasi, hasil asesmen terutama dipakai untuk ...",
                  options: ["Menentukan peringkat kelas", "Menyesuaikan strategi pembelajaran dengan kebutuhan siswa",
                            "Mengurangi materi bagi semua siswa", "Menentukan guru pengganti"], key: 1),
            .init(text: "Portofolio sebagai teknik asesmen adalah ...",
                  options: ["Ujian tulis di akhir semester", "Catatan pelanggaran disiplin", "Daftar nilai dari guru lain",
                            "Kumpulan karya siswa yang menunjukkan perkembangan belajarnya"], key: 3),
        ],
        "LAT-PPGD": [
            .init(text: "Urutan bantuan hidup dasar pada korban henti jantung dewasa menurut pedoman terkini adalah ...",
                  options: ["A-B-C (jalan napas, napas, sirkulasi)", "C-A-B (kompresi, jalan napas, napas)", "B-A-C", "D-R-A"], key: 1),
            .init(text: "Kedalaman kompresi dada pada orang dewasa adalah ...",
                  options: ["1–2 cm", "2–3 cm", "5–6 cm", "8–10 cm"], key: 2),
            .init(text: "Kecepatan kompresi dada yang dianjurkan adalah ...",
                  options: ["100–120 kali per menit", "60–80 kali per menit", "140–160 kali per menit", "Sesuai kemampuan penolong"], key: 0),
            .init(text: "Dalam triase, pasien dengan sumbatan jalan napas diberi label ...",
                  options: ["Hijau", "Kuning", "Hitam", "Merah"], key: 3),
            .init(text: "Perbandingan kompresi dan ventilasi pada RJP dewasa oleh satu penolong adalah ...",
                  options: ["15:2", "30:2", "5:1", "30:1"], key: 1),
            .init(text: "Tindakan pertama pada korban dengan perdarahan hebat di lengan adalah ...",
                  options: ["Memberi minum", "Memindahkan korban tanpa penilaian", "Menekan langsung luka untuk menghentikan perdarahan",
                            "Menunggu dokter datang"], key: 2),
            .init(text: "AED (automated external defibrillator) digunakan untuk ...",
                  options: ["Memberikan kejut listrik pada irama jantung yang dapat dikejut", "Mengukur tekanan darah",
                            "Memberikan oksigen", "Memantau kadar gula darah"], key: 0),
            .init(text: "Posisi pemulihan (recovery position) diberikan kepada korban yang ...",
                  options: ["Mengalami henti napas", "Diduga patah tulang belakang", "Sadar penuh dan dapat berjalan",
                            "Tidak sadar tetapi bernapas normal"], key: 3),
        ],
        "BIMTEK-PBJ": [
            .init(text: "Prinsip pengadaan barang/jasa pemerintah meliputi ...",
                  options: ["Cepat, murah, dan mudah", "Efisien, efektif, transparan, terbuka, bersaing, adil, dan akuntabel",
                            "Rahasia, tertutup, dan terbatas", "Politis, strategis, dan populis"], key: 1),
            .init(text: "Pengadaan langsung untuk barang, pekerjaan konstruksi, atau jasa lainnya dapat dilakukan sampai nilai ...",
                  options: ["Rp50 juta", "Rp1 miliar", "Rp200 juta", "Rp2,5 miliar"], key: 2),
            .init(text: "Pihak yang menetapkan Harga Perkiraan Sendiri (HPS) adalah ...",
                  options: ["PPK", "Penyedia", "Pokja Pemilihan", "Auditor"], key: 0),
            .init(text: "E-purchasing dilaksanakan melalui ...",
                  options: ["Surat penawaran manual", "Media sosial", "Pelelangan tertutup", "Katalog elektronik"], key: 3),
            .init(text: "Konflik kepentingan dalam pengadaan terjadi apabila ...",
                  options: ["Penyedia mengikuti beberapa tender", "Anggota Pokja Pemilihan memiliki hubungan keluarga dengan peserta",
                            "PPK menyusun spesifikasi teknis", "Hasil pemilihan diumumkan"], key: 1),
            .init(text: "Dokumen yang mengikat PPK dengan penyedia adalah ...",
                  options: ["HPS", "Rencana umum pengadaan", "Kontrak", "Berita acara rapat persiapan"], key: 2),
            .init(text: "Rencana Umum Pengadaan diumumkan melalui aplikasi ...",
                  options: ["SiRUP", "SIPD", "e-Kinerja", "SIASN"], key: 0),
        ],
    ]

    // MARK: reaction (L1)

    /// The Likert items of L1-STANDAR (l1-09 rates the facilitators, l1-11/12 are before/after,
    /// l1-13 the NPS, l1-14/15 free text).
    static let reactionLikert = ["l1-01", "l1-02", "l1-03", "l1-04", "l1-05", "l1-06", "l1-07", "l1-08", "l1-10"]

    /// How each item leans from the session's level: extra share (percent) of 4s and of 2s. Relevance is
    /// rated highest; time allocation and the room lowest, as in most evaluations.
    static let reactionItemLean: [String: (four: Int, two: Int)] = [
        "l1-01": (12, -2), "l1-03": (8, -1), "l1-02": (2, 0), "l1-04": (-4, 2), "l1-05": (-10, 4), "l1-06": (-8, 4),
        "l1-07": (4, 0), "l1-08": (6, -1), "l1-10": (-2, 2),
    ]

    /// Programs whose first session is made weak (if it ran and is big enough), with what went wrong.
    static let weakPrograms = ["EL-WAWASAN-KEBANGSAAN", "LAT-SIAGA-BENCANA", "BIMTEK-SIPD", "SEM-SPBE"]

    static let usefulTexts = [
        "Materi langsung bisa saya terapkan di unit kerja.",
        "Contoh kasus dari Sawahlunto membuat materi mudah dipahami.",
        "Diskusi kelompok dan praktik langsung sangat membantu.",
        "Fasilitator menjelaskan dengan sabar dan memberi banyak contoh.",
        "Saya jadi lebih percaya diri menyelesaikan tugas sehari-hari.",
        "Bisa bertukar pengalaman dengan peserta dari perangkat daerah lain.",
        "Modulnya ringkas dan bisa dibaca ulang setelah pelatihan.",
        "Latihan menyusun rencana kerja yang bisa langsung dipakai di kantor.",
        "Penjelasan regulasi terbaru yang selama ini belum saya pahami.",
        "Banyak simulasi dan studi kasus, bukan hanya ceramah.",
        "Materi sesuai dengan masalah yang kami hadapi dalam pelayanan.",
        "Tips praktis yang sederhana tetapi berguna.",
    ]
    static let usefulOnline = [
        "Bisa belajar sesuai waktu saya sendiri tanpa meninggalkan pelayanan.",
        "Video materinya singkat dan bisa diulang kapan saja.",
    ]
    static let usefulSeminar = [
        "Narasumber inspiratif dan memberi contoh nyata.",
        "Wawasan baru tentang peran ASN di daerah.",
    ]
    static let usefulCoaching = [
        "Sesi coaching membantu saya menemukan solusi sendiri.",
        "Pertemuan mingguan membuat rencana perbaikan benar-benar dijalankan.",
    ]
    static let improveTexts = [
        "Waktunya terlalu padat; sebaiknya ditambah satu hari.",
        "Suhu ruangan kurang nyaman, mohon diperhatikan.",
        "Bahan tayang sebaiknya dibagikan sebelum kegiatan.",
        "Konsumsi terlambat datang pada hari kedua.",
        "Perbanyak praktik dan kurangi ceramah.",
        "Undangan sebaiknya dikirim lebih awal agar bisa mengatur tugas di kantor.",
        "Sertifikat mohon segera diterbitkan.",
        "Pengeras suara kurang jelas di bagian belakang.",
        "Mohon ada pendampingan setelah pelatihan.",
        "Jumlah peserta per kelas sebaiknya dikurangi agar diskusi lebih hidup.",
    ]
    static let improveOnline = [
        "Akses ke platform kadang lambat pada jam kerja.",
        "Kuis di akhir modul sebaiknya bisa diulang.",
    ]
    /// What participants of a weak session write.
    static let weakOnline = [
        "Platform e-learning sering tidak bisa diakses dan video tidak dapat diputar.",
        "Sesi sinkron sering terputus sehingga materi tidak tersampaikan utuh.",
        "Pertanyaan di forum diskusi tidak pernah dijawab.",
        "Tenggat tugas berubah-ubah tanpa pemberitahuan.",
        "Materi terlalu banyak teks dan kurang interaktif.",
    ]
    static let weakClassroom = [
        "Ruangan panas dan sempit untuk jumlah peserta sebanyak ini.",
        "Jadwal molor setiap hari dan sesi praktik dipangkas.",
        "Simulasi batal karena peralatan tidak tersedia.",
        "Materi terlalu umum dan kurang sesuai dengan tugas di kantor.",
        "Panitia sulit dihubungi dan informasi sering berubah.",
    ]
    static let weakUseful = [
        "Ada beberapa materi yang baru bagi saya.",
        "Bisa bertemu rekan dari perangkat daerah lain.",
        "Materi hari pertama cukup jelas.",
    ]

    // MARK: follow-up (L3)

    static let followUpSelfLikert = ["l3p-01", "l3p-02", "l3p-03", "l3p-04", "l3p-05", "l3p-06", "l3p-07"]
    static let followUpSupervisorLikert = ["l3a-01", "l3a-02", "l3a-03", "l3a-04", "l3a-05", "l3a-06", "l3a-07"]

    static let applicationTexts = [
        "Saya menyusun rencana kerja mingguan dan pekerjaan rutin selesai lebih cepat.",
        "Saya membagikan materi pelatihan kepada rekan satu bidang dalam rapat staf.",
        "Saya menerapkan SOP baru di unit dan keluhan pengguna layanan berkurang.",
        "Format laporan dari pelatihan saya pakai untuk laporan bulanan sejak bulan lalu.",
        "Saya mengusulkan perbaikan alur pelayanan yang kini dipakai di kantor.",
        "Saya lebih terstruktur memimpin rapat koordinasi kecil di bidang.",
        "Daftar periksa dari pelatihan kami tempel di ruang kerja dan dipakai setiap hari.",
    ]
    static let supervisorTexts = [
        "Lebih tertib menyusun laporan dan tepat waktu; masih perlu ditingkatkan dalam analisis data.",
        "Aktif berbagi pengetahuan dengan rekan; perlu dukungan untuk memimpin tim.",
        "Perubahan belum terlalu terlihat karena beban kerja tinggi; perlu pendampingan lanjutan.",
        "Lebih percaya diri melayani masyarakat dan menangani keluhan.",
        "Sudah menerapkan sebagian materi; perlu lebih banyak kesempatan praktik.",
        "Inisiatif meningkat, misalnya menyusun jadwal kerja tim tanpa diminta.",
    ]
    /// Weights of l3p-10's answers: time, the supervisor's support, facilities, relevance, other.
    static let obstacleWeights = [40, 15, 22, 10, 13]

    // MARK: public satisfaction (IKM)

    struct ServiceUnit: Sendable {
        enum Kind: Sendable { case puskesmas, rumahSakit, perizinan, kependudukan }
        let agency: String
        let unit: String
        /// As the survey's title names it.
        let name: String
        /// The unit's name in identity when the loader has to create it there (the Puskesmas, which the
        /// demo city's structure leaves out); empty for a unit of DemoCity.
        let createAs: String
        let kind: Kind
        /// Rated C (kurang baik) in the first semester, B after its improvements.
        let improving: Bool
    }

    static let serviceUnits: [ServiceUnit] = [
        .init(agency: "DINKES", unit: "PKM-KOLOK", name: "UPTD Puskesmas Kolok", createAs: "UPTD Puskesmas Kolok", kind: .puskesmas, improving: false),
        .init(agency: "DINKES", unit: "PKM-LUNTO", name: "UPTD Puskesmas Lunto", createAs: "UPTD Puskesmas Lunto", kind: .puskesmas, improving: false),
        .init(agency: "DINKES", unit: "PKM-SILUNGKANG", name: "UPTD Puskesmas Silungkang", createAs: "UPTD Puskesmas Silungkang",
              kind: .puskesmas, improving: false),
        .init(agency: "DINKES", unit: "PKM-TALAWI", name: "UPTD Puskesmas Talawi", createAs: "UPTD Puskesmas Talawi", kind: .puskesmas, improving: true),
        .init(agency: "RSUD", unit: "PELAYANAN", name: "Pelayanan Medis RSUD Sawahlunto", createAs: "", kind: .rumahSakit, improving: false),
        .init(agency: "DPMPTSP", unit: "BIDANG2", name: "Pelayanan Perizinan DPMPTSP Kota Sawahlunto", createAs: "", kind: .perizinan, improving: false),
        .init(agency: "DISDUKCAPIL", unit: "BIDANG2", name: "Pelayanan Administrasi Kependudukan Disdukcapil Kota Sawahlunto", createAs: "",
              kind: .kependudukan, improving: false),
    ]

    static func surveyTitle(_ unit: ServiceUnit, semester: Int) -> String {
        "Survei Kepuasan Masyarakat \(unit.name) Semester \(semester == 1 ? "I" : "II") \(DemoPrograms.year)"
    }

    /// How the public leans on each element (1 persyaratan … 9 sarana dan prasarana): extra share
    /// (percent) of 4s and of 2s. Health centres and permits are free (element 4: "Gratis").
    static func ikmLean(_ kind: ServiceUnit.Kind, element: Int) -> (four: Int, two: Int) {
        switch (kind, element) {
        case (.puskesmas, 4), (.perizinan, 4), (.kependudukan, 4): return (four: 50, two: -8)
        case (.rumahSakit, 4): return (four: -6, two: 10)
        case (_, 3): return (four: -10, two: 8)
        case (.rumahSakit, 9), (.puskesmas, 9): return (four: -6, two: 5)
        case (_, 8): return (four: -8, two: 6)
        case (_, 7): return (four: 8, two: -3)
        case (.perizinan, 2): return (four: 6, two: -2)
        default: return (four: 0, two: 0)
        }
    }

    static func ikmSuggestions(_ kind: ServiceUnit.Kind) -> [String] {
        switch kind {
        case .puskesmas: [
            "Antrean pendaftaran pagi hari perlu dipercepat.",
            "Ruang tunggu sempit dan panas.",
            "Petugasnya ramah, terima kasih.",
            "Obat kadang kosong sehingga harus membeli di luar.",
            "Toilet perlu lebih bersih.",
            "Jam pelayanan mohon dimulai tepat waktu.",
            "Pelayanan posyandu dan imunisasi sudah bagus.",
            "Tempat parkir sempit.",
        ]
        case .rumahSakit: [
            "Waktu tunggu di poliklinik terlalu lama.",
            "Jadwal dokter spesialis sebaiknya diumumkan lebih jelas.",
            "Pelayanan IGD cepat dan ramah.",
            "Antrean di apotek panjang.",
            "Informasi kamar rawat inap perlu lebih terbuka.",
            "Perawat sabar dan membantu.",
        ]
        case .perizinan: [
            "Perizinan daring sangat membantu.",
            "Persyaratan di laman web perlu diperjelas.",
            "Petugas membantu mengisi formulir OSS, terima kasih.",
            "Proses izin usaha mikro cepat.",
            "Mohon ada layanan di hari Sabtu.",
        ]
        case .kependudukan: [
            "KTP elektronik selesai di hari yang sama.",
            "Blanko KTP kadang habis.",
            "Antrean pagi sangat panjang.",
            "Layanan jemput bola ke kelurahan sangat membantu lansia.",
            "Aktivasi identitas kependudukan digital perlu dipandu.",
        ]
        }
    }

    static let ageBands: [Binakarier_Feedback_V1_RespondentAge] = [.twenties, .thirties, .forties, .fifties, .sixtyAndOver]
    static let educations: [Binakarier_Feedback_V1_RespondentEducation] = [.primary, .juniorSecondary, .seniorSecondary, .diploma, .bachelor, .master]
    static let occupations: [Binakarier_Feedback_V1_RespondentOccupation] = [
        .privateEmployee, .entrepreneur, .other, .civilServant, .entrepreneur, .other, .privateEmployee, .police, .military, .other,
    ]

    /// The counters (loket) of the units that have them, each with a QR poster.
    static func counters(_ unit: ServiceUnit) -> [Binakarier_Feedback_V1_ServiceCounter] {
        switch "\(unit.agency)/\(unit.unit)" {
        case "DINKES/PKM-TALAWI", "DINKES/PKM-KOLOK": [.init(code: "1", name: "Loket Pendaftaran"), .init(code: "2", name: "Loket Apotek")]
        case "DPMPTSP/BIDANG2": [.init(code: "1", name: "Front Office Perizinan"), .init(code: "2", name: "Loket Penyerahan Izin")]
        case "DISDUKCAPIL/BIDANG2": [
            .init(code: "1", name: "Loket KTP Elektronik"), .init(code: "2", name: "Loket Kartu Keluarga"), .init(code: "3", name: "Loket Akta Catatan Sipil"),
        ]
        default: []
        }
    }

    /// The follow-up plan (rencana tindak lanjut) of the improving unit for its lowest elements: element,
    /// what is done, the month it is due.
    static let talawiPlan: [(element: Int, title: String, due: String)] = [
        (3, "Menambah petugas loket pendaftaran pada jam sibuk (07.30–10.00) dan menerapkan nomor antrean", "2026-12-31"),
        (9, "Memperluas ruang tunggu dan menambah kipas angin serta kursi", "2027-03-31"),
        (8, "Menyediakan kotak saran dan nomor WhatsApp pengaduan yang dibalas paling lama 2 hari kerja", "2027-01-31"),
    ]

    // MARK: open dialogues of the Head of the Health Office

    struct ActionSpec: Sendable {
        /// The DINKES unit whose head owns it (SEKRETARIAT, KESMAS, P2P, YANKES).
        let owner: String
        /// YYYY-MM-DD.
        let due: String
        let state: ActionState
        /// Progress notes, written by the owner as the item moves (the first with the move to in progress).
        var notes: [String] = []
        /// DONE: the evidence of closure.
        var evidence: String = ""
        /// DROPPED: why (at most 200 bytes).
        var reason: String = ""
    }

    struct AspirationSpec: Sendable {
        let category: String
        let text: String
        let anonymous: Bool
        /// How many colleagues support it.
        let supports: Int
        /// The head's answer; empty: left unanswered.
        var answer: String = ""
        var action: ActionSpec? = nil
    }

    struct DirectionSpec: Sendable {
        let text: String
        var action: ActionSpec? = nil
    }

    struct DialogueSpec: Sendable {
        let topic: String
        let date: String
        let time: String
        let venue: String
        let aspirations: [AspirationSpec]
        let directions: [DirectionSpec]
        /// The minutes' conclusion when it is closed; empty: still open.
        var summary: String = ""
    }

    static let aulaDinkes = DemoPrograms.aulaDinkes

    static let dialogues: [DialogueSpec] = [
        DialogueSpec(
            topic: "Visi, Misi dan Program Prioritas Dinas Kesehatan Tahun 2026", date: "2026-01-22", time: "13:30", venue: aulaDinkes,
            aspirations: [
                AspirationSpec(
                    category: "kepegawaian",
                    text: "Mohon kejelasan pembagian tugas antara bidang dan puskesmas untuk program prioritas 2026, agar tidak ada kegiatan yang tumpang tindih.",
                    anonymous: false, supports: 7,
                    answer: "Akan kami tuangkan dalam matriks pembagian peran bidang dan puskesmas, dibahas pada rapat koordinasi Februari.",
                    action: ActionSpec(
                        owner: "SEKRETARIAT", due: "2026-02-27", state: .done,
                        notes: ["Draf matriks peran disusun bersama Bidang Kesmas, P2P dan Yankes.",
                                "Matriks dibahas pada rapat koordinasi 19 Februari 2026."],
                        evidence: "Matriks pembagian peran bidang dan puskesmas 2026 ditetapkan dengan Keputusan Kepala Dinas Kesehatan Nomor 440/045/DINKES/2026 dan dibagikan ke seluruh puskesmas.")),
                AspirationSpec(
                    category: "sarana",
                    text: "Jaringan internet di beberapa puskesmas sering putus, sehingga input data ke aplikasi SATUSEHAT dan ASIK sering terlambat.",
                    anonymous: true, supports: 11,
                    answer: "Kami koordinasikan dengan Diskominfo untuk penambahan bandwidth dan jaringan cadangan di puskesmas.",
                    action: ActionSpec(
                        owner: "YANKES", due: "2026-04-30", state: .inProgress,
                        notes: ["Surat permohonan ke Diskominfo sudah dikirim 10 Februari 2026.",
                                "Dua dari empat puskesmas sudah mendapat tambahan bandwidth; sisanya menunggu anggaran perubahan."])),
                AspirationSpec(
                    category: "pelayanan",
                    text: "Target SPM bidang kesehatan 2026 sebaiknya disosialisasikan sampai ke petugas, bukan hanya kepada kepala puskesmas.",
                    anonymous: false, supports: 4,
                    answer: "Setuju. Target SPM disosialisasikan di setiap puskesmas pada lokakarya mini bulanan."),
                AspirationSpec(
                    category: "lainnya",
                    text: "Usul agar capaian program prioritas ditampilkan pada papan informasi kinerja di kantor dinas dan puskesmas.",
                    anonymous: true, supports: 2,
                    answer: "Usul yang baik; akan dirancang bersama subbagian perencanaan.",
                    action: ActionSpec(
                        owner: "SEKRETARIAT", due: "2026-03-31", state: .dropped,
                        reason: "Digabung dengan dasbor kinerja Dinkes di portal Diskominfo; papan fisik tidak diadakan.")),
            ],
            directions: [
                DirectionSpec(
                    text: "Seluruh bidang dan puskesmas menjabarkan visi dinas ke dalam rencana aksi triwulanan yang terukur, dengan fokus penurunan stunting dan eliminasi TBC.",
                    action: ActionSpec(
                        owner: "KESMAS", due: "2026-03-31", state: .done,
                        notes: ["Format rencana aksi triwulanan dibagikan ke bidang dan puskesmas."],
                        evidence: "Rencana aksi triwulanan 2026 dari tiga bidang dan empat puskesmas terkumpul dan direkap dalam Renja Dinas Kesehatan 2026.")),
            ],
            summary: """
                Kepala Dinas menyampaikan visi, misi dan program prioritas 2026: penurunan stunting, eliminasi TBC dan \
                akreditasi puskesmas. Empat aspirasi ditanggapi; pembagian peran bidang dan puskesmas serta jaringan \
                internet puskesmas ditindaklanjuti. Arahan: rencana aksi triwulanan yang terukur di setiap bidang dan puskesmas.
                """),
        DialogueSpec(
            topic: "Peningkatan Mutu Pelayanan Puskesmas", date: "2026-03-05", time: "13:30", venue: "Aula UPTD Puskesmas Talawi",
            aspirations: [
                AspirationSpec(
                    category: "pelayanan",
                    text: "Antrean pendaftaran di puskesmas panjang pada pagi hari; mohon dipertimbangkan pendaftaran daring atau nomor antrean lewat WhatsApp.",
                    anonymous: false, supports: 9,
                    answer: "Puskesmas Talawi menjadi percontohan antrean daring mulai April, lalu diperluas ke puskesmas lain.",
                    action: ActionSpec(
                        owner: "YANKES", due: "2026-05-29", state: .done,
                        notes: ["Aplikasi antrean daring diuji coba di Puskesmas Talawi sejak 13 April 2026."],
                        evidence: "Antrean daring berjalan di Puskesmas Talawi; waktu tunggu pendaftaran turun dari rata-rata 45 menjadi 20 menit (rekap Mei 2026).")),
                AspirationSpec(
                    category: "sarana",
                    text: "Ruang tunggu Puskesmas Talawi sempit dan panas; pasien lansia sering harus berdiri.",
                    anonymous: true, supports: 6,
                    answer: "Perluasan ruang tunggu diusulkan dalam DAK fisik 2027; sementara ditambah kursi dan kipas angin.",
                    action: ActionSpec(
                        owner: "SEKRETARIAT", due: "2026-06-30", state: .dropped,
                        reason: "Dialihkan ke usulan DAK fisik 2027; kursi dan kipas angin sudah ditambah dari anggaran rutin.")),
                AspirationSpec(
                    category: "kepegawaian",
                    text: "Tenaga rekam medis di puskesmas kurang; petugas loket merangkap input data sampai sore.",
                    anonymous: false, supports: 5,
                    answer: "Akan kami usulkan dalam analisis kebutuhan formasi PPPK tahun ini.",
                    action: ActionSpec(
                        owner: "SEKRETARIAT", due: "2026-08-31", state: .inProgress,
                        notes: ["Analisis beban kerja rekam medis di empat puskesmas selesai.",
                                "Usulan formasi disampaikan ke BKPSDM; menunggu penetapan kebutuhan PPPK."])),
                AspirationSpec(
                    category: "pelayanan",
                    text: "Perlu SOP penanganan keluhan pasien yang seragam di semua puskesmas.",
                    anonymous: true, supports: 3,
                    answer: "Setuju, Bidang Pelayanan menyusun SOP bersama para kepala puskesmas."),
                AspirationSpec(
                    category: "lainnya",
                    text: "Hasil survei kepuasan masyarakat semester lalu sebaiknya dibahas bersama seluruh petugas, bukan hanya pimpinan.",
                    anonymous: false, supports: 4,
                    answer: "Hasil SKM akan dipaparkan pada lokakarya mini setiap puskesmas."),
            ],
            directions: [
                DirectionSpec(
                    text: "Setiap puskesmas menindaklanjuti hasil Survei Kepuasan Masyarakat dengan rencana perbaikan tertulis, terutama unsur waktu pelayanan dan sarana.",
                    action: ActionSpec(
                        owner: "YANKES", due: "2026-04-30", state: .done,
                        notes: ["Kepala puskesmas diminta mengirim rencana perbaikan paling lambat 15 April."],
                        evidence: "Rencana perbaikan pelayanan dari empat puskesmas diterima dan dipantau melalui laporan bulanan.")),
            ],
            summary: """
                Dialog membahas mutu pelayanan puskesmas. Antrean daring diuji coba di Puskesmas Talawi, kebutuhan tenaga \
                rekam medis diusulkan dalam formasi PPPK, dan setiap puskesmas menyusun rencana perbaikan berdasarkan hasil \
                Survei Kepuasan Masyarakat.
                """),
        DialogueSpec(
            topic: "Pengaturan Jaga Malam dan Beban Kerja Tenaga Kesehatan", date: "2026-05-07", time: "13:30", venue: aulaDinkes,
            aspirations: [
                AspirationSpec(
                    category: "kepegawaian",
                    text: "Jadwal jaga malam di puskesmas rawat inap tidak merata; sebagian perawat mendapat jaga lebih dari delapan kali sebulan.",
                    anonymous: true, supports: 14,
                    answer: "Jadwal jaga disusun ulang dengan batas paling banyak enam kali sebulan dan dipantau kepala puskesmas.",
                    action: ActionSpec(
                        owner: "YANKES", due: "2026-06-30", state: .done,
                        notes: ["Draf pedoman jadwal jaga dibahas dengan kepala puskesmas rawat inap."],
                        evidence: "Surat Edaran Kepala Dinas tentang pedoman jadwal jaga (paling banyak 6 kali sebulan) terbit 2 Juni 2026; rekap Juni menunjukkan semua puskesmas rawat inap memenuhinya.")),
                AspirationSpec(
                    category: "kesejahteraan",
                    text: "Insentif jaga malam belum dibayarkan sejak Februari.",
                    anonymous: true, supports: 12,
                    answer: "Keterlambatan karena revisi DPA; pembayaran dirapel paling lambat pertengahan Juni.",
                    action: ActionSpec(
                        owner: "SEKRETARIAT", due: "2026-06-15", state: .done,
                        notes: ["Revisi DPA disetujui BPKD 28 Mei 2026."],
                        evidence: "Insentif jaga Februari–Mei dibayarkan 12 Juni 2026 (SP2D Nomor 2026/06/1187).")),
                AspirationSpec(
                    category: "sarana",
                    text: "Ruang istirahat petugas jaga di Puskesmas Silungkang tidak layak: atap bocor dan tidak ada tempat tidur.",
                    anonymous: false, supports: 5,
                    answer: "Perbaikan ringan dianggarkan dari BLUD puskesmas.",
                    action: ActionSpec(
                        owner: "YANKES", due: "2026-08-31", state: .inProgress,
                        notes: ["Atap ruang istirahat sudah diperbaiki pada Juli 2026.",
                                "Pengadaan dua tempat tidur menunggu proses e-katalog."])),
                AspirationSpec(
                    category: "kepegawaian",
                    text: "Mohon pelatihan PPGD bagi perawat puskesmas yang belum bersertifikat sebelum ditugaskan jaga malam.",
                    anonymous: false, supports: 8,
                    answer: "Perawat puskesmas didaftarkan pada Pelatihan PPGD angkatan berikutnya bersama RSUD."),
                AspirationSpec(
                    category: "lainnya",
                    text: "Usul tukar jaga diatur lewat grup resmi agar tercatat dan tidak menimbulkan masalah.",
                    anonymous: false, supports: 2,
                    answer: "Boleh, dengan persetujuan kepala ruangan dan dicatat di buku jaga."),
            ],
            directions: [
                DirectionSpec(
                    text: "Kepala puskesmas memastikan setiap petugas jaga malam mendapat libur sesudah jaga dan jadwal diumumkan paling lambat tanggal 25 bulan sebelumnya."),
                DirectionSpec(
                    text: "Bidang Pelayanan menyusun kebutuhan tenaga perawat rawat inap untuk usulan formasi 2027.",
                    action: ActionSpec(owner: "YANKES", due: "2026-09-30", state: .`open`)),
            ],
            summary: """
                Dialog membahas jaga malam dan beban kerja. Pedoman jadwal jaga (paling banyak enam kali sebulan) ditetapkan, \
                insentif jaga yang tertunda dibayarkan, ruang istirahat Puskesmas Silungkang diperbaiki bertahap, dan perawat \
                yang belum bersertifikat PPGD didaftarkan pelatihan.
                """),
        DialogueSpec(
            topic: "Penyusunan dan Penilaian SKP Tahun 2026", date: "2026-07-09", time: "13:30", venue: aulaDinkes,
            aspirations: [
                AspirationSpec(
                    category: "kepegawaian",
                    text: "Banyak pegawai puskesmas belum paham cara menyusun SKP di aplikasi e-Kinerja BKN.",
                    anonymous: false, supports: 10,
                    answer: "Klinik SKP dibuka setiap Jumat di Sekretariat; pegawai juga dapat mengikuti Bimtek SKP dari BKPSDM.",
                    action: ActionSpec(
                        owner: "SEKRETARIAT", due: "2026-08-14", state: .done,
                        notes: ["Klinik SKP pertama diadakan 17 Juli 2026."],
                        evidence: "Klinik SKP berjalan empat kali (Juli–Agustus) dan diikuti 86 pegawai; 97% SKP 2026 Dinas Kesehatan terverifikasi di e-Kinerja.")),
                AspirationSpec(
                    category: "kepegawaian",
                    text: "Indikator kinerja perawat dan bidan di SKP belum mencerminkan pelayanan yang sebenarnya.",
                    anonymous: true, supports: 7,
                    answer: "Bidang Pelayanan bersama organisasi profesi menyusun contoh indikator untuk setiap jabatan fungsional.",
                    action: ActionSpec(
                        owner: "YANKES", due: "2026-09-30", state: .inProgress,
                        notes: ["Contoh indikator perawat selesai disusun bersama PPNI.", "Indikator bidan masih dibahas dengan IBI."])),
                AspirationSpec(
                    category: "lainnya",
                    text: "Penilaian perilaku kerja sebaiknya juga mendengar rekan kerja, tidak hanya atasan.",
                    anonymous: true, supports: 4,
                    answer: "Masukan dicatat; umpan balik rekan kerja dapat dipakai dalam dialog kinerja triwulanan."),
                AspirationSpec(
                    category: "kepegawaian",
                    text: "Mohon jadwal dialog kinerja triwulanan ditetapkan dari awal agar tidak mendadak.",
                    anonymous: false, supports: 3),
            ],
            directions: [
                DirectionSpec(
                    text: "Setiap atasan langsung melaksanakan dialog kinerja dengan bawahannya paling sedikit sekali setiap triwulan dan mencatatnya di e-Kinerja.",
                    action: ActionSpec(owner: "SEKRETARIAT", due: "2026-10-15", state: .`open`)),
            ],
            summary: """
                Dialog membahas penyusunan dan penilaian SKP 2026. Klinik SKP dibuka setiap Jumat, contoh indikator kinerja \
                jabatan fungsional kesehatan disusun bersama organisasi profesi, dan atasan langsung diminta melaksanakan \
                dialog kinerja setiap triwulan.
                """),
        DialogueSpec(
            topic: "Persiapan Akreditasi Puskesmas Tahun 2026", date: "2026-09-10", time: "13:30", venue: aulaDinkes,
            aspirations: [
                AspirationSpec(
                    category: "pelayanan",
                    text: "Banyak dokumen akreditasi (SOP, kerangka acuan) belum diperbarui sejak akreditasi sebelumnya.",
                    anonymous: false, supports: 9,
                    answer: "Dibentuk tim pendamping akreditasi dinas untuk mereviu dokumen setiap puskesmas.",
                    action: ActionSpec(
                        owner: "YANKES", due: "2026-10-31", state: .inProgress,
                        notes: ["Tim pendamping akreditasi ditetapkan 15 September 2026.",
                                "Reviu dokumen selesai di Puskesmas Kolok dan Lunto; Silungkang dan Talawi sedang berjalan."])),
                AspirationSpec(
                    category: "sarana",
                    text: "Alat kesehatan di beberapa puskesmas belum dikalibrasi, padahal ini syarat akreditasi.",
                    anonymous: true, supports: 8,
                    answer: "Kalibrasi dijadwalkan bersama BPFK Padang pada Oktober.",
                    action: ActionSpec(
                        owner: "YANKES", due: "2026-10-30", state: .done,
                        notes: ["Daftar alat yang perlu dikalibrasi dikumpulkan dari empat puskesmas."],
                        evidence: "Kalibrasi 142 alat kesehatan di empat puskesmas oleh BPFK Padang pada 19–23 Oktober 2026; sertifikat kalibrasi diarsipkan.")),
                AspirationSpec(
                    category: "kepegawaian",
                    text: "Petugas yang ditunjuk sebagai penanggung jawab mutu perlu pelatihan manajemen mutu puskesmas.",
                    anonymous: false, supports: 5,
                    answer: "Pelatihan manajemen mutu diusulkan untuk 2027; sementara mengikuti webinar Kementerian Kesehatan.",
                    action: ActionSpec(owner: "SEKRETARIAT", due: "2026-12-15", state: .`open`)),
                AspirationSpec(
                    category: "lainnya",
                    text: "Jadwal survei akreditasi sebaiknya diumumkan jauh hari agar pelayanan tidak terganggu.",
                    anonymous: true, supports: 2,
                    answer: "Jadwal survei diumumkan segera setelah ditetapkan oleh lembaga akreditasi."),
                AspirationSpec(
                    category: "pelayanan",
                    text: "Perlu simulasi telusur (tracer) sebelum surveior datang.",
                    anonymous: false, supports: 6,
                    answer: "Simulasi telusur dilaksanakan di setiap puskesmas pada November."),
            ],
            directions: [
                DirectionSpec(
                    text: "Setiap kepala puskesmas memimpin langsung persiapan akreditasi dan melaporkan kemajuannya setiap dua minggu kepada Kepala Dinas.",
                    action: ActionSpec(
                        owner: "YANKES", due: "2026-12-31", state: .inProgress,
                        notes: ["Laporan dua mingguan diterima dari keempat puskesmas sejak akhir September."])),
            ]),
        DialogueSpec(
            topic: "Budaya Kerja BerAKHLAK di Dinas Kesehatan", date: "2026-11-12", time: "13:30", venue: aulaDinkes,
            aspirations: [
                AspirationSpec(
                    category: "lainnya",
                    text: "Usul apel pagi diganti dengan briefing singkat per unit agar lebih bermakna.",
                    anonymous: false, supports: 6,
                    answer: "Briefing per unit dicoba setiap Senin mulai Desember; apel bersama tetap sebulan sekali.",
                    action: ActionSpec(owner: "SEKRETARIAT", due: "2026-12-31", state: .`open`)),
                AspirationSpec(
                    category: "kepegawaian",
                    text: "Perlu penghargaan sederhana bagi pegawai teladan setiap bulan.",
                    anonymous: true, supports: 11,
                    answer: "Setuju; Sekretariat menyiapkan kriteria Pegawai Teladan Bulanan.",
                    action: ActionSpec(owner: "SEKRETARIAT", due: "2027-01-29", state: .`open`)),
                AspirationSpec(
                    category: "lainnya",
                    text: "Masih ada pegawai yang datang terlambat dan pulang lebih awal; mohon penegakan disiplin yang adil.",
                    anonymous: true, supports: 4),
                AspirationSpec(
                    category: "pelayanan",
                    text: "Pelayanan di loket obat perlu lebih ramah; banyak keluhan pasien di kotak saran.",
                    anonymous: true, supports: 3),
                AspirationSpec(
                    category: "sarana",
                    text: "Toilet kantor dinas di lantai dua sering rusak.",
                    anonymous: false, supports: 5,
                    answer: "Sudah dilaporkan ke pengurus barang; diperbaiki minggu ini.",
                    action: ActionSpec(
                        owner: "SEKRETARIAT", due: "2026-11-20", state: .done,
                        evidence: "Toilet lantai dua diperbaiki 18 November 2026 (berita acara pekerjaan pemeliharaan).")),
                AspirationSpec(
                    category: "kesejahteraan",
                    text: "Mohon senam bersama setiap Jumat pagi diaktifkan kembali.",
                    anonymous: false, supports: 7,
                    answer: "Senam bersama diaktifkan lagi setiap Jumat minggu pertama dan ketiga."),
                // Abusive words hold it for moderation: the head of the agency (or BKPSDM) sees it in /moderasi.
                AspirationSpec(
                    category: "lainnya",
                    text: "Kepala ruangan di loket obat itu goblok, kerjanya cuma marah-marah tanpa memberi solusi.",
                    anonymous: true, supports: 0),
            ],
            directions: [
                DirectionSpec(
                    text: "Nilai BerAKHLAK menjadi ukuran perilaku kerja; setiap kepala bidang memberi contoh dalam pelayanan dan disiplin."),
                DirectionSpec(
                    text: "Sekretariat menyusun kode etik dan standar pelayanan internal Dinas Kesehatan sebagai penjabaran nilai BerAKHLAK.",
                    action: ActionSpec(owner: "SEKRETARIAT", due: "2027-01-29", state: .`open`)),
            ]),
    ]
}

/// A generator for the feedback part, derived from the city's seed and a label so that each part of
/// the plan draws its own numbers (changing one part leaves the others as they were).
struct DemoDice {
    private var random: SplitMix64

    init(seed: UInt64, _ label: String) {
        // FNV-1a of the label: stable across runs (Hasher is not).
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in label.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        random = SplitMix64(seed: seed ^ hash)
    }

    mutating func next(_ bound: Int) -> Int { Int(random.next() % UInt64(max(bound, 1))) }

    mutating func chance(_ percent: Int) -> Bool { next(100) < percent }

    /// One of `items`, which must not be empty.
    mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }

    mutating func shuffled<T>(_ items: [T]) -> [T] {
        var items = items
        guard items.count > 1 else { return items }
        for index in stride(from: items.count - 1, to: 0, by: -1) { items.swapAt(index, next(index + 1)) }
        return items
    }

    /// An index drawn by `weights`.
    mutating func weighted(_ weights: [Int]) -> Int {
        var roll = next(weights.reduce(0, +))
        for (index, weight) in weights.enumerated() {
            if roll < weight { return index }
            roll -= weight
        }
        return weights.count - 1
    }
}
