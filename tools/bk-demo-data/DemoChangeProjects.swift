import BKProto
import BKRPC
import Foundation
import Identity

/// The demo's leadership training: one PKP batch (Pelatihan Kepemimpinan Pengawas) of Dinas Kesehatan's
/// pengawas in October 2026, run to completion, and their change projects (aksi perubahan) at different
/// stages: one waiting for the mentor, one returned with a note, one just reported, one only planned, one
/// with every milestone confirmed, and one participant who has not written theirs yet. Participants,
/// mentors (their direct supervisors) and the coach (an administrator of BKPSDM) act with their own
/// accounts (created, password `asn-demo-2026`, when there is none).
///
/// Apart from `DemoProgramsPlan` on purpose: the rest of the demo year draws from one seeded generator,
/// and a program added there would move every other number of it. Running it again changes nothing:
/// the program, the batch (found by its first day) and each participant's project are made once; a
/// project that exists is left as it is.
struct DemoChangeProjects {
    static let programCode = "PKP-2026"
    static let days = ["2026-10-05", "2026-10-06", "2026-10-07", "2026-10-08", "2026-10-09"]
    static let participantsWanted = 6

    /// What each participant's project is, and how far it goes.
    struct Story {
        var title: String
        var problem: String
        var goal: String
        var milestones: [(title: String, term: Binakarier_Feedback_V1_MilestoneTerm, due: String, output: String)]
        /// Per milestone, in order: "c" confirmed, "r" returned, "w" reported and waiting, "-" planned.
        var stages: String
        var coachComment: String = ""
    }

    static let stories: [Story] = [
        Story(title: "Pendaftaran imunisasi daring di puskesmas", problem: "Antrean imunisasi menumpuk setiap Senin pagi; ibu dan bayi menunggu lebih dari satu jam.",
              goal: "Waktu tunggu imunisasi di bawah 30 menit melalui pendaftaran daring dan jadwal per jam.",
              milestones: [("SK tim efektif dan kesepakatan jadwal per jam", .short, "2026-10-09", "SK kepala puskesmas"),
                           ("Uji coba pendaftaran daring di dua posyandu", .medium, "2026-11-30", "Rekap pendaftaran dan waktu tunggu"),
                           ("Pendaftaran daring di seluruh posyandu wilayah kerja", .long, "2027-03-31", "Laporan bulanan waktu tunggu")],
              stages: "ccw", coachComment: "Ukur waktu tunggu sebelum dan sesudah; itu bukti manfaat yang paling kuat."),
        Story(title: "Dasbor stunting terpadu lintas puskesmas", problem: "Data balita stunting tersebar di tiap puskesmas dan terlambat sampai ke dinas.",
              goal: "Satu dasbor mingguan yang dipakai kepala bidang untuk menentukan intervensi.",
              milestones: [("Kesepakatan format data dengan enam puskesmas", .short, "2026-10-09", "Berita acara kesepakatan"),
                           ("Dasbor mingguan dipakai rapat bidang", .medium, "2026-12-15", "Notulen rapat bidang")],
              stages: "cr", coachComment: "Libatkan pengelola gizi puskesmas sejak awal agar data terisi tepat waktu."),
        Story(title: "Arsip digital rekam medis rawat jalan", problem: "Berkas rekam medis rawat jalan sering tidak ditemukan saat pasien kontrol.",
              goal: "Rekam medis rawat jalan dapat ditemukan dalam lima menit.",
              milestones: [("Inventaris dan penomoran ulang berkas", .short, "2026-10-09", "Daftar berkas"),
                           ("Pemindaian berkas pasien kontrol rutin", .medium, "2027-01-31", "Jumlah berkas terpindai")],
              stages: "w-"),
        Story(title: "Layanan antar obat bagi lansia dengan penyakit kronis", problem: "Lansia dengan hipertensi dan diabetes putus obat karena sulit datang ke puskesmas.",
              goal: "Lansia peserta prolanis menerima obat rutin di rumah setiap bulan.",
              milestones: [("Pendataan lansia prolanis yang sulit datang", .short, "2026-10-09", "Daftar sasaran"),
                           ("Kerja sama kader untuk antar obat", .medium, "2026-12-31", "Surat kesepakatan dengan kader")],
              stages: "--"),
        Story(title: "Antrean terpadu laboratorium kesehatan daerah", problem: "Sampel dari puskesmas menunggu berhari-hari karena tidak ada jadwal penerimaan.",
              goal: "Hasil pemeriksaan kembali ke puskesmas paling lama tiga hari kerja.",
              milestones: [("Jadwal penerimaan sampel per puskesmas", .short, "2026-10-09", "Surat edaran jadwal"),
                           ("Pelacakan sampel dengan kode batang", .medium, "2026-11-20", "Log pelacakan"),
                           ("Evaluasi waktu layanan tiga bulan", .long, "2026-11-27", "Laporan evaluasi")],
              stages: "ccc"),
    ]

