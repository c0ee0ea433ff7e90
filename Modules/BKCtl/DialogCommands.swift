import ArgumentParser
import BKProto
import BKRPC
import Foundation
import IdentityVocabulary

struct DialogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dialog",
        abstract: L(
            "Dialog terbuka pimpinan dengan pegawai: aspirasi, jawaban, arahan, notulen dan tindak lanjutnya.",
            en: "Leaders' open dialogues with their staff: aspirations, answers, directions, minutes and the actions that follow."),
        discussion: L(
            """
            Kepala perangkat daerah (atau unit) menjadwalkan dialog dan memimpinnya; pegawai menyampaikan aspirasi \
            (boleh tanpa nama) dan mendukung aspirasi rekan dengan `bkctl aspiration`. Jawaban dan arahan pimpinan \
            dapat langsung membuka tindak lanjut dengan penanggung jawab dan tenggat.
            """,
            en: """
            The head of an agency (or unit) schedules a dialogue and leads it; staff raise aspirations (anonymously \
            if they wish) and support their colleagues' with `bkctl aspiration`. The leader's answers and directions \
            can open an action item with an owner and a due date.
            """),
        subcommands: [Create.self, List.self, Show.self, Close.self, Minutes.self, Respond.self, Direct.self])

    static func describe(_ dialogue: Dialogue) -> String {
        let place: String = dialogue.unitCode.isEmpty ? dialogue.agencyCode : "\(dialogue.agencyCode)/\(dialogue.unitCode)"
        let when: String = dialogue.time.isEmpty ? dialogue.date : "\(dialogue.date) \(dialogue.time) WIB"
        var rows: [(String, String)] = [
            ("ID", dialogue.id), ("Topik", dialogue.topic), ("Waktu", when), ("Tempat", dialogue.venue), ("OPD", place),
            ("Pimpinan", dialogue.leaderNip), ("Status", FeedbackVocabulary.display(dialogue.state)),
            ("Aspirasi", String(dialogue.aspirations)),
        ]
        if !dialogue.summary.isEmpty { rows.append(("Ringkasan", dialogue.summary)) }
        return keyValues(rows)
    }

    /// "(anonim)" for an anonymous aspiration, else its author.
    static func author(_ aspiration: Aspiration) -> String {
        aspiration.anonymous || aspiration.authorNip.isEmpty ? "(anonim)" : aspiration.authorNip
    }

    /// An aspiration with its supports and the leader's answer, a few lines.
    static func describe(_ aspiration: Aspiration) -> [String] {
        let category: String = aspiration.category.isEmpty ? "" : " (\(aspiration.category))"
        var support = "\(aspiration.supports) dukungan"
        if aspiration.supportedByMe { support += ", termasuk Anda" }
        var lines: [String] = ["[\(aspiration.id)]\(category) \(aspiration.text)", "    dari \(author(aspiration)); \(support)"]
        if aspiration.answer.isEmpty {
            lines.append("    belum dijawab")
        } else {
            let by: String = aspiration.answeredBy.isEmpty ? "" : " (\(aspiration.answeredBy))"
            lines.append("    jawaban\(by): \(aspiration.answer)")
        }
        if !aspiration.actionId.isEmpty { lines.append("    tindak lanjut: \(aspiration.actionId)") }
        if aspiration.moderation != .shown, aspiration.moderation != .unspecified {
            lines.append("    moderasi: \(ModerationVocabulary.moderation(of: aspiration))")
        }
        return lines
    }

    static func describe(_ detail: Binakarier_Feedback_V1_DialogueDetail) -> String {
        var lines: [String] = [describe(detail.dialogue ?? Dialogue())]
        lines += ["", "Aspirasi (\(detail.aspirations.count)):"]
        for aspiration in detail.aspirations { lines += describe(aspiration) }
        lines += ["", "Arahan (\(detail.directions.count)):"]
        for direction in detail.directions {
            let by: String = direction.givenBy.isEmpty ? "" : " (\(direction.givenBy))"
            lines.append("[\(direction.id)]\(by) \(direction.text)")
            if !direction.actionId.isEmpty { lines.append("    tindak lanjut: \(direction.actionId)") }
        }
        lines += ["", "Tindak lanjut (\(detail.actions.count)):"]
        if !detail.actions.isEmpty { lines.append(table(ActionCommand.header, detail.actions.map { ActionCommand.row($0) })) }
        return lines.joined(separator: "\n")
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Jadwalkan dialog terbuka; Anda yang memimpinnya (kepala perangkat daerah atau unit, penyelenggara).",
                en: "Schedule an open dialogue, led by you (agency or unit heads, organisers)."))
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L("Topik dialog.", en: "Topic of the dialogue."))) var topic: String
        @Option(help: ArgumentHelp(L("Tanggal, YYYY-MM-DD.", en: "Date, YYYY-MM-DD."))) var date: String
        @Option(help: ArgumentHelp(L("Jam mulai (WIB), HH:MM.", en: "Start time (WIB), HH:MM."))) var time: String?
        @Option(help: ArgumentHelp(L("Tempat, misalnya \"Aula Dinas Kesehatan\".", en: "Venue, e.g. \"Aula Dinas Kesehatan\".")))
        var venue: String = ""
        @Option(help: ArgumentHelp(L(
            "Kode perangkat daerah (bawaan: perangkat daerah Anda).",
            en: "Agency code (default: your own agency).")))
        var agency: String = ""
        @Option(help: ArgumentHelp(L("Kode unit (bawaan: seluruh perangkat daerah).", en: "Unit code (default: the whole agency).")))
        var unit: String = ""

        func run() async throws {
            let day = try ProgramsVocabulary.requireDate(date, "--date")
            var start = ""
            if let time {
                guard let parsed = ProgramsVocabulary.time(time) else { throw ValidationError("--time '\(time)' bukan jam; tulis HH:MM") }
                start = parsed
            }
            let draft = Dialogue(agencyCode: agency, unitCode: unit, topic: topic, date: day, time: start, venue: venue)
            let dialogue = try await global.feedback { try await $0.createDialogue(.init(dialogue: draft)) }
            try global.print(dialogue) { "Dialog \(dialogue.id) dijadwalkan.\n\n" + DialogCommand.describe(dialogue) }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: L("Tampilkan dialog terbuka.", en: "List the open dialogues."))
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L("Hanya perangkat daerah ini.", en: "Only this agency."))) var agency: String = ""

        func run() async throws {
            let all = try await global.feedback { client in
                try await allPages { try await client.listDialogues(.init(pageSize: listPageSize, pageToken: $0, agencyCode: agency)) }
            }
            try global.print(all) {
                table(["ID", "TANGGAL", "JAM", "OPD", "UNIT", "TOPIK", "PIMPINAN", "ASPIRASI", "STATUS"], all.dialogues.map { (dialogue: Dialogue) -> [String] in
                    [dialogue.id, dialogue.date, dialogue.time, dialogue.agencyCode, dialogue.unitCode, dialogue.topic, dialogue.leaderNip,
                     String(dialogue.aspirations), FeedbackVocabulary.display(dialogue.state)]
                })
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Tampilkan satu dialog: aspirasi dengan dukungan dan jawabannya, arahan, dan tindak lanjut.",
                en: "Show a dialogue: aspirations with their supports and answers, directions, and action items."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("ID dialog.", en: "Dialogue ID."))) var id: String

        func run() async throws {
            let detail = try await global.feedback { try await $0.getDialogue(.init(id: id)) }
            try global.print(detail) { DialogCommand.describe(detail) }
        }
    }

    struct Close: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Tutup dialog; aspirasi baru tidak diterima lagi (khusus pimpinan dialog).",
                en: "Close a dialogue; no more aspirations are taken (its leader only)."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("ID dialog.", en: "Dialogue ID."))) var id: String
        @Option(help: ArgumentHelp(L("Ringkasan untuk notulen.", en: "A summary for the minutes."))) var summary: String = ""

        func run() async throws {
            let dialogue = try await global.feedback { try await $0.closeDialogue(.init(id: id, summary: summary)) }
            try global.print(dialogue) {
                "Dialog \(dialogue.id) ditutup dengan \(dialogue.aspirations) aspirasi. Notulen: `bkctl dialog minutes \(dialogue.id)`."
            }
        }
    }

    struct Minutes: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Cetak notulen dialog: topik, aspirasi dengan jawabannya, arahan dan tindak lanjut.",
                en: "Print a dialogue's minutes: topic, aspirations with their answers, directions and action items."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("ID dialog.", en: "Dialogue ID."))) var id: String

        func run() async throws {
            let minutes = try await global.feedback { try await $0.getMinutes(.init(id: id)) }
            try global.print(minutes) { minutes.text }
        }
    }

    /// The action item an answer or a direction may open: an owner and a due date, both or neither.
    struct FollowUp: ParsableArguments {
        @Option(help: ArgumentHelp(L(
            "Buka juga tindak lanjut dengan penanggung jawab ini (NIP; bersama --due).",
            en: "Also open an action item with this owner (NIP; with --due).")))
        var actionOwner: String?
        @Option(help: ArgumentHelp(L("Tenggat tindak lanjut, YYYY-MM-DD.", en: "The action item's due date, YYYY-MM-DD.")))
        var due: String?

        func validate() throws {
            if (actionOwner == nil) != (due == nil) { throw ValidationError("--action-owner dan --due disebutkan bersama-sama") }
        }

        func parsed() throws -> (owner: String, due: String) {
            try FeedbackVocabulary.actionFollowUp(owner: actionOwner, due: due)
        }
    }

    struct Respond: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Jawab sebuah aspirasi, dan bila perlu buka tindak lanjutnya (khusus pimpinan dialog).",
                en: "Answer an aspiration and, if need be, open an action item for it (the dialogue's leader only)."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("ID aspirasi.", en: "Aspiration ID."))) var aspiration: String
        @Option(help: ArgumentHelp(L("Jawaban pimpinan.", en: "The leader's answer."))) var answer: String
        @OptionGroup var followUp: FollowUp

        func run() async throws {
            let action = try followUp.parsed()
            let answered = try await global.feedback { try await $0.answerAspiration(.init(
                id: aspiration, answer: answer, actionOwnerNip: action.owner, actionDueDate: action.due)) }
            try global.print(answered) {
                var text = "Aspirasi \(answered.id) dijawab."
                if !answered.actionId.isEmpty { text += " Tindak lanjut \(answered.actionId) dibuka." }
                return text
            }
        }
    }

    struct Direct: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Catat arahan pimpinan (visi dan misi), dan bila perlu buka tindak lanjutnya (khusus pimpinan dialog).",
                en: "Record a direction from the leader (vision and mission) and, if need be, open an action item (the dialogue's leader only)."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("ID dialog.", en: "Dialogue ID."))) var dialogue: String
        @Option(help: ArgumentHelp(L("Isi arahan.", en: "The direction."))) var text: String
        @OptionGroup var followUp: FollowUp

        func run() async throws {
            let action = try followUp.parsed()
            let direction = try await global.feedback { try await $0.giveDirection(.init(
                dialogueId: dialogue, text: text, actionOwnerNip: action.owner, actionDueDate: action.due)) }
            try global.print(direction) {
                var message = "Arahan \(direction.id) dicatat di dialog \(direction.dialogueId)."
                if !direction.actionId.isEmpty { message += " Tindak lanjut \(direction.actionId) dibuka." }
                return message
            }
        }
    }
}

