import BKProto

/// The instruments shipped with the service, ready to use, in Bahasa Indonesia. Published version 1 of each;
/// the service stores them on first start and never changes them (a changed text is a new version).
///
/// - `L1-STANDAR`: the participants' reaction right after a training, seminar or workshop (Kirkpatrick 1).
/// - `L3-PESERTA` and `L3-ATASAN`: application on the job 60–90 days later, by the participant and by the
///   direct supervisor, asking about the same behaviours so the two can be compared (Kirkpatrick 3).
/// - `IKM-PERMENPANRB-14-2017`: the public-satisfaction survey of a service unit, the nine elements of
///   PermenPANRB 14/2017 in the regulation's order, each with the regulation's own four answers.
///
/// Question ids are stable: answers and reports refer to them, so they never change within a version.
public enum BuiltInInstruments {
    // MARK: scales

    /// The Indonesian anchors of a 4-point and a 5-point agreement scale, lowest first.
    public static let agreement4: [String] = ["Sangat tidak setuju", "Tidak setuju", "Setuju", "Sangat setuju"]
    public static let agreement5: [String] = ["Sangat tidak setuju", "Tidak setuju", "Netral", "Setuju", "Sangat setuju"]
    /// The anchors of a 5-point level, lowest first: the two ratings of a before/after question.
    public static let level5: [String] = ["Sangat rendah", "Rendah", "Sedang", "Tinggi", "Sangat tinggi"]
    /// The anchors of a 5-point quality rating, lowest first: the rating of each facilitator.
    public static let rating5: [String] = ["Sangat kurang", "Kurang", "Cukup", "Baik", "Sangat baik"]

    /// Every built-in instrument, in the order they are stored.
    public static let all: [Binakarier_Feedback_V1_Instrument] = [reaction, followUpSelf, followUpSupervisor, ikm]

    // MARK: L1-STANDAR

    /// Kirkpatrick 1: the participants' reaction, filled in right after the session.
    public static let reaction = Binakarier_Feedback_V1_Instrument(
        code: "L1-STANDAR",
        version: 1,
        title: "Evaluasi Penyelenggaraan Pelatihan oleh Peserta",
        purpose: .reaction,
        description: """
            Formulir ini diisi oleh peserta segera setelah pelatihan, seminar, atau lokakarya (selanjutnya \
            disebut pelatihan) berakhir, untuk menilai materi, penyelenggaraan, narasumber/fasilitator, dan \
            manfaat pelatihan. Jawaban Saudara menjadi bahan perbaikan program pembinaan karier ASN berikutnya. \
            Berilah penilaian sesuai dengan keadaan yang sebenarnya.
            """,
        questions: [
            // Materi
            likert4("l1-01", "Materi", "Materi pelatihan relevan dengan tugas dan pekerjaan saya."),
            likert4("l1-02", "Materi", "Materi pelatihan disusun secara sistematis dan disampaikan dengan jelas sehingga mudah dipahami."),
            likert4("l1-03", "Materi", "Materi pelatihan bermanfaat untuk meningkatkan kinerja saya."),
            likert4("l1-04", "Materi", "Bahan ajar/modul yang dibagikan membantu saya memahami materi pelatihan."),
            // Penyelenggaraan
            likert4("l1-05", "Penyelenggaraan", "Jadwal dan alokasi waktu pelatihan sesuai dengan kebutuhan materi."),
            likert4("l1-06", "Penyelenggaraan", "Tempat pelatihan (atau platform daring) beserta sarana dan prasarananya memadai."),
            likert4("l1-07", "Penyelenggaraan", "Pelayanan administrasi panitia (pendaftaran, informasi, dan daftar hadir) berjalan tertib dan lancar."),
            likert4("l1-08", "Penyelenggaraan", "Panitia tanggap terhadap kebutuhan dan pertanyaan peserta."),
            // Fasilitator: one rating per facilitator of the session.
            .init(
                id: "l1-09",
                kind: .facilitatorRating,
                text: "Penilaian untuk setiap narasumber/fasilitator",
                required: false,
                options: rating5,
                section: "Fasilitator"
            ),
            // Manfaat
            likert4("l1-10", "Manfaat", "Saya mampu menerapkan pengetahuan dan keterampilan yang diperoleh dalam pekerjaan sehari-hari."),
            beforeAfter("l1-11", "Manfaat", "Tingkat kepercayaan diri saya dalam menerapkan materi pelatihan ini di tempat kerja (sebelum dan sesudah pelatihan)."),
            beforeAfter("l1-12", "Manfaat", "Tingkat kepercayaan diri saya dalam memimpin tim atau kelompok kerja (sebelum dan sesudah pelatihan)."),
            // Rekomendasi: NPS, 0 to 10.
            .init(
                id: "l1-13",
                kind: .nps,
                text: "Seberapa mungkin Anda merekomendasikan pelatihan ini kepada rekan kerja?",
                required: true,
                section: "Rekomendasi"
            ),
            // Saran dan Masukan
            longText("l1-14", "Saran dan Masukan", "Apa yang paling bermanfaat dari pelatihan ini bagi pekerjaan Anda?"),
            longText("l1-15", "Saran dan Masukan", "Apa yang perlu diperbaiki untuk penyelenggaraan pelatihan berikutnya?"),
        ],
        state: .published,
        builtIn: true
    )

