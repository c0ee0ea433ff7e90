import ArgumentParser
import BKProto
import BKRPC
import Foundation
import IdentityVocabulary

struct AttendanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attendance",
        abstract: L("Kehadiran peserta sesi, per hari.", en: "Attendance of a session's participants, day by day."),
        subcommands: [Mark.self, Import.self, Show.self, Code.self, CheckIn.self])

    struct Mark: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Catat kehadiran beberapa peserta pada satu hari sesi (khusus penyelenggara).",
                en: "Mark the attendance of some participants on one day of a session (organisers only)."),
            discussion: L(
                "Semua catatan disimpan atau tidak sama sekali; sesi harus sedang berjalan atau sudah selesai.",
                en: "All records are saved or none; the session must be running or completed."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("ID sesi.", en: "Session ID."))) var session: String
        @Option(help: ArgumentHelp(L(
            "Hari sesi: YYYY-MM-DD atau DD/MM/YYYY.",
            en: "The session day: YYYY-MM-DD or DD/MM/YYYY.")))
        var date: String
        @Option(help: ArgumentHelp(L(
            "hadir, terlambat, izin, sakit atau alpa.",
            en: "hadir (present), terlambat (late), izin (excused), sakit (sick) or alpa (absent).")))
        var status: String
        @Argument(help: ArgumentHelp(L("NIP peserta.", en: "NIP of a participant."))) var nip: [String]
        @Option(help: ArgumentHelp(L("Keterangan.", en: "A note."))) var note: String = ""

        func run() async throws {
            let day = try ProgramsVocabulary.requireDate(date, "--date")
            let parsed = try ProgramsVocabulary.require(
                status, "status kehadiran", ProgramsVocabulary.attendanceStatuses, ProgramsVocabulary.attendanceStatus)
            let records = nip.map { Binakarier_Programs_V1_AttendanceRecord(sessionId: session, nip: $0, date: day, status: parsed, note: note) }
            let saved = try await global.programs { try await $0.markAttendance(.init(sessionId: session, records: records)) }
            try global.print(saved) {
                "\(saved.recordsSaved) catatan kehadiran disimpan (\(ProgramsVocabulary.display(parsed)), \(day))."
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L("Impor kehadiran sesi dari berkas CSV (khusus penyelenggara).", en: "Import a session's attendance from a CSV file (organisers only)."),
            discussion: L(
                """
                Baris pertama berisi nama kolom: NIP, Tanggal (YYYY-MM-DD atau DD/MM/YYYY), Status (hadir, terlambat, \
                izin, sakit, alpa) dan Keterangan (boleh tidak ada). Semua baris disimpan atau tidak sama sekali: baris \
                yang bermasalah dicantumkan dengan nomor barisnya, dan perintah keluar dengan kode 1. Paling besar 4 MiB.
                """,
                en: """
                The first row names the columns: NIP, Tanggal (YYYY-MM-DD or DD/MM/YYYY), Status (hadir, terlambat, \
                izin, sakit, alpa) and Keterangan (optional). All rows are saved or none: bad rows are listed with \
                their line number, and the command exits with code 1. At most 4 MiB.
                """))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("ID sesi.", en: "Session ID."))) var session: String
        @Argument(help: ArgumentHelp(L(
            "Berkas CSV (dipisah koma atau titik koma, UTF-8).",
            en: "The CSV file (comma or semicolon separated, UTF-8).")))
        var file: String
        @Flag(help: ArgumentHelp(L(
            "Hanya periksa dan laporkan; tidak ada yang disimpan.",
            en: "Check and report only; store nothing.")))
        var dryRun = false

        func run() async throws {
            let csv = try readUpload(file)
            let report = try await global.programs { try await $0.importAttendance(.init(sessionId: session, csv: csv, dryRun: dryRun)) }
            try global.print(report) {
                importSummary(
                    rowsTotal: report.rowsTotal, rowsSaved: report.rowsSaved, errors: report.errors, errorsTotal: report.errorsTotal,
                    dryRun: dryRun)
            }
            if importRefused(errors: report.errors, errorsTotal: report.errorsTotal) { throw ExitCode.failure }
        }
    }

    struct Code: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Kode presensi bergilir hari ini untuk sesi yang berjalan (khusus penyelenggara).",
                en: "Today's rotating attendance code of a running session (organisers only)."),
            discussion: L(
                """
                Kode berganti setiap 30 detik dan diterima sampai 30 detik sesudahnya. Layar QR ada di web: \
                /kelola/sesi/ID/qr. Dengan --watch kode baru dicetak setiap kali berganti, sampai Ctrl-C.
                """,
                en: """
                The code changes every 30 seconds and is accepted for 30 seconds after that. The QR screen is on \
                the web: /kelola/sesi/ID/qr. With --watch a new code is printed each time it changes, until Ctrl-C.
                """))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("ID sesi.", en: "Session ID."))) var session: String
        @Flag(help: ArgumentHelp(L("Cetak kode baru setiap kali berganti.", en: "Print each new code as it changes."))) var watch = false

        func run() async throws {
            repeat {
                let code = try await global.programs { try await $0.issueAttendanceCode(.init(sessionId: session)) }
                try global.print(code) {
                    "\(code.code)\t(\(code.sessionId), \(code.date); berlaku sampai \(formatUnix(code.expireTimeUnix)))"
                }
                guard watch else { return }
                let wait = max(1, code.refreshTimeUnix - Int64(Date().timeIntervalSince1970))
                try await Task.sleep(for: .seconds(wait))
            } while true
        }
    }

    struct CheckIn: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check-in",
            abstract: L(
                "Catat kehadiran Anda sendiri dengan kode presensi yang sedang tampil.",
                en: "Check yourself in with the attendance code on the screen now."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("Kode presensi (atau alamat hasil pindaian).", en: "The attendance code (or the scanned address)."))) var code: String

        func run() async throws {
            let answer = try await global.programs { try await $0.checkIn(.init(code: code)) }
            try global.print(answer) {
                let record = answer.record ?? .init()
                let status = ProgramsVocabulary.display(record.status)
                if answer.keptOrganiserMark {
                    return "Penyelenggara sudah mencatat kehadiran Anda hari ini: \(status). Catatan itu yang berlaku."
                }
                if answer.alreadyCheckedIn { return "Anda sudah tercatat hari ini: \(status)." }
                return "Tercatat: \(status), \(answer.programTitle) (\(record.sessionId)), \(record.date)."
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Tampilkan kehadiran sesi: satu baris per peserta, satu kolom per hari, dan persentase JP yang dihadiri.",
                en: "Show a session's attendance: a row per participant, a column per day, and the share of JP attended."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("ID sesi.", en: "Session ID."))) var session: String
        @Option(help: ArgumentHelp(L("Hanya peserta ini, beserta keterangannya.", en: "Only this participant, with the notes.")))
        var nip: String?

        func run() async throws {
            let attendance = try await global.programs { try await $0.getAttendance(.init(sessionId: session, nip: nip ?? "")) }
            try global.print(attendance) { nip == nil ? Self.grid(attendance) : Self.person(attendance) }
        }

        /// One participant: a row per recorded day, with the note and who marked it.
        static func person(_ attendance: Binakarier_Programs_V1_GetAttendanceResponse) -> String {
            let records = attendance.records.sorted { $0.date < $1.date }
            var text = table(["TANGGAL", "STATUS", "KETERANGAN", "DICATAT OLEH"], records.map { (record: Binakarier_Programs_V1_AttendanceRecord) -> [String] in
                [record.date, ProgramsVocabulary.display(record.status), record.note, record.markedBy]
            })
            if let enrolment = attendance.enrolments.first {
                text += "\n\nKehadiran: \(ProgramsVocabulary.decimal(enrolment.attendancePercent))% JP"
            }
            return text
        }

        /// Everyone: H, T, I, S or A for each day, "-" where nothing is recorded.
        static func grid(_ attendance: Binakarier_Programs_V1_GetAttendanceResponse) -> String {
            let dates = Set(attendance.records.map(\.date)).sorted()
            var statuses: [String: AttendanceStatus] = [:]
            for record in attendance.records { statuses[record.nip + " " + record.date] = record.status }
            var nips = attendance.enrolments.map(\.nip)
            var listed = Set(nips)
            for record in attendance.records where !listed.contains(record.nip) {
                listed.insert(record.nip)
                nips.append(record.nip)
            }
            var percent: [String: Double] = [:]
            for enrolment in attendance.enrolments { percent[enrolment.nip] = enrolment.attendancePercent }

            let header: [String] = ["NIP"] + dates.map { ProgramsVocabulary.dayAndMonth($0) } + ["KEHADIRAN"]
            let rows = nips.map { (nip: String) -> [String] in
                let days: [String] = dates.map { (date: String) -> String in ProgramsVocabulary.letter(statuses[nip + " " + date]) }
                let share: String = percent[nip].map { ProgramsVocabulary.decimal($0) + "%" } ?? "-"
                return [nip] + days + [share]
            }
            return table(header, rows) + "\n\nH hadir, T terlambat, I izin, S sakit, A alpa, - belum dicatat"
        }
    }
}