    let city: DemoCity
    let programs: ProgramsAPI.Client
    let organizerFeedback: FeedbackAPI.Client
    let feedbackRPC: RPCClient
    let identity: API.Client
    let identityRPC: RPCClient
    var tokens: [String: String] = [:]
    var made = (projects: 0, reports: 0, reviews: 0, comments: 0)

    static func load(city: DemoCity, socketDirectory: String, identity: RPCClient) async throws {
        let programsPath = DaemonName.programs.socketPath(in: socketDirectory), feedbackPath = DaemonName.feedback.socketPath(in: socketDirectory)
        guard FileManager.default.fileExists(atPath: programsPath), FileManager.default.fileExists(atPath: feedbackPath) else {
            DemoProgramsLoader.note("bk-demo-data: bk-programsd atau bk-feedbackd tidak berjalan; angkatan PKP dan aksi perubahan dilewati.")
            return
        }
        let accounts = API.Client(identity)
        let organizer = try await accounts.login(.init(username: DemoData.organizer.username, password: DemoData.organizer.password))
        let administrator = try await accounts.login(.init(username: DemoData.administrator.username, password: DemoData.administrator.password))
        let programsRPC = RPCClient(socketPath: programsPath, defaultTimeout: .seconds(120))
        let feedbackRPC = RPCClient(socketPath: feedbackPath, defaultTimeout: .seconds(120))
        defer { Task { await programsRPC.close(); await feedbackRPC.close() } }
        var loader = DemoChangeProjects(
            city: city, programs: ProgramsAPI.Client(programsRPC, metadata: .bearer(organizer.token)),
            organizerFeedback: FeedbackAPI.Client(feedbackRPC, metadata: .bearer(organizer.token)), feedbackRPC: feedbackRPC,
            identity: API.Client(identity, metadata: .bearer(administrator.token)), identityRPC: identity)
        try await loader.run()
    }

    /// The coach: the first administrator of BKPSDM.
    var coach: Employee? { city.employees.first { $0.agencyCode == "BKPSDM" && $0.jobLevel == .administrator && $0.status == .active } }

    /// Dinas Kesehatan's active pengawas with a supervisor; those under the demo's section head first.
    var candidates: [Employee] {
        let dinkes = city.employees.filter { $0.agencyCode == "DINKES" }
        let sectionHead = dinkes.first { $0.jobLevel == .administrator }?.nip ?? ""
        let pengawas = dinkes.filter { $0.jobLevel == .pengawas && $0.status == .active && !$0.supervisorNip.isEmpty }
        return pengawas.filter { $0.supervisorNip == sectionHead } + pengawas.filter { $0.supervisorNip != sectionHead }
    }

    mutating func run() async throws {
        let session = try await batch()
        var enrolled = try await enrolledNIPs(session.id)
        if session.state == .open {
            for candidate in candidates where enrolled.count < Self.participantsWanted && !enrolled.contains(candidate.nip) {
                let answer = try await programs.enrol(.init(sessionId: session.id, nips: [candidate.nip]))
                if answer.results.first?.enrolment?.state == .enrolled { enrolled.append(candidate.nip) }
            }
            _ = try await programs.transitionSession(.init(id: session.id, transition: .start))
            let records = enrolled.flatMap { nip in Self.days.map { Binakarier_Programs_V1_AttendanceRecord(sessionId: session.id, nip: nip, date: $0, status: .hadir) } }
            _ = try await programs.markAttendance(.init(sessionId: session.id, records: records))
            _ = try await programs.transitionSession(.init(id: session.id, transition: .complete))
        }
        let existing = try await organizerFeedback.listChangeProjects(.init(pageSize: 100, sessionId: session.id)).projects
        let written = Set(existing.map(\.participantNip))
        let byNip = Dictionary(city.employees.map { ($0.nip, $0) }, uniquingKeysWith: { first, _ in first })
        for (index, nip) in enrolled.sorted().enumerated() where index < Self.stories.count && !written.contains(nip) {
            guard let mentor = byNip[nip]?.supervisorNip, !mentor.isEmpty else { continue }
            try await tell(Self.stories[index], participant: nip, mentor: mentor, session: session.id)
        }
        DemoProgramsLoader.note(
            "bk-demo-data: angkatan \(session.id) (\(enrolled.count) peserta): \(made.projects) aksi perubahan, \(made.reports) laporan kemajuan, \(made.reviews) tinjauan mentor, \(made.comments) komentar coach.")
    }

