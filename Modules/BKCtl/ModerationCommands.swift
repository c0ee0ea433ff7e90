import ArgumentParser
import BKProto
import BKRPC
import Foundation
import IdentityVocabulary

extension Binakarier_Feedback_V1_ListHeldAspirationsResponse: PagedResponse {
    var items: [Binakarier_Feedback_V1_HeldAspiration] {
        get { aspirations }
        set { aspirations = newValue }
    }
}

/// Anonymous aspirations followed by receipt, the moderation queue, and the public action board.
enum ModerationVocabulary {
    /// A receipt as people read and copy it: four letters at a time, "abcd-efgh-ijkm-npqr-stuv".
    static func grouped(_ receipt: String) -> String {
        stride(from: 0, to: receipt.count, by: 4).map { String(receipt.dropFirst($0).prefix(4)) }.joined(separator: "-")
    }

    static func display(_ state: Binakarier_Feedback_V1_ModerationState) -> String {
        switch state {
        case .held: "ditahan untuk moderasi"
        case .released: "dilepas moderator"
        case .removed: "dihapus moderator"
        default: "tampil"
        }
    }

    /// "ditahan untuk moderasi (kata kasar: …)", or just the state when there is no reason.
    static func moderation(of aspiration: Aspiration) -> String {
        let state = display(aspiration.moderation)
        return aspiration.moderationReason.isEmpty ? state : "\(state) (\(aspiration.moderationReason))"
    }
}

extension AspirationCommand {
    struct Receipt: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "receipt",
            abstract: L(
                "Lihat aspirasi anonim Anda dengan tanda terimanya: status, jawaban pimpinan dan tindak lanjutnya (tanpa masuk).",
                en: "See your anonymous aspiration by its receipt: its state, the leader's answer and the action item (no login)."),
            discussion: L(
                """
                Tanda terima diberikan sekali, saat aspirasi anonim disampaikan; layanan hanya menyimpan hash-nya. \
                Perintah ini bertanya tanpa token masuk Anda, jadi layanan tidak tahu siapa yang bertanya.
                """,
                en: """
                The receipt is given once, when the anonymous aspiration is raised; the service keeps only its hash. \
                This command asks without your login token, so the service does not learn who asks.
                """))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("Tanda terima (satu atau lebih).", en: "Receipts (one or more).")))
        var receipts: [String]

        func validate() throws {
            if receipts.count > 50 { throw ValidationError("paling banyak 50 tanda terima sekali tanya") }
        }

        func run() async throws {
            let found = try await global.feedback(authenticated: false) { try await $0.lookupAspirations(.init(receipts: receipts)) }
            try global.print(found) {
                found.aspirations.map { entry -> String in
                    let receipt = ModerationVocabulary.grouped(entry.receipt)
                    guard entry.found, let aspiration = entry.aspiration else { return "\(receipt): tidak ditemukan" }
                    let dialogue = entry.dialogue ?? Dialogue()
                    var rows: [(String, String)] = [
                        ("Tanda terima", receipt), ("Aspirasi", aspiration.id), ("Dialog", "\(dialogue.topic) (\(dialogue.agencyCode), \(dialogue.date))"),
                        ("Status dialog", FeedbackVocabulary.display(dialogue.state)), ("Isi", aspiration.text),
                        ("Moderasi", ModerationVocabulary.moderation(of: aspiration)), ("Dukungan", String(aspiration.supports)),
                        ("Jawaban", aspiration.answer.isEmpty ? "belum dijawab" : aspiration.answer),
                    ]
                    if let action = entry.action {
                        rows.append(("Tindak lanjut", "\(action.id) \(action.title)"))
                        rows.append(("Penanggung jawab", action.ownerNip))
                        rows.append(("Tenggat", FeedbackVocabulary.due(action)))
                        rows.append(("Status", FeedbackVocabulary.status(of: action)))
                    }
                    return keyValues(rows)
                }.joined(separator: "\n\n")
            }
            if found.aspirations.contains(where: { !$0.found }) { throw ExitCode(5) }
        }
    }

    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Laporkan aspirasi anonim yang kasar atau menyerang pribadi; laporan beberapa peserta menahannya untuk moderasi.",
                en: "Report an abusive anonymous aspiration; reports by several participants hold it for moderation."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("ID aspirasi.", en: "Aspiration ID."))) var id: String
        @Option(help: ArgumentHelp(L("Alasannya, untuk moderator.", en: "Why, for the moderators."))) var reason: String = ""

        func run() async throws {
            let reported = try await global.feedback { try await $0.reportAspiration(.init(id: id, reason: reason)) }
            try global.print(reported) {
                "Laporan atas aspirasi \(reported.id) dicatat." + (reported.moderation == .held ? " Aspirasi ini kini ditahan untuk moderasi." : "")
            }
        }
    }

    struct Held: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Antrean moderasi: aspirasi anonim yang ditahan (pemimpin dialog: dialognya; BKPSDM: semua).",
                en: "The moderation queue: held anonymous aspirations (a dialogue's leader: theirs; BKPSDM: all)."))
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L("Hanya perangkat daerah ini (BKPSDM).", en: "Only this agency (BKPSDM)."))) var agency: String = ""
        @Option(help: ArgumentHelp(L("Hanya dialog ini.", en: "Only this dialogue."))) var dialogue: String = ""
        @Flag(help: ArgumentHelp(L("Juga yang sudah dilepas atau dihapus.", en: "Also those already released or removed."))) var all = false

        func run() async throws {
            let queue = try await global.feedback { client in
                try await allPages { try await client.listHeldAspirations(.init(
                    pageSize: listPageSize, pageToken: $0, agencyCode: agency, dialogueId: dialogue, includeDecided: all)) }
            }
            try global.print(queue) {
                guard !queue.aspirations.isEmpty else { return "Tidak ada aspirasi yang ditahan." }
                return table(["ID", "DIALOG", "OPD", "ASPIRASI", "MODERASI", "LAPORAN"], queue.aspirations.map { (held: Binakarier_Feedback_V1_HeldAspiration) -> [String] in
                    let aspiration = held.aspiration ?? Aspiration()
                    let reports: String = held.reportReasons.isEmpty ? String(aspiration.reports) : "\(aspiration.reports): " + held.reportReasons.joined(separator: "; ")
                    return [aspiration.id, held.dialogue?.topic ?? aspiration.dialogueId, held.dialogue?.agencyCode ?? "", aspiration.text,
                            ModerationVocabulary.moderation(of: aspiration), reports]
                })
            }
        }
    }

    /// Release or remove: the same call with another decision.
    struct Decision: ParsableArguments {
        @Argument(help: ArgumentHelp(L("ID aspirasi.", en: "Aspiration ID."))) var id: String
        @Option(help: ArgumentHelp(L("Alasan keputusan (wajib; dibaca penulisnya).", en: "The reason (required; its author reads it)."))) var reason: String
    }

    struct Release: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Lepaskan aspirasi yang ditahan sehingga tampil bagi peserta (pemimpin dialog atau BKPSDM).",
                en: "Release a held aspiration so the participants see it (the dialogue's leader or BKPSDM)."))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var decision: Decision

        func run() async throws {
            let decided = try await global.feedback { try await $0.moderateAspiration(.init(id: decision.id, decision: .released, reason: decision.reason)) }
            try global.print(decided) { "Aspirasi \(decided.id) dilepas dan kini tampil bagi peserta dialog." }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Hapus aspirasi yang ditahan; tidak tampil bagi peserta, penulisnya melihat alasannya (pemimpin dialog atau BKPSDM).",
                en: "Remove a held aspiration; the participants never see it, its author reads the reason (the dialogue's leader or BKPSDM)."))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var decision: Decision

        func run() async throws {
            let decided = try await global.feedback { try await $0.moderateAspiration(.init(id: decision.id, decision: .removed, reason: decision.reason)) }
            try global.print(decided) { "Aspirasi \(decided.id) dihapus: \(decided.moderationReason)" }
        }
    }
}

