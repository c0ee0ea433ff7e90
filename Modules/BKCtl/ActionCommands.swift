import ArgumentParser
import BKProto
import BKRPC
import Foundation
import IdentityVocabulary

struct ActionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "action",
        abstract: L(
            "Tindak lanjut: dari aspirasi, arahan pimpinan atau hasil evaluasi yang lemah, dengan penanggung jawab dan tenggat, sampai selesai.",
            en: "Action items: from aspirations, leaders' directions or weak evaluation results, with an owner and a due date, to closure."),
        discussion: L(
            """
            Tindak lanjut mulai terbuka, lalu dikerjakan, dan berakhir selesai (dengan bukti) atau dibatalkan \
            (dengan alasan); selesai dan dibatalkan tidak dapat diubah lagi.
            """,
            en: """
            An action item starts open (terbuka), is worked on (dikerjakan), and ends done (selesai, with evidence) \
            or dropped (dibatalkan, with a reason); done and dropped are final.
            """),
        subcommands: [Add.self, Update.self, List.self, Board.self])

    static let header: [String] = ["ID", "JUDUL", "OPD", "PENANGGUNG JAWAB", "TENGGAT", "STATUS", "SUMBER"]

    static func row(_ action: ActionItem) -> [String] {
        let source: String = FeedbackVocabulary.display(action.source)
        let from: String = action.sourceId.isEmpty ? source : source.isEmpty ? action.sourceId : "\(source) \(action.sourceId)"
        return [
            action.id, action.title, action.agencyCode, action.ownerNip, FeedbackVocabulary.due(action),
            FeedbackVocabulary.status(of: action), from,
        ]
    }

    static func describe(_ action: ActionItem) -> String {
        let from: String = [FeedbackVocabulary.display(action.source), action.sourceId].filter { !$0.isEmpty }.joined(separator: " ")
        var rows: [(String, String)] = [
            ("ID", action.id), ("Judul", action.title), ("OPD", action.agencyCode), ("Penanggung jawab", action.ownerNip),
            ("Tenggat", FeedbackVocabulary.due(action)), ("Status", FeedbackVocabulary.status(of: action)), ("Sumber", from),
        ]
        if !action.createdBy.isEmpty { rows.append(("Dibuat oleh", action.createdBy)) }
        if action.closeTimeUnix != 0 { rows.append(("Ditutup", formatUnix(action.closeTimeUnix))) }
        var text = keyValues(rows)
        if !action.notes.isEmpty {
            text += "\n\nCatatan:\n" + table(["WAKTU", "OLEH", "CATATAN"], action.notes.map { (note: Binakarier_Feedback_V1_ActionNote) -> [String] in
                [note.timeUnix == 0 ? "" : formatUnix(note.timeUnix), note.by, note.text]
            })
        }
        return text
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Buka tindak lanjut (kepala perangkat daerah dan penyelenggara); penanggung jawabnya pegawai perangkat daerah itu.",
                en: "Open an action item (agency heads and organisers); its owner is staff of that agency."))
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L("Apa yang harus dikerjakan.", en: "What is to be done."))) var title: String
        @Option(help: ArgumentHelp(L("NIP penanggung jawab.", en: "NIP of the owner."))) var owner: String
        @Option(help: ArgumentHelp(L("Tenggat, YYYY-MM-DD.", en: "Due date, YYYY-MM-DD."))) var due: String
        @Option(help: ArgumentHelp(L("Kode perangkat daerah (bawaan: perangkat daerah Anda).", en: "Agency code (default: your own agency).")))
        var agency: String = ""
        @Option(help: ArgumentHelp(L(
            "Asal tindak lanjut: ID aspirasi, arahan atau kampanye.",
            en: "Where it comes from: the ID of an aspiration, direction or campaign.")))
        var sourceId: String = ""

        func run() async throws {
            let dueDate = try ProgramsVocabulary.requireDate(due, "--due")
            let draft = ActionItem(
                title: title, source: sourceId.isEmpty ? .manual : .unspecified, sourceId: sourceId, agencyCode: agency, ownerNip: owner,
                dueDate: dueDate)
            let action = try await global.feedback { try await $0.createAction(.init(action: draft)) }
            try global.print(action) { "Tindak lanjut \(action.id) dibuka.\n\n" + ActionCommand.describe(action) }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Catat kemajuan, selesaikan, batalkan, alihkan atau jadwal ulang tindak lanjut; hanya yang disebutkan yang berubah.",
                en: "Record progress, close, drop, reassign or reschedule an action item; only what is given changes."),
            discussion: L(
                """
                Penanggung jawab mencatat kemajuan dan menyelesaikannya (--state selesai wajib dengan --evidence); \
                kepala perangkat daerah atau penyelenggara juga dapat membatalkan (--state dibatalkan wajib dengan \
                --reason), mengalihkan (--owner) dan menjadwal ulang (--due).
                """,
                en: """
                The owner records progress and closes it (--state selesai needs --evidence); the agency head or an \
                organiser can also drop it (--state dibatalkan needs --reason), reassign it (--owner) and reschedule \
                it (--due).
                """))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("ID tindak lanjut.", en: "Action item ID."))) var id: String
        @Option(help: ArgumentHelp(L("Status baru: dikerjakan, selesai atau dibatalkan.", en: "New state: dikerjakan, selesai or dibatalkan.")))
        var state: String?
        @Option(help: ArgumentHelp(L("Catatan kemajuan.", en: "A progress note."))) var note: String = ""
        @Option(help: ArgumentHelp(L("Alasan pembatalan.", en: "Why it is dropped."))) var reason: String = ""
        @Option(help: ArgumentHelp(L("Bukti penyelesaian, misalnya nomor surat atau tautan.", en: "Evidence of closure, e.g. a letter number or link.")))
        var evidence: String = ""
        @Option(help: ArgumentHelp(L("NIP penanggung jawab baru.", en: "NIP of the new owner."))) var owner: String = ""
        @Option(help: ArgumentHelp(L("Tenggat baru, YYYY-MM-DD.", en: "New due date, YYYY-MM-DD."))) var due: String?

        func validate() throws {
            guard state != nil || !note.isEmpty || !reason.isEmpty || !evidence.isEmpty || !owner.isEmpty || due != nil else {
                throw ValidationError("sebutkan paling sedikit satu perubahan: --state, --note, --reason, --evidence, --owner atau --due")
            }
        }

        func run() async throws {
            let newState = try state.map(FeedbackVocabulary.requireActionState) ?? .unspecified
            let dueDate = try due.map { try ProgramsVocabulary.requireDate($0, "--due") } ?? ""
            let request = Binakarier_Feedback_V1_UpdateActionRequest(
                id: id, state: newState, note: note, reason: reason, evidence: evidence, ownerNip: owner, dueDate: dueDate)
            let action = try await global.feedback { try await $0.updateAction(request) }
            try global.print(action) { "Tindak lanjut \(action.id) diperbarui.\n\n" + ActionCommand.describe(action) }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L("Tampilkan tindak lanjut; yang lewat tenggat ditandai.", en: "List action items; overdue ones are marked."))
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L("Hanya perangkat daerah ini.", en: "Only this agency."))) var agency: String = ""
        @Option(help: ArgumentHelp(L(
            "Hanya yang berstatus ini: terbuka, dikerjakan, selesai atau dibatalkan.",
            en: "Only those in this state: terbuka, dikerjakan, selesai or dibatalkan.")))
        var state: String?
        @Flag(help: ArgumentHelp(L("Hanya yang lewat tenggat.", en: "Only overdue ones."))) var overdue = false
        @Flag(help: ArgumentHelp(L("Hanya yang Anda tanggung jawabi.", en: "Only those you own."))) var mine = false

        func run() async throws {
            let stateFilter = try state.map(FeedbackVocabulary.requireActionState) ?? .unspecified
            let all = try await global.feedback { client in
                try await allPages { try await client.listActions(.init(
                    pageSize: listPageSize, pageToken: $0, agencyCode: agency, state: stateFilter, overdueOnly: overdue, mine: mine)) }
            }
            try global.print(all) {
                var text = table(ActionCommand.header, all.actions.map { ActionCommand.row($0) })
                let late = all.actions.filter(\.overdue).count
                if late > 0 { text += "\n\n\(late) tindak lanjut lewat tenggat." }
                return text
            }
        }
    }
}