struct AspirationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aspiration",
        abstract: L(
            "Aspirasi pegawai dalam dialog terbuka: sampaikan (boleh tanpa nama), lihat, dan dukung.",
            en: "Staff aspirations in an open dialogue: raise them (anonymously if you wish), see them, support them."),
        subcommands: [Add.self, List.self, Support.self, Receipt.self, Report.self, Held.self, Release.self, Remove.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Sampaikan aspirasi dalam dialog yang belum ditutup (pegawai perangkat daerah atau unitnya).",
                en: "Raise an aspiration in a dialogue not yet closed (staff of its agency or unit)."),
            discussion: L(
                """
                Dengan --anonymous, nama Anda tidak disimpan sama sekali; Anda mendapat tanda terima (sekali saja) \
                untuk melihat jawaban dan tindak lanjutnya dengan `bkctl aspiration receipt`. Aspirasi anonim yang \
                memuat kata kasar ditahan sampai pemimpin dialog atau BKPSDM meninjaunya.
                """,
                en: """
                With --anonymous, your name is not stored at all; you get a receipt (once only) to see the answer \
                and the action item with `bkctl aspiration receipt`. An anonymous aspiration with abusive words is \
                held until the dialogue's leader or BKPSDM reviews it.
                """))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("ID dialog.", en: "Dialogue ID."))) var dialogue: String
        @Option(help: ArgumentHelp(L("Isi aspirasi.", en: "The aspiration."))) var text: String
        @Option(help: ArgumentHelp(L(
            "Kategori, misalnya sarana, kepegawaian, pelayanan atau lainnya.",
            en: "Category, e.g. sarana, kepegawaian, pelayanan or lainnya.")))
        var category: String = ""
        @Flag(help: ArgumentHelp(L("Sampaikan tanpa nama.", en: "Raise it anonymously."))) var anonymous = false

        func run() async throws {
            let draft = Aspiration(dialogueId: dialogue, category: category, text: text, anonymous: anonymous)
            let aspiration = try await global.feedback { try await $0.raiseAspiration(.init(aspiration: draft)) }
            try global.print(aspiration) {
                var text = "Aspirasi \(aspiration.id) disampaikan di dialog \(aspiration.dialogueId)" + (aspiration.anonymous ? " tanpa nama." : ".")
                if !aspiration.receipt.isEmpty {
                    text += "\nTanda terima: \(ModerationVocabulary.grouped(aspiration.receipt))"
                    text += "\nSimpan tanda terima ini: hanya dengan tanda terima ini Anda dapat melihat jawabannya "
                        + "(`bkctl aspiration receipt KODE` atau halaman /aspirasi-saya); tanda terima tidak ditampilkan lagi."
                }
                if aspiration.moderation == .held {
                    text += "\nAspirasi ini ditahan untuk moderasi (\(aspiration.moderationReason)) dan belum tampil bagi peserta lain."
                }
                return text
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: L("Tampilkan aspirasi sebuah dialog.", en: "List a dialogue's aspirations."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("ID dialog.", en: "Dialogue ID."))) var dialogue: String

        func run() async throws {
            let detail = try await global.feedback { try await $0.getDialogue(.init(id: dialogue)) }
            let aspirations = Binakarier_Feedback_V1_DialogueDetail(dialogue: detail.dialogue, aspirations: detail.aspirations)
            try global.print(aspirations) {
                table(["ID", "KATEGORI", "ASPIRASI", "DARI", "DUKUNGAN", "JAWABAN", "TINDAK LANJUT"], detail.aspirations.map { (aspiration: Aspiration) -> [String] in
                    let support: String = String(aspiration.supports) + (aspiration.supportedByMe ? " (termasuk Anda)" : "")
                    return [aspiration.id, aspiration.category, aspiration.text, DialogCommand.author(aspiration), support,
                            aspiration.answer.isEmpty ? "belum dijawab" : aspiration.answer, aspiration.actionId]
                })
            }
        }
    }

    struct Support: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Dukung aspirasi rekan (sekali untuk tiap aspirasi; tidak untuk aspirasi sendiri).",
                en: "Support a colleague's aspiration (once each; not your own)."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("ID aspirasi.", en: "Aspiration ID."))) var id: String

        func run() async throws {
            let aspiration = try await global.feedback { try await $0.supportAspiration(.init(id: id)) }
            try global.print(aspiration) { "Anda mendukung aspirasi \(aspiration.id); kini \(aspiration.supports) dukungan." }
        }
    }
}
