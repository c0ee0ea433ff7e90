import ArgumentParser
import BKProto
import BKRPC
import Foundation
import IdentityVocabulary

struct EnrolCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enrol",
        abstract: L(
            "Pendaftaran peserta sesi: penugasan, usulan atasan, permintaan sendiri dan persetujuannya.",
            en: "Enrolment in sessions: assignments, nominations, requests and their approval."),
        subcommands: [Add.self, Nominate.self, Request.self, Approve.self, Pending.self, Cancel.self, List.self])

    /// The session and the people: NIPs as arguments and, with --file, one per line.
    struct Participants: ParsableArguments {
        @Argument(help: ArgumentHelp(L("ID sesi, misalnya LAT-MANWAKTU-02.", en: "Session ID, e.g. LAT-MANWAKTU-02.")))
        var session: String
        @Argument(help: ArgumentHelp(L("NIP peserta.", en: "NIP of a participant.")))
        var nip: [String] = []
        @Option(help: ArgumentHelp(L(
            "Berkas berisi satu NIP per baris; teks setelah # diabaikan.",
            en: "A file with one NIP a line; text after # is ignored.")))
        var file: String?

        /// The NIPs given, in order, each once.
        func nips() throws -> [String] {
            var all = nip
            if let file {
                guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("berkas \(file) tidak terbaca") }
                for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) {
                    let text = line.prefix { $0 != "#" }.trimmingCharacters(in: .whitespaces)
                    if !text.isEmpty { all.append(text) }
                }
            }
            var seen: Set<String> = []
            all = all.filter { seen.insert($0).inserted }
            guard !all.isEmpty else { throw ValidationError("sebutkan paling sedikit satu NIP, sebagai argumen atau dengan --file") }
            return all
        }
    }

    /// The service takes at most this many NIPs in one call.
    static let batchSize = 1000

    /// Enrols (or, by the caller's role, nominates) everyone, prints one line each and fails with exit
    /// code 1 when anyone was refused.
    static func enrol(_ participants: Participants, overrideReason: String, global: GlobalOptions) async throws {
        let nips = try participants.nips()
        let session = participants.session
        let response = try await global.programs { (client) async throws -> Binakarier_Programs_V1_EnrolResponse in
            var all = Binakarier_Programs_V1_EnrolResponse()
            for start in stride(from: 0, to: nips.count, by: EnrolCommand.batchSize) {
                let batch = Array(nips[start..<min(start + EnrolCommand.batchSize, nips.count)])
                let page = try await client.enrol(.init(sessionId: session, nips: batch, overrideReason: overrideReason))
                all.results += page.results
            }
            return all
        }
        let refused = response.results.filter { EnrolCommand.isRefused($0) }.count
        try global.print(response) {
            var lines = response.results.map { EnrolCommand.describe($0) }
            if response.results.count > 1 {
                let enrolled = response.results.filter { $0.enrolment?.state == .enrolled }.count
                let waitlisted = response.results.filter { $0.enrolment?.state == .waitlisted }.count
                let requested = response.results.filter { $0.enrolment?.state == .requested }.count
                var summary = "\(enrolled) terdaftar, \(waitlisted) daftar tunggu"
                if requested > 0 { summary += ", \(requested) menunggu persetujuan" }
                summary += ", \(refused) ditolak."
                lines += ["", summary]
            }
            return lines.joined(separator: "\n")
        }
        if refused > 0 { throw ExitCode.failure }
    }

    static func isRefused(_ result: Binakarier_Programs_V1_EnrolResult) -> Bool {
        result.enrolment == nil || !result.error.isEmpty
    }

    /// "NIP: terdaftar", "NIP: daftar tunggu no. 2", "NIP: ditolak: why (CODE)".
    static func describe(_ result: Binakarier_Programs_V1_EnrolResult) -> String {
        guard let enrolment = result.enrolment, result.error.isEmpty else {
            let code = result.code == 0 ? "" : " (\(RPCStatusCode(wireValue: result.code)))"
            return "\(result.nip): ditolak: \(result.error)\(code)"
        }
        return "\(result.nip): \(ProgramsVocabulary.status(of: enrolment))"
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Daftarkan peserta ke sesi (penyelenggara); tanpa kursi, peserta masuk daftar tunggu.",
                en: "Enrol people in a session (organisers); without a seat they go on the waitlist."),
            discussion: L(
                "Satu baris hasil per NIP; keluar dengan kode 1 bila ada yang ditolak.",
                en: "One result line per NIP; exits with code 1 when anyone was refused."))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var participants: Participants
        @Option(help: ArgumentHelp(L(
            "Daftarkan juga yang di luar sasaran program, dengan alasan ini (dicatat).",
            en: "Enrol people outside the program's audience too, for this reason (recorded).")))
        var overrideReason: String = ""

        func run() async throws {
            try await EnrolCommand.enrol(participants, overrideReason: overrideReason, global: global)
        }
    }

    struct Nominate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Usulkan bawahan sendiri untuk ikut sesi (atasan dan kepala perangkat daerah).",
                en: "Nominate your own staff for a session (supervisors and agency heads)."),
            discussion: L(
                "Satu baris hasil per NIP; keluar dengan kode 1 bila ada yang ditolak.",
                en: "One result line per NIP; exits with code 1 when anyone was refused."))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var participants: Participants

        func run() async throws {
            try await EnrolCommand.enrol(participants, overrideReason: "", global: global)
        }
    }

    struct Request: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Minta kursi di sesi untuk diri sendiri: atasan langsung menyetujui, lalu BKPSDM mengonfirmasi.",
                en: "Ask for a seat in a session for yourself: your direct supervisor approves, then BKPSDM confirms."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("ID sesi.", en: "Session ID."))) var session: String

        func run() async throws {
            let enrolment = try await global.programs { try await $0.requestEnrolment(.init(sessionId: session)) }
            try global.print(enrolment) { "Sesi \(enrolment.sessionId): \(ProgramsVocabulary.status(of: enrolment))." }
        }
    }

    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Setujui (atau, dengan --reject dan --reason, tolak) satu tahap permintaan ikut sesi.",
                en: "Approve (or, with --reject and --reason, refuse) one step of a request for a seat."),
            discussion: L(
                """
                Atasan langsung (atau kepala perangkat daerah) memutuskan tahap pertama; BKPSDM mengonfirmasi, \
                dan konfirmasi memberi nomor surat tugas. BKPSDM juga dapat langsung mengonfirmasi.
                """,
                en: """
                The direct supervisor (or the agency head) decides the first step; BKPSDM confirms, and the \
                confirmation numbers the duty letter. BKPSDM may also confirm at once.
                """))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("ID sesi.", en: "Session ID."))) var session: String
        @Argument(help: ArgumentHelp(L("NIP yang meminta.", en: "NIP of the person asking."))) var nip: String
        @Flag(help: ArgumentHelp(L("Tolak permintaan.", en: "Refuse the request."))) var reject = false
        @Option(help: ArgumentHelp(L("Alasan keputusan.", en: "Why."))) var reason: String = ""

        func run() async throws {
            let enrolment = try await global.programs { try await $0.decideEnrolment(.init(
                sessionId: session, nip: nip, approve: !reject, reason: reason)) }
            try global.print(enrolment) {
                "Permintaan \(enrolment.nip) untuk sesi \(enrolment.sessionId) \(reject ? "ditolak" : "disetujui"): "
                    + "\(ProgramsVocabulary.status(of: enrolment))."
            }
        }
    }

    struct Pending: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Permintaan yang menunggu keputusan Anda (atasan, kepala perangkat daerah, BKPSDM).",
                en: "Requests waiting for your decision (supervisor, agency head, BKPSDM)."))
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let all = try await global.programs { client in
                try await allPages { try await client.listPendingApprovals(.init(pageSize: listPageSize, pageToken: $0)) }
            }
            try global.print(all) {
                table(["SESI", "PROGRAM", "MULAI", "NIP", "OPD", "TAHAP", "BATAS", ""], all.approvals.map { item in
                    let enrolment = item.enrolment ?? .init()
                    return [
                        enrolment.sessionId, item.programTitle, item.firstDay, enrolment.nip, enrolment.agencyCode,
                        enrolment.approvalStage == .supervisor ? "atasan" : "BKPSDM",
                        enrolment.stepDueTimeUnix > 0 ? formatUnix(enrolment.stepDueTimeUnix) : "", item.overdue ? "LEWAT BATAS" : "",
                    ]
                })
            }
        }
    }

    struct Cancel: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Batalkan pendaftaran; kursinya diberikan kepada urutan pertama daftar tunggu.",
                en: "Cancel an enrolment; the seat goes to the first on the waitlist."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("ID sesi.", en: "Session ID."))) var session: String
        @Argument(help: ArgumentHelp(L("NIP peserta.", en: "NIP of the participant."))) var nip: String
        @Option(help: ArgumentHelp(L("Alasan pembatalan.", en: "Why it is cancelled."))) var reason: String = ""

        func run() async throws {
            let enrolment = try await global.programs { try await $0.cancelEnrolment(.init(sessionId: session, nip: nip, reason: reason)) }
            try global.print(enrolment) { "Pendaftaran \(enrolment.nip) di sesi \(enrolment.sessionId) dibatalkan." }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L("Tampilkan pendaftaran satu sesi atau satu pegawai.", en: "List the enrolments of a session or of a person."))
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L("Pendaftaran di sesi ini.", en: "Enrolments in this session."))) var session: String?
        @Option(help: ArgumentHelp(L("Pendaftaran pegawai ini.", en: "Enrolments of this person."))) var nip: String?
        @Option(help: ArgumentHelp(L(
            "Hanya yang berstatus ini: diminta, terdaftar, daftar-tunggu, dibatalkan atau ditolak.",
            en: "Only those in this state: diminta, terdaftar, daftar-tunggu, dibatalkan or ditolak.")))
        var state: String?

        func validate() throws {
            guard (session == nil) != (nip == nil) else { throw ValidationError("sebutkan tepat satu dari --session atau --nip") }
        }

        func run() async throws {
            let stateFilter = try state.map {
                try ProgramsVocabulary.require($0, "status pendaftaran", ProgramsVocabulary.enrolmentStates, ProgramsVocabulary.enrolmentState)
            } ?? .unspecified
            let all = try await global.programs { client in
                try await allPages { try await client.listEnrolments(.init(
                    pageSize: listPageSize, pageToken: $0, sessionId: session ?? "", nip: nip ?? "", state: stateFilter)) }
            }
            try global.print(all) {
                table(["SESI", "NIP", "OPD", "STATUS", "SUMBER", "HADIR", "PRE", "POST", "HASIL", "SERTIFIKAT"], all.enrolments.map { row($0) })
            }
        }

        func row(_ enrolment: Enrolment) -> [String] {
            let attendance: String = ProgramsVocabulary.decimal(enrolment.attendancePercent) + "%"
            return [
                enrolment.sessionId, enrolment.nip, enrolment.agencyCode, ProgramsVocabulary.status(of: enrolment),
                ProgramsVocabulary.display(enrolment.source), attendance,
                ProgramsVocabulary.score(enrolment.preTestScore), ProgramsVocabulary.score(enrolment.postTestScore),
                ProgramsVocabulary.display(enrolment.completion), enrolment.certificateNumber,
            ]
        }
    }
}