extension ActionCommand {
    struct Board: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Papan aksi publik sebuah perangkat daerah: tindak lanjut dialog dengan penanggung jawab, tenggat dan status (tanpa masuk).",
                en: "An agency's public action board: the action items of its dialogues with owner, due date and state (no login)."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("Kode perangkat daerah, misalnya DINKES.", en: "Agency code, e.g. DINKES."))) var agency: String

        func run() async throws {
            let board = try await global.feedback(authenticated: false) { try await $0.getActionBoard(.init(agencyCode: agency)) }
            try global.print(board) {
                var lines = [
                    "Papan aksi \(board.agencyName) (\(board.agencyCode)), per \(board.today)",
                    "Terbuka \(board.open), dikerjakan \(board.inProgress), selesai \(board.done), dibatalkan \(board.dropped); lewat tenggat \(board.overdue).",
                ]
                if !board.actions.isEmpty {
                    lines.append("")
                    lines.append(table(["ID", "TINDAK LANJUT", "PENANGGUNG JAWAB", "TENGGAT", "STATUS", "DARI DIALOG"], board.actions.map { (action: Binakarier_Feedback_V1_BoardAction) -> [String] in
                        let owner: String = action.ownerPosition.isEmpty ? action.ownerName : "\(action.ownerName), \(action.ownerPosition)"
                        return [action.id, action.title, owner, action.overdue ? "\(action.dueDate) (lewat tenggat)" : action.dueDate,
                                FeedbackVocabulary.display(action.state), action.dialogueTopic]
                    }))
                }
                return lines.joined(separator: "\n")
            }
        }
    }
}