    // MARK: L3-PESERTA

    /// Kirkpatrick 3: the participant about their own work, 60–90 days after the training.
    /// Items l3p-01…l3p-07 ask about the same behaviours as l3a-01…l3a-07 of `followUpSupervisor`.
    public static let followUpSelf = Binakarier_Feedback_V1_Instrument(
        code: "L3-PESERTA",
        version: 1,
        title: "Evaluasi Pascapelatihan oleh Peserta",
        purpose: .followUpSelf,
        description: """
            Formulir ini diisi oleh peserta 60 sampai dengan 90 hari setelah pelatihan berakhir, untuk menilai \
            sejauh mana pengetahuan dan keterampilan yang diperoleh telah diterapkan di tempat kerja. Atasan \
            langsung Saudara mengisi formulir serupa. Berilah penilaian sesuai dengan keadaan yang sebenarnya.
            """,
        questions: [
            likert4("l3p-01", "Penerapan di Tempat Kerja", "Saya telah menerapkan pengetahuan dan keterampilan yang diperoleh dari pelatihan dalam pekerjaan sehari-hari."),
            likert4("l3p-02", "Penerapan di Tempat Kerja", "Saya menyelesaikan pekerjaan lebih cepat dan tepat waktu dibandingkan sebelum mengikuti pelatihan."),
            likert4("l3p-03", "Penerapan di Tempat Kerja", "Kualitas hasil kerja saya meningkat setelah mengikuti pelatihan."),
            likert4("l3p-04", "Penerapan di Tempat Kerja", "Saya membagikan pengetahuan yang diperoleh dari pelatihan kepada rekan kerja."),
            likert4("l3p-05", "Penerapan di Tempat Kerja", "Saya lebih percaya diri mengambil inisiatif dan memimpin tim dalam pekerjaan."),
            likert4("l3p-06", "Penerapan di Tempat Kerja", "Penerapan hasil pelatihan membuat pelayanan saya kepada masyarakat atau pengguna layanan menjadi lebih baik."),
            likert4("l3p-07", "Penerapan di Tempat Kerja", "Atasan langsung memberikan dukungan dan kesempatan kepada saya untuk menerapkan hasil pelatihan."),
            beforeAfter("l3p-08", "Perubahan Kompetensi", "Tingkat penguasaan saya atas kompetensi utama yang dilatihkan, sebelum mengikuti pelatihan dan saat ini."),
            longText("l3p-09", "Contoh Penerapan", "Uraikan satu contoh nyata penerapan hasil pelatihan dalam pekerjaan Anda (kegiatan, waktu, dan hasilnya)."),
            .init(
                id: "l3p-10",
                kind: .singleChoice,
                text: "Apa hambatan utama yang Anda hadapi dalam menerapkan hasil pelatihan?",
                required: false,
                options: [
                    "Keterbatasan waktu",
                    "Kurangnya dukungan atasan",
                    "Keterbatasan sarana dan prasarana",
                    "Materi kurang relevan dengan pekerjaan",
                    "Lainnya",
                ],
                section: "Hambatan"
            ),
        ],
        state: .published,
        builtIn: true
    )

    // MARK: L3-ATASAN

