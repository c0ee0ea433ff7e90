import ArgumentParser
import BKProto
import BKRPC
import Foundation
import IdentityVocabulary

struct SessionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session",
        abstract: L(
            "Sesi (angkatan, kelas) sebuah program: jadwal, kapasitas dan statusnya.",
            en: "Sessions (batches, classes) of a program: schedule, capacity and state."),
        discussion: L(
            "Sesi dibuat sebagai draf, lalu dibuka (menerima pendaftaran), berjalan dan selesai; sebelum selesai sesi dapat dibatalkan.",
            en: "A session starts as a draft, then opens (takes enrolments), starts and completes; until it completes it can be cancelled."),
        subcommands: [Create.self, List.self, Show.self, Open.self, Start.self, Complete.self, Cancel.self])

    static func describe(_ session: ProgramSession) -> String {
        let state: String = ProgramsVocabulary.display(session.state)
        let seats = "\(session.capacity) (terdaftar \(session.enrolledCount), daftar tunggu \(session.waitlistedCount))"
        let jp = String(ProgramsVocabulary.totalJP(session.days))
        let facilitators: String = session.facilitators.map { ProgramsVocabulary.display($0) }.joined(separator: "; ")
        var rows: [(String, String)] = [
            ("ID", session.id), ("Program", session.programCode), ("Angkatan", String(session.batch)), ("Status", state),
            ("Tempat", session.venue), ("Tautan daring", session.onlineLink), ("Kapasitas", seats), ("JP", jp),
            ("Fasilitator", facilitators),
        ]
        if !session.cancelReason.isEmpty { rows.append(("Alasan batal", session.cancelReason)) }
        let days = table(["TANGGAL", "JAM", "JP"], session.days.map { (day: SessionDay) -> [String] in
            let hours: String = day.startTime.isEmpty ? "-" : "\(day.startTime)-\(day.endTime)"
            return [day.date, hours, String(day.jp)]
        })
        return keyValues(rows) + "\n\n" + days
    }

    /// Moves a session along draft → open → running → completed, or to cancelled.
    static func transition(
        _ id: String, _ transition: Binakarier_Programs_V1_SessionTransition, reason: String = "", global: GlobalOptions,
        next: String = ""
    ) async throws {
        let session = try await global.programs { try await $0.transitionSession(.init(id: id, transition: transition, reason: reason)) }
        try global.print(session) {
            "Sesi \(session.id) kini \(ProgramsVocabulary.display(session.state))." + (next.isEmpty ? "" : " " + next)
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L("Jadwalkan sesi baru sebuah program, sebagai draf (khusus penyelenggara).", en: "Schedule a new session of a program, as a draft (organisers only)."),
            discussion: L(
                """
                Setiap --day ditulis TANGGAL[,MULAI-SELESAI],JP, misalnya --day 2026-03-10,08:00-16:00,8 --day 2026-03-11,8; \
                JP semua hari harus berjumlah JP program. Fasilitator ditulis dengan NIP (ASN) atau nama, boleh diikuti \
                :peran, misalnya --facilitator "Dr. Rina Wulandari:narasumber".
                """,
                en: """
                Each --day is DATE[,START-END],JP, e.g. --day 2026-03-10,08:00-16:00,8 --day 2026-03-11,8; the days' JP \
                must add up to the program's. A facilitator is a NIP (an ASN) or a name, optionally followed by :role, \
                e.g. --facilitator "Dr. Rina Wulandari:narasumber".
                """))
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L("Kode program.", en: "Program code."))) var program: String
        @Option(help: ArgumentHelp(L(
            "Satu hari sesi: TANGGAL[,MULAI-SELESAI],JP (boleh diulang).",
            en: "One day of the session: DATE[,START-END],JP (repeatable).")))
        var day: [String]
        @Option(help: ArgumentHelp(L("Jumlah kursi.", en: "Number of seats."))) var capacity: Int32
        @Option(help: ArgumentHelp(L("Tempat, misalnya \"Aula BKPSDM\".", en: "Venue, e.g. \"Aula BKPSDM\"."))) var venue: String = ""
        @Option(help: ArgumentHelp(L("Tautan untuk sesi daring.", en: "Link for an online session."))) var onlineLink: String = ""
        @Option(help: ArgumentHelp(L(
            "Fasilitator: NIP atau \"Nama\", boleh diikuti :peran (boleh diulang).",
            en: "A facilitator: NIP or \"Name\", optionally followed by :role (repeatable).")))
        var facilitator: [String] = []

        func run() async throws {
            let days = try day.map(ProgramsVocabulary.sessionDay)
            let facilitators = try facilitator.map(ProgramsVocabulary.facilitator)
            let draft = ProgramSession(
                programCode: program, days: days, venue: venue, onlineLink: onlineLink, capacity: capacity, facilitators: facilitators)
            let session = try await global.programs { try await $0.createSession(.init(session: draft)) }
            try global.print(session) {
                "Sesi \(session.id) dibuat sebagai draf (\(session.days.count) hari, \(ProgramsVocabulary.totalJP(session.days)) JP, "
                    + "kapasitas \(session.capacity)); buka pendaftaran dengan `bkctl session open \(session.id)`."
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: L("Tampilkan daftar sesi.", en: "List sessions."))
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L("Hanya sesi program ini.", en: "Only sessions of this program."))) var program: String = ""
        @Option(help: ArgumentHelp(L(
            "Hanya sesi berstatus ini: draf, dibuka, berjalan, selesai atau dibatalkan.",
            en: "Only sessions in this state: draf, dibuka, berjalan, selesai or dibatalkan.")))
        var state: String?
        @Option(help: ArgumentHelp(L("Hanya sesi yang punya hari pada tahun ini.", en: "Only sessions with a day in this year.")))
        var year: Int32?

        func run() async throws {
            let stateFilter = try state.map {
                try ProgramsVocabulary.require($0, "status sesi", ProgramsVocabulary.sessionStates, ProgramsVocabulary.sessionState)
            } ?? .unspecified
            let all = try await global.programs { client in
                try await allPages { try await client.listSessions(.init(
                    pageSize: listPageSize, pageToken: $0, programCode: program, state: stateFilter, year: year ?? 0)) }
            }
            try global.print(all) {
                table(["ID", "PROGRAM", "TANGGAL", "JP", "KAPASITAS", "TERDAFTAR", "TUNGGU", "STATUS"], all.sessions.map { (session: ProgramSession) -> [String] in
                    [session.id, session.programCode, ProgramsVocabulary.span(session.days.map(\.date)),
                     String(ProgramsVocabulary.totalJP(session.days)), String(session.capacity), String(session.enrolledCount),
                     String(session.waitlistedCount), ProgramsVocabulary.display(session.state)]
                })
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: L("Tampilkan satu sesi dan jadwalnya.", en: "Show one session and its schedule."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("ID sesi, misalnya LAT-MANWAKTU-02.", en: "Session ID, e.g. LAT-MANWAKTU-02."))) var id: String

        func run() async throws {
            let session = try await global.programs { try await $0.getSession(.init(id: id)) }
            try global.print(session) { SessionCommand.describe(session) }
        }
    }

    struct Open: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L("Buka pendaftaran sesi draf (khusus penyelenggara).", en: "Open a draft session for enrolment (organisers only)."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("ID sesi.", en: "Session ID."))) var id: String

        func run() async throws {
            try await SessionCommand.transition(id, .`open`, global: global, next: "Daftarkan peserta dengan `bkctl enrol add \(id) NIP...`.")
        }
    }

    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L("Mulai sesi yang dibuka; kehadiran dapat dicatat (khusus penyelenggara).", en: "Start an open session; attendance can be marked (organisers only)."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("ID sesi.", en: "Session ID."))) var id: String

        func run() async throws {
            try await SessionCommand.transition(id, .start, global: global)
        }
    }

    struct Complete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Selesaikan sesi: kelulusan tiap peserta dihitung, sertifikat diterbitkan dan JP dicatat (khusus penyelenggara).",
                en: "Complete a session: each participant's completion is computed, certificates issued and JP credited (organisers only)."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("ID sesi.", en: "Session ID."))) var id: String

        func run() async throws {
            try await SessionCommand.transition(
                id, .complete, global: global, next: "Lihat hasilnya dengan `bkctl enrol list --session \(id)`.")
        }
    }

    struct Cancel: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Batalkan sesi yang belum selesai; semua pendaftarannya ikut dibatalkan (khusus penyelenggara).",
                en: "Cancel a session that has not completed; all its enrolments are cancelled (organisers only)."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("ID sesi.", en: "Session ID."))) var id: String
        @Option(help: ArgumentHelp(L("Alasan pembatalan.", en: "Why it is cancelled."))) var reason: String

        func run() async throws {
            try await SessionCommand.transition(id, .cancel, reason: reason, global: global)
        }
    }
}
