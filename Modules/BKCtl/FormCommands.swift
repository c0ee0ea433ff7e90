import ArgumentParser
import BKProto
import BKRPC
import Foundation
import IdentityVocabulary

struct FormCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "form",
        abstract: L(
            "Formulir umpan balik: evaluasi reaksi (L1), pre-test dan post-test (L2), tindak lanjut (L3), survei IKM dan survei lain.",
            en: "Feedback forms: reaction (L1), pre- and post-tests (L2), follow-ups (L3), the IKM survey and other surveys."),
        discussion: L(
            """
            Formulir disimpan sebagai draf dan diterbitkan sebelum dipakai; versi yang sudah terbit tidak pernah \
            berubah: menyimpan kodenya lagi membuat versi berikutnya.
            """,
            en: """
            A form is saved as a draft and published before use; a published version never changes: saving its \
            code again makes the next version.
            """),
        subcommands: [Import.self, List.self, Show.self, Publish.self])

    /// The form's details and its questions, section by section, each with its kind and options.
    static func describe(_ instrument: Instrument) -> String {
        var rows: [(String, String)] = [
            ("Kode", instrument.code), ("Versi", String(instrument.version)), ("Judul", instrument.title),
            ("Tujuan", FeedbackVocabulary.display(instrument.purpose)), ("Status", FeedbackVocabulary.display(instrument.state)),
            ("Deskripsi", instrument.description),
        ]
        if FeedbackVocabulary.isTest(instrument.purpose) || instrument.passMark != 0 {
            rows.append(("Batas lulus", ProgramsVocabulary.decimal(instrument.passMark)))
        }
        if instrument.builtIn { rows.append(("Bawaan", "ya")) }
        if instrument.createTimeUnix != 0 { rows.append(("Dibuat", formatUnix(instrument.createTimeUnix))) }
        var lines: [String] = [keyValues(rows), "", "Pertanyaan (\(instrument.questions.count)):"]
        var section = ""
        for (index, question) in instrument.questions.enumerated() {
            if question.section != section {
                section = question.section
                if !section.isEmpty { lines += ["", "== \(section) =="] }
            }
            lines += describe(question, number: index + 1)
        }
        return lines.joined(separator: "\n")
    }

    /// "3. [q3] text (Likert 1-4, wajib)" and, indented, its options, range or IKM element.
    static func describe(_ question: Question, number: Int) -> [String] {
        var kind: String = FeedbackVocabulary.display(question.kind)
        kind += question.required ? ", wajib" : ", boleh dikosongkan"
        if question.kind == .testItem, question.points != 0 { kind += ", bobot \(ProgramsVocabulary.decimal(question.points))" }
        var lines: [String] = ["\(number). [\(question.id)] \(question.text) (\(kind))"]
        if question.ikmElement != 0 { lines.append("     unsur IKM \(FeedbackVocabulary.ikmElement(Int(question.ikmElement)))") }
        switch question.kind {
        case .likert4, .likert5, .facilitatorRating, .beforeAfter:
            let anchors: [String] = FeedbackVocabulary.anchors(of: question)
            lines += anchors.enumerated().map { "     \($0.offset + 1) \($0.element)" }
        case .nps:
            lines.append("     0 (sangat tidak mungkin) sampai 10 (sangat mungkin)")
        case .number:
            lines.append("     \(ProgramsVocabulary.decimal(question.minimum)) sampai \(ProgramsVocabulary.decimal(question.maximum))")
        case .singleChoice, .multipleChoice, .testItem:
            let key = Set(question.key)
            lines += question.options.enumerated().map { (option: (offset: Int, element: String)) -> String in
                let mark: String = key.contains(Int32(option.offset)) ? " (kunci)" : ""
                return "     \(option.offset + 1)) \(option.element)\(mark)"
            }
        default:
            break
        }
        return lines
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Impor formulir dari berkas JSON atau YAML sebagai draf (khusus penyelenggara).",
                en: "Import a form from a JSON or YAML file as a draft (organisers only)."),
            discussion: L(
                """
                Berkas memakai nama kolom Instrument: code, title, purpose, description, passMark, dan questions \
                (id, kind, text, required, options, minimum, maximum, key, points, ikmElement, section). Bila ada \
                masalah, semuanya dicantumkan dengan nomor barisnya, tidak ada yang disimpan, dan perintah keluar \
                dengan kode 1. Paling besar 4 MiB.
                """,
                en: """
                The file uses the field names of Instrument: code, title, purpose, description, passMark and questions \
                (id, kind, text, required, options, minimum, maximum, key, points, ikmElement, section). Problems are \
                all listed with their line numbers, nothing is saved, and the command exits with code 1. At most 4 MiB.
                """))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("Berkas JSON atau YAML (UTF-8).", en: "The JSON or YAML file (UTF-8).")))
        var file: String

        func run() async throws {
            let document = try readUpload(file)
            let report = try await global.feedback { try await $0.importInstrument(.init(document: document)) }
            try global.print(report) { Self.summary(report) }
            if !report.errors.isEmpty { throw ExitCode.failure }
        }

        static func summary(_ report: Binakarier_Feedback_V1_ImportInstrumentResponse) -> String {
            guard report.errors.isEmpty else {
                let rows: [[String]] = report.errors.map { (error: Binakarier_Feedback_V1_InstrumentError) -> [String] in
                    [error.line == 0 ? "-" : String(error.line), error.reason]
                }
                return "\(report.errors.count) masalah; tidak ada yang disimpan\n\n" + table(["BARIS", "ALASAN"], rows)
            }
            let instrument = report.instrument ?? Instrument()
            return "Formulir \(instrument.code) versi \(instrument.version) (\(instrument.title)) disimpan sebagai "
                + "\(FeedbackVocabulary.display(instrument.state)), \(instrument.questions.count) pertanyaan."
                + (instrument.state == .draft ? " Terbitkan dengan `bkctl form publish \(instrument.code)`." : "")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: L("Tampilkan formulir.", en: "List the forms."))
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L(
            "Hanya tujuan ini: reaksi, pre-test, post-test, tindak-lanjut-peserta, tindak-lanjut-atasan, ikm atau survei.",
            en: "Only this purpose: reaksi, pre-test, post-test, tindak-lanjut-peserta, tindak-lanjut-atasan, ikm or survei.")))
        var purpose: String?

        func run() async throws {
            let purposeFilter = try purpose.map(FeedbackVocabulary.requirePurpose) ?? .unspecified
            let all = try await global.feedback { client in
                try await allPages { try await client.listInstruments(.init(pageSize: listPageSize, pageToken: $0, purpose: purposeFilter)) }
            }
            try global.print(all) {
                table(["KODE", "VERSI", "JUDUL", "TUJUAN", "STATUS", "PERTANYAAN", "BAWAAN"], all.instruments.map { (instrument: Instrument) -> [String] in
                    [instrument.code, String(instrument.version), instrument.title, FeedbackVocabulary.display(instrument.purpose),
                     FeedbackVocabulary.display(instrument.state), String(instrument.questions.count), instrument.builtIn ? "ya" : ""]
                })
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L("Tampilkan satu formulir beserta pertanyaannya.", en: "Show one form with its questions."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("Kode formulir, misalnya L1-STANDAR.", en: "Form code, e.g. L1-STANDAR."))) var code: String
        @Option(help: ArgumentHelp(L("Versi (bawaan: yang terbaru).", en: "Version (default: the newest)."))) var version: Int32?

        func run() async throws {
            let instrument = try await global.feedback { try await $0.getInstrument(.init(code: code, version: version ?? 0)) }
            try global.print(instrument) { FormCommand.describe(instrument) }
        }
    }

    struct Publish: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Terbitkan draf formulir; sejak itu versi tersebut tidak dapat diubah (khusus penyelenggara).",
                en: "Publish a form's draft; from then on that version cannot change (organisers only)."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("Kode formulir.", en: "Form code."))) var code: String

        func run() async throws {
            let instrument = try await global.feedback { try await $0.publishInstrument(.init(code: code)) }
            try global.print(instrument) { "Formulir \(instrument.code) versi \(instrument.version) diterbitkan." }
        }
    }
}