    /// Kirkpatrick 3: the direct supervisor about one staff member who attended, 60–90 days after.
    public static let followUpSupervisor = Binakarier_Feedback_V1_Instrument(
        code: "L3-ATASAN",
        version: 1,
        title: "Evaluasi Pascapelatihan oleh Atasan Langsung",
        purpose: .followUpSupervisor,
        description: """
            Formulir ini diisi oleh atasan langsung 60 sampai dengan 90 hari setelah pelatihan berakhir, \
            mengenai pegawai yang mengikuti pelatihan. Penilaian didasarkan pada pengamatan Saudara atas \
            perilaku dan hasil kerja pegawai tersebut sehari-hari. Isilah satu formulir untuk setiap pegawai.
            """,
        questions: [
            likert4("l3a-01", "Penerapan di Tempat Kerja", "Pegawai ini menerapkan pengetahuan dan keterampilan yang diperoleh dari pelatihan dalam pekerjaan sehari-hari."),
            likert4("l3a-02", "Penerapan di Tempat Kerja", "Pegawai ini menyelesaikan pekerjaan lebih cepat dan tepat waktu dibandingkan sebelum mengikuti pelatihan."),
            likert4("l3a-03", "Penerapan di Tempat Kerja", "Kualitas hasil kerja pegawai ini meningkat setelah mengikuti pelatihan."),
            likert4("l3a-04", "Penerapan di Tempat Kerja", "Pegawai ini membagikan pengetahuan yang diperoleh dari pelatihan kepada rekan kerja."),
            likert4("l3a-05", "Penerapan di Tempat Kerja", "Pegawai ini lebih percaya diri mengambil inisiatif dan memimpin tim dalam pekerjaan."),
            likert4("l3a-06", "Penerapan di Tempat Kerja", "Pegawai ini memberikan pelayanan yang lebih baik kepada masyarakat atau pengguna layanan."),
            likert4("l3a-07", "Penerapan di Tempat Kerja", "Saya telah memberikan dukungan dan kesempatan kepada pegawai ini untuk menerapkan hasil pelatihan."),
            beforeAfter("l3a-08", "Perubahan Kinerja", "Kinerja pegawai ini dalam tugas yang berkaitan dengan pelatihan, sebelum mengikuti pelatihan dan saat ini."),
            longText("l3a-09", "Catatan Atasan", "Uraikan perubahan perilaku kerja pegawai ini yang Saudara amati setelah pelatihan, serta hal yang masih perlu dikembangkan."),
        ],
        state: .published,
        builtIn: true
    )

    // MARK: IKM-PERMENPANRB-14-2017

    /// The public-satisfaction survey of a service unit (Survei Kepuasan Masyarakat, PermenPANRB 14/2017):
    /// the nine elements in the regulation's order (`ikmElement` 1…9), each scored 1–4 with the answers of
    /// the regulation's sample questionnaire, lowest first; then an optional free text.
    public static let ikm = Binakarier_Feedback_V1_Instrument(
        code: "IKM-PERMENPANRB-14-2017",
        version: 1,
        title: "Survei Kepuasan Masyarakat",
        purpose: .ikm,
        description: """
            Survei Kepuasan Masyarakat terhadap unit penyelenggara pelayanan publik sesuai dengan Peraturan \
            Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 14 Tahun 2017. Survei ini \
            mengukur sembilan unsur pelayanan dan hasilnya menjadi Indeks Kepuasan Masyarakat (IKM) unit \
            pelayanan. Saudara tidak perlu mencantumkan nama. Pilihlah satu jawaban pada setiap pertanyaan \
            sesuai dengan pelayanan yang Saudara terima.
            """,
        questions: [
            ikmElement(1, "Persyaratan",
                "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
                ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"]),
            ikmElement(2, "Sistem, Mekanisme, dan Prosedur",
                "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
                ["Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"]),
            ikmElement(3, "Waktu Penyelesaian",
                "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
                ["Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"]),
            ikmElement(4, "Biaya/Tarif",
                "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
                ["Sangat mahal", "Cukup mahal", "Murah", "Gratis"]),
            ikmElement(5, "Produk Spesifikasi Jenis Pelayanan",
                "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?",
                ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"]),
            ikmElement(6, "Kompetensi Pelaksana",
                "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
                ["Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"]),
            ikmElement(7, "Perilaku Pelaksana",
                "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
                ["Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah"]),
            ikmElement(8, "Penanganan Pengaduan, Saran dan Masukan",
                "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
                ["Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik"]),
            ikmElement(9, "Sarana dan Prasarana",
                "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
                ["Buruk", "Cukup", "Baik", "Sangat baik"]),
            longText("ikm-saran", "Saran dan Masukan", "Saran dan masukan Saudara untuk perbaikan pelayanan di unit ini."),
        ],
        state: .published,
        builtIn: true
    )

    // MARK: building blocks

    /// A required 4-point agreement item.
    private static func likert4(_ id: String, _ section: String, _ text: String) -> Binakarier_Feedback_V1_Question {
        .init(id: id, kind: .likert4, text: text, required: true, options: agreement4, section: section)
    }

    /// A required before/after item: two ratings from "Sangat rendah" to "Sangat tinggi".
    private static func beforeAfter(_ id: String, _ section: String, _ text: String) -> Binakarier_Feedback_V1_Question {
        .init(id: id, kind: .beforeAfter, text: text, required: true, options: level5, section: section)
    }

    /// An optional free text.
    private static func longText(_ id: String, _ section: String, _ text: String) -> Binakarier_Feedback_V1_Question {
        .init(id: id, kind: .longText, text: text, required: false, section: section)
    }

    /// A required IKM element, id "ikm-<n>", with the element's own four answers, lowest first.
    private static func ikmElement(
        _ element: Int32, _ name: String, _ text: String, _ options: [String]
    ) -> Binakarier_Feedback_V1_Question {
        .init(id: "ikm-\(element)", kind: .likert4, text: text, required: true, options: options, ikmElement: element, section: name)
    }
}
