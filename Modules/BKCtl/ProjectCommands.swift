import ArgumentParser
import BKProto
import BKRPC
import Foundation

typealias ChangeProject = Binakarier_Feedback_V1_ChangeProject
typealias ProjectMilestone = Binakarier_Feedback_V1_Milestone

extension Binakarier_Feedback_V1_ListChangeProjectsResponse: PagedResponse {
    var items: [ChangeProject] {
        get { projects }
        set { projects = newValue }
    }
}

struct ProjectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project",
        abstract: L(
            "Aksi perubahan pelatihan kepemimpinan (PKA, PKP, PKN): tahapan, laporan kemajuan, konfirmasi mentor, komentar coach.",
            en: "Change projects of leadership training (PKA, PKP, PKN): milestones, progress reports, the mentor's confirmation, the coach's comments."),
        discussion: L(
            """
            Peserta menyusun aksi perubahannya dengan tahapan jangka pendek, menengah dan panjang; mentornya \
            (atasan langsung, kecuali penyelenggara menetapkan yang lain) mengonfirmasi atau mengembalikan setiap \
            laporan kemajuan. Tahapan yang dikonfirmasi mentor menjadi bukti Level 3 pada laporan program.
            """,
            en: """
            The participant writes their change project with short, medium and long-term milestones; their mentor \
            (the direct supervisor, unless an organiser names another) confirms or returns each progress report. \
            Milestones the mentor confirms are Level 3 evidence in the program report.
            """),
        subcommands: [Create.self, Update.self, List.self, Show.self, Report.self, Confirm.self, Return.self, Comment.self])

    static func term(_ term: Binakarier_Feedback_V1_MilestoneTerm) -> String {
        switch term {
        case .short: "pendek"
        case .medium: "menengah"
        case .long: "panjang"
        default: "-"
        }
    }

    static func state(_ state: Binakarier_Feedback_V1_MilestoneState) -> String {
        switch state {
        case .planned: "direncanakan"
        case .reported: "menunggu mentor"
        case .confirmed: "dikonfirmasi mentor"
        case .returned: "dikembalikan"
        default: "-"
        }
    }

    static func role(_ role: Binakarier_Feedback_V1_ProjectRole) -> String {
        switch role {
        case .participant: "peserta"
        case .mentor: "mentor"
        case .coach: "coach"
        case .organizer: "penyelenggara"
        default: "-"
        }
    }

    /// `[ID=]jangka;tenggat;judul[;keluaran]`, e.g. `pendek;2026-12-01;SK tim efektif;SK kepala dinas`.
    static func milestone(_ text: String) throws -> ProjectMilestone {
        var body = Substring(text)
        var id = ""
        if let equals = body.firstIndex(of: "="), let semicolon = body.firstIndex(of: ";"), equals < semicolon {
            id = String(body[..<equals]).trimmingCharacters(in: .whitespaces)
            body = body[body.index(after: equals)...]
        }
        let parts = body.split(separator: ";", maxSplits: 3, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count >= 3 else {
            throw ValidationError("--milestone '\(text)': tulis [ID=]jangka;tenggat;judul[;keluaran], misalnya pendek;2026-12-01;SK tim efektif")
        }
        let term: Binakarier_Feedback_V1_MilestoneTerm
        switch parts[0].lowercased() {
        case "pendek", "short": term = .short
        case "menengah", "medium": term = .medium
        case "panjang", "long": term = .long
        default: throw ValidationError("--milestone '\(text)': jangka '\(parts[0])' tidak dikenal; pilih pendek, menengah atau panjang")
        }
        return .init(id: id, title: parts[2], term: term, dueDate: try ProgramsVocabulary.requireDate(parts[1], "--milestone"),
                     output: parts.count > 3 ? parts[3] : "")
    }

    static let header = ["ID", "PESERTA", "ANGKATAN", "JUDUL", "MENTOR", "COACH", "DIKONFIRMASI", "MENUNGGU"]

    static func row(_ project: ChangeProject) -> [String] {
        [project.id, project.participantNip, project.sessionId, project.title, project.mentorNip,
         project.coachNip.isEmpty ? project.coachName : project.coachNip, "\(project.confirmed)/\(project.milestones.count)", "\(project.awaitingReview)"]
    }

    static func describe(_ project: ChangeProject) -> String {
        var rows: [(String, String)] = [
            ("ID", project.id), ("Judul", project.title), ("Pelatihan", "\(project.training) · angkatan \(project.sessionId)"),
            ("Peserta", "\(project.participantNip) (\(project.agencyCode))"), ("Mentor", project.mentorNip),
            ("Coach", [project.coachNip, project.coachName].filter { !$0.isEmpty }.joined(separator: " · ")),
            ("Kemajuan", "\(project.confirmed) dari \(project.milestones.count) tahapan dikonfirmasi mentor\(project.state == .completed ? " (selesai)" : "")"),
        ]
        if !project.problem.isEmpty { rows.append(("Isu", project.problem)) }
        if !project.goal.isEmpty { rows.append(("Tujuan", project.goal)) }
        var text = keyValues(rows)
        text += "\n\nTahapan:\n" + table(["ID", "JANGKA", "TENGGAT", "TAHAPAN", "STATUS", "LAPORAN", "CATATAN MENTOR"], project.milestones.map { milestone in
            [milestone.id, term(milestone.term), milestone.dueDate, milestone.title, state(milestone.state),
             [milestone.report, milestone.evidence].filter { !$0.isEmpty }.joined(separator: " · "), milestone.mentorNote]
        })
        if !project.comments.isEmpty {
            text += "\n\nKomentar:\n" + table(["WAKTU", "OLEH", "PERAN", "TAHAPAN", "KOMENTAR"], project.comments.map { comment in
                [formatUnix(comment.createTimeUnix), comment.author, role(comment.role), comment.milestoneId, comment.text]
            })
        }
        return text
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Susun aksi perubahan: peserta untuk dirinya, penyelenggara untuk peserta mana pun (--participant).",
                en: "Write a change project: a participant their own, an organiser anyone's (--participant)."))
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L("Angkatan pelatihan kepemimpinan, misalnya PKP-2026-01.", en: "The leadership training's batch, e.g. PKP-2026-01.")))
        var session: String
        @Option(help: ArgumentHelp(L("Judul aksi perubahan.", en: "Title of the change project."))) var title: String
        @Option(help: ArgumentHelp(L("Isu yang diangkat.", en: "The problem it addresses."))) var problem: String = ""
        @Option(help: ArgumentHelp(L("Tujuan dan manfaat.", en: "Goal and benefit."))) var goal: String = ""
        @Option(help: ArgumentHelp(L(
            "Tahapan: jangka;tenggat;judul[;keluaran], jangka pendek, menengah atau panjang (dapat diulang).",
            en: "A milestone: term;due;title[;output], term pendek, menengah or panjang (repeatable).")))
        var milestone: [String] = []
        @Option(help: ArgumentHelp(L("Penyelenggara: NIP peserta.", en: "Organisers: the participant's NIP."))) var participant: String = ""
        @Option(help: ArgumentHelp(L("Penyelenggara: NIP mentor (bawaan: atasan langsung).", en: "Organisers: the mentor's NIP (default: the direct supervisor).")))
        var mentor: String = ""
        @Option(help: ArgumentHelp(L("Penyelenggara: NIP coach.", en: "Organisers: the coach's NIP."))) var coach: String = ""
        @Option(help: ArgumentHelp(L("Penyelenggara: nama coach dari luar.", en: "Organisers: an outside coach's name."))) var coachName: String = ""

        func run() async throws {
            let project = ChangeProject(
                sessionId: session, participantNip: participant, title: title, problem: problem, goal: goal, mentorNip: mentor,
                coachNip: coach, coachName: coachName, milestones: try milestone.map(ProjectCommand.milestone))
            let created = try await global.feedback { try await $0.createChangeProject(.init(project: project)) }
            try global.print(created) { "Aksi perubahan \(created.id) tersimpan.\n\n" + ProjectCommand.describe(created) }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Ubah aksi perubahan; hanya yang disebutkan yang berubah. --milestone menggantikan seluruh rencana tahapan.",
                en: "Change a change project; only what is given changes. --milestone replaces the whole plan."),
            discussion: L(
                """
                Tahapan lama disebut dengan ID-nya (T1=pendek;2026-12-01;judul) dan tetap dengan laporannya; tahapan \
                tanpa ID ditambahkan. Tahapan yang sudah dikonfirmasi mentor tidak dapat diubah atau dihapus. Mentor dan \
                coach diubah oleh penyelenggara.
                """,
                en: """
                Existing milestones are given with their ID (T1=pendek;2026-12-01;title) and keep their reports; \
                milestones without an ID are added. Milestones the mentor confirmed cannot change or be removed. \
                Organisers change the mentor and the coach.
                """))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("ID aksi perubahan.", en: "Change project ID."))) var id: String
        @Option(help: ArgumentHelp(L("Judul baru.", en: "New title."))) var title: String?
        @Option(help: ArgumentHelp(L("Isu.", en: "Problem."))) var problem: String?
        @Option(help: ArgumentHelp(L("Tujuan dan manfaat.", en: "Goal and benefit."))) var goal: String?
        @Option(help: ArgumentHelp(L("Tahapan: [ID=]jangka;tenggat;judul[;keluaran] (dapat diulang).", en: "A milestone: [ID=]term;due;title[;output] (repeatable).")))
        var milestone: [String] = []
        @Option(help: ArgumentHelp(L("Penyelenggara: NIP mentor.", en: "Organisers: the mentor's NIP."))) var mentor: String?
        @Option(help: ArgumentHelp(L("Penyelenggara: NIP coach (kosong: tanpa).", en: "Organisers: the coach's NIP (empty: none)."))) var coach: String?
        @Option(help: ArgumentHelp(L("Penyelenggara: nama coach.", en: "Organisers: the coach's name."))) var coachName: String?

        func run() async throws {
            var project = ChangeProject(id: id)
            var paths: [String] = []
            if let title { project.title = title; paths.append("title") }
            if let problem { project.problem = problem; paths.append("problem") }
            if let goal { project.goal = goal; paths.append("goal") }
            if !milestone.isEmpty { project.milestones = try milestone.map(ProjectCommand.milestone); paths.append("milestones") }
            if let mentor { project.mentorNip = mentor; paths.append("mentor_nip") }
            if let coach { project.coachNip = coach; paths.append("coach_nip") }
            if let coachName { project.coachName = coachName; paths.append("coach_name") }
            guard !paths.isEmpty else {
                throw ValidationError("sebutkan paling sedikit satu perubahan: --title, --problem, --goal, --milestone, --mentor, --coach atau --coach-name")
            }
            let request = Binakarier_Feedback_V1_UpdateChangeProjectRequest(project: project, updateMask: .init(paths: paths))
            let updated = try await global.feedback { try await $0.updateChangeProject(request) }
            try global.print(updated) { "Aksi perubahan \(updated.id) diperbarui.\n\n" + ProjectCommand.describe(updated) }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Tampilkan aksi perubahan: menurut angkatan, program, mentor, peserta atau coach (yang boleh Anda lihat).",
                en: "List change projects by batch, program, mentor, participant or coach (those you may see)."))
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L("Angkatan.", en: "Batch."))) var session: String = ""
        @Option(help: ArgumentHelp(L("Kode program.", en: "Program code."))) var program: String = ""
        @Option(help: ArgumentHelp(L("NIP mentor.", en: "Mentor's NIP."))) var mentor: String = ""
        @Option(help: ArgumentHelp(L("NIP peserta.", en: "Participant's NIP."))) var participant: String = ""
        @Option(help: ArgumentHelp(L("NIP coach.", en: "Coach's NIP."))) var coach: String = ""
        @Option(help: ArgumentHelp(L("Kode perangkat daerah peserta.", en: "The participants' agency code."))) var agency: String = ""
        @Flag(help: ArgumentHelp(L("Hanya yang menunggu konfirmasi mentor.", en: "Only those waiting for the mentor."))) var awaiting = false

        func run() async throws {
            let all = try await global.feedback { client in
                try await allPages { try await client.listChangeProjects(.init(
                    pageSize: listPageSize, pageToken: $0, sessionId: session, programCode: program, mentorNip: mentor, participantNip: participant,
                    coachNip: coach, agencyCode: agency, awaitingReviewOnly: awaiting)) }
            }
            try global.print(all) {
                var text = table(ProjectCommand.header, all.projects.map(ProjectCommand.row))
                let waiting = all.projects.reduce(0) { $0 + Int($1.awaitingReview) }
                if waiting > 0 { text += "\n\n\(waiting) laporan kemajuan menunggu konfirmasi mentor." }
                return text
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L("Tampilkan satu aksi perubahan dengan tahapan dan komentarnya.", en: "Show one change project with its milestones and comments."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("ID aksi perubahan.", en: "Change project ID."))) var id: String

        func run() async throws {
            let project = try await global.feedback { try await $0.getChangeProject(.init(id: id)) }
            try global.print(project) { ProjectCommand.describe(project) }
        }
    }

    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Peserta: laporkan kemajuan satu tahapan (setelah pelatihan dimulai); mentor lalu mengonfirmasinya.",
                en: "Participant: report a milestone's progress (once the course has started); the mentor then confirms it."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("ID aksi perubahan.", en: "Change project ID."))) var id: String
        @Argument(help: ArgumentHelp(L("ID tahapan, misalnya T1.", en: "Milestone ID, e.g. T1."))) var milestone: String
        @Option(help: ArgumentHelp(L("Apa yang sudah dicapai.", en: "What has been achieved."))) var text: String
        @Option(help: ArgumentHelp(L("Bukti: nomor dokumen, tautan, tempat.", en: "Evidence: a document number, a link, a place."))) var evidence: String = ""

        func run() async throws {
            let project = try await global.feedback {
                try await $0.reportMilestone(.init(projectId: id, milestoneId: milestone, report: text, evidence: evidence))
            }
            try global.print(project) { "Laporan kemajuan \(milestone.uppercased()) terkirim; menunggu konfirmasi mentor.\n\n" + ProjectCommand.describe(project) }
        }
    }

    struct Confirm: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L("Mentor: konfirmasi tahapan yang dilaporkan (bukti Level 3).", en: "Mentor: confirm a reported milestone (Level 3 evidence)."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("ID aksi perubahan.", en: "Change project ID."))) var id: String
        @Argument(help: ArgumentHelp(L("ID tahapan.", en: "Milestone ID."))) var milestone: String
        @Option(help: ArgumentHelp(L("Catatan untuk peserta.", en: "A note for the participant."))) var note: String = ""

        func run() async throws {
            let project = try await global.feedback {
                try await $0.reviewMilestone(.init(projectId: id, milestoneId: milestone, decision: .confirmed, note: note))
            }
            try global.print(project) { "Tahapan \(milestone.uppercased()) dikonfirmasi.\n\n" + ProjectCommand.describe(project) }
        }
    }

    struct Return: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L("Mentor: kembalikan laporan kemajuan dengan catatan; peserta melapor lagi.", en: "Mentor: return a progress report with a note; the participant reports again."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("ID aksi perubahan.", en: "Change project ID."))) var id: String
        @Argument(help: ArgumentHelp(L("ID tahapan.", en: "Milestone ID."))) var milestone: String
        @Option(help: ArgumentHelp(L("Apa yang masih kurang.", en: "What is still missing."))) var note: String

        func run() async throws {
            let project = try await global.feedback {
                try await $0.reviewMilestone(.init(projectId: id, milestoneId: milestone, decision: .returned, note: note))
            }
            try global.print(project) { "Laporan \(milestone.uppercased()) dikembalikan.\n\n" + ProjectCommand.describe(project) }
        }
    }

    struct Comment: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L("Coach, mentor, peserta atau penyelenggara: beri komentar.", en: "Coach, mentor, participant or organiser: comment."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("ID aksi perubahan.", en: "Change project ID."))) var id: String
        @Option(help: ArgumentHelp(L("Komentar.", en: "The comment."))) var text: String
        @Option(help: ArgumentHelp(L("Tentang tahapan ini (bawaan: seluruh aksi perubahan).", en: "About this milestone (default: the whole project).")))
        var milestone: String = ""

        func run() async throws {
            let project = try await global.feedback { try await $0.commentChangeProject(.init(projectId: id, milestoneId: milestone, text: text)) }
            try global.print(project) { "Komentar terkirim.\n\n" + ProjectCommand.describe(project) }
        }
    }
}