    /// The PKP program and its October batch, made once.
    func batch() async throws -> Binakarier_Programs_V1_Session {
        if (try? await programs.getProgram(.init(code: Self.programCode))) == nil {
            _ = try await programs.createProgram(.init(program: .init(
                code: Self.programCode, title: "Pelatihan Kepemimpinan Pengawas (PKP)", kind: .pelatihan,
                description: "Pelatihan kepemimpinan bagi pejabat pengawas (LAN): tahap klasikal yang dicatat di sini sebagai JP, lalu aksi perubahan di unit kerja dengan mentor (atasan langsung) dan coach.",
                goals: ["Peserta memimpin perubahan pelayanan di unit kerjanya melalui aksi perubahan yang terukur."],
                jp: Int32(Self.days.count * 8), audience: .init(jobLevels: [.pengawas]), organizerAgencyCode: "BKPSDM",
                completion: .init(minimumAttendancePercent: 80), evaluationLevels: [.reaction, .behaviour], costRupiah: 45_000_000)))
        }
        let sessions = try await programs.listSessions(.init(pageSize: 100, programCode: Self.programCode)).sessions
        if let found = sessions.first(where: { $0.days.map(\.date).min() == Self.days[0] }) { return found }
        var facilitators: [Binakarier_Programs_V1_Facilitator] = [
            .init(name: "Dr. Yenni Marlina, M.Pd.", role: "Widyaiswara, BPSDM Provinsi Sumatera Barat"),
        ]
        if let coach { facilitators.append(.init(nip: coach.nip, name: coach.name, role: "Coach aksi perubahan")) }
        let created = try await programs.createSession(.init(session: .init(
            programCode: Self.programCode, days: Self.days.map { .init(date: $0, startTime: "08:00", endTime: "16:00", jp: 8) },
            venue: "Aula BKPSDM", capacity: 30, facilitators: facilitators)))
        return try await programs.transitionSession(.init(id: created.id, transition: .open))
    }

    func enrolledNIPs(_ session: String) async throws -> [String] {
        try await programs.listEnrolments(.init(pageSize: 500, sessionId: session, state: .enrolled)).enrolments.map(\.nip)
    }

    /// A client of feedback as `nip` (an account made when there is none).
    mutating func feedback(as nip: String) async throws -> FeedbackAPI.Client {
        if let token = tokens[nip] { return FeedbackAPI.Client(feedbackRPC, metadata: .bearer(token)) }
        if (try? await identity.getAccount(.init(username: nip))) == nil {
            let name = city.employees.first { $0.nip == nip }?.name ?? nip
            _ = try? await identity.createAccount(.init(
                username: nip, password: DemoData.employeePassword, displayName: name, roles: [.employee], nip: nip))
        }
        let login = try await API.Client(identityRPC).login(.init(username: nip, password: DemoData.employeePassword))
        tokens[nip] = login.token
        return FeedbackAPI.Client(feedbackRPC, metadata: .bearer(login.token))
    }

    mutating func tell(_ story: Story, participant: String, mentor: String, session: String) async throws {
        let asParticipant = try await feedback(as: participant)
        var project = try await asParticipant.createChangeProject(.init(project: .init(
            sessionId: session, title: story.title, problem: story.problem, goal: story.goal,
            milestones: story.milestones.map { .init(title: $0.title, term: $0.term, dueDate: $0.due, output: $0.output) })))
        made.projects += 1
        let asMentor = try await feedback(as: mentor)
        for (milestone, stage) in zip(project.milestones, story.stages) where stage != "-" {
            project = try await asParticipant.reportMilestone(.init(
                projectId: project.id, milestoneId: milestone.id, report: "Tercapai: \(milestone.output.isEmpty ? milestone.title : milestone.output).",
                evidence: milestone.output))
            made.reports += 1
            switch stage {
            case "c":
                project = try await asMentor.reviewMilestone(.init(projectId: project.id, milestoneId: milestone.id, decision: .confirmed, note: "Sesuai dengan yang terlihat di unit kerja."))
                made.reviews += 1
            case "r":
                project = try await asMentor.reviewMilestone(.init(
                    projectId: project.id, milestoneId: milestone.id, decision: .returned, note: "Lampirkan notulen rapat bidang yang memakai dasbor."))
                made.reviews += 1
            default: break
            }
        }
        if !story.coachComment.isEmpty, !project.coachNip.isEmpty {
            _ = try await feedback(as: project.coachNip).commentChangeProject(.init(projectId: project.id, text: story.coachComment))
            made.comments += 1
        }
    }
}
