import ArgumentParser
import BKProto
import BKRPC
import Foundation
import IdentityVocabulary

struct ProgramCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "program",
        abstract: L(
            "Katalog program pengembangan kompetensi: pelatihan, seminar, lokakarya, bimtek, e-learning, coaching, mentoring, magang.",
            en: "The catalogue of development programs: trainings, seminars, workshops, bimtek, e-learning, coaching, mentoring, internships."),
        subcommands: [Create.self, List.self, Show.self, Update.self])

    /// What `create` and `update` share besides the code, title, kind and JP; for `update` only those
    /// given change.
    struct Details: ParsableArguments {
        @Option(help: ArgumentHelp(L("Deskripsi program.", en: "What the program is about.")))
        var description: String?
        @Option(help: ArgumentHelp(L(
            "Tujuan pembelajaran (boleh diulang; bila disebutkan, menggantikan semua tujuan).",
            en: "A learning goal (repeatable; when given, replaces all goals).")))
        var goal: [String] = []
        @Option(help: ArgumentHelp(L(
            "Kompetensi yang dikembangkan dan levelnya (1 sampai 5), KODE:LEVEL, misalnya MNJ-INTEGRITAS:3 (boleh diulang; menggantikan semuanya).",
            en: "A competency developed and its level (1 to 5), CODE:LEVEL, e.g. MNJ-INTEGRITAS:3 (repeatable; replaces them all).")))
        var competency: [String] = []
        @Option(help: ArgumentHelp(L(
            "Sasaran: kode perangkat daerah (boleh diulang; tanpa --agency: semua perangkat daerah).",
            en: "Audience: an agency code (repeatable; none: every agency).")))
        var agency: [String] = []
        @Option(help: ArgumentHelp(L(
            "Sasaran: jenjang jabatan, misalnya pelaksana, pengawas, \"JF Ahli Muda\" (boleh diulang).",
            en: "Audience: a job level, e.g. pelaksana, pengawas, \"JF Ahli Muda\" (repeatable).")))
        var jobLevel: [String] = []
        @Option(help: ArgumentHelp(L("Sasaran: golongan paling rendah, misalnya II/a.", en: "Audience: the lowest golongan, e.g. II/a.")))
        var golonganMin: String?
        @Option(help: ArgumentHelp(L("Sasaran: golongan paling tinggi, misalnya III/d.", en: "Audience: the highest golongan, e.g. III/d.")))
        var golonganMax: String?
        @Option(help: ArgumentHelp(L("Sasaran: hanya PNS atau hanya PPPK.", en: "Audience: PNS only or PPPK only.")))
        var asnType: String?
        @Option(help: ArgumentHelp(L(
            "Kode perangkat daerah penyelenggara (BKPSDM atau OPD pelaksana).",
            en: "Code of the organising agency (BKPSDM or the agency running it).")))
        var organizer: String?
        @Option(help: ArgumentHelp(L(
            "Persentase JP yang harus dihadiri untuk lulus (bawaan layanan: 80).",
            en: "Share of the JP to attend to complete, in percent (service default: 80).")))
        var minAttendance: Int32?
        @Option(help: ArgumentHelp(L(
            "Wajib post-test dengan nilai paling sedikit ini (0 sampai 100).",
            en: "Require a post-test with at least this score (0 to 100).")))
        var postTestPassMark: Double?
        @Option(help: ArgumentHelp(L(
            "Tingkat evaluasi Kirkpatrick, misalnya L1,L2 (L1 reaksi, L2 pembelajaran, L3 perilaku, L4 hasil).",
            en: "Kirkpatrick evaluation levels, e.g. L1,L2 (L1 reaction, L2 learning, L3 behaviour, L4 results).")))
        var evaluation: [String] = []
        @Option(help: ArgumentHelp(L(
            "Rencana biaya per sesi dalam rupiah, misalnya 15000000 atau 15.000.000.",
            en: "Planned cost per session in rupiah, e.g. 15000000 or 15.000.000.")))
        var cost: String?

        /// Applies the given values to `program` and returns the update-mask paths they touch. The
        /// audience and the completion rule are sent whole: what is not given keeps the value `program`
        /// already has.
        func apply(to program: inout Program) throws -> [String] {
            var paths: [String] = []
            if let description {
                program.description = description
                paths.append("description")
            }
            if !goal.isEmpty {
                program.goals = goal
                paths.append("goals")
            }
            if !competency.isEmpty {
                program.competencies = try competency.map(ProgramsVocabulary.competencyTarget)
                paths.append("competencies")
            }

            var audience = program.audience ?? TargetAudience()
            var audienceChanged = false
            if !agency.isEmpty {
                audience.agencyCodes = agency
                audienceChanged = true
            }
            if !jobLevel.isEmpty {
                audience.jobLevels = try jobLevel.map {
                    try ProgramsVocabulary.require($0, "jenjang jabatan", "misalnya pelaksana, pengawas, \"JF Ahli Muda\"", Vocabulary.jobLevel)
                }
                audienceChanged = true
            }
            if let golonganMin {
                audience.golonganMin = try ProgramsVocabulary.require(golonganMin, "golongan", "misalnya II/a", Vocabulary.golongan)
                audienceChanged = true
            }
            if let golonganMax {
                audience.golonganMax = try ProgramsVocabulary.require(golonganMax, "golongan", "misalnya III/d", Vocabulary.golongan)
                audienceChanged = true
            }
            if let asnType {
                audience.asnType = try ProgramsVocabulary.require(asnType, "jenis ASN", "PNS atau PPPK", Vocabulary.asnType)
                audienceChanged = true
            }
            if audienceChanged {
                program.audience = audience
                paths.append("audience")
            }

            if let organizer {
                program.organizerAgencyCode = organizer
                paths.append("organizer_agency_code")
            }

            var completion = program.completion ?? CompletionRule()
            var completionChanged = false
            if let minAttendance {
                completion.minimumAttendancePercent = minAttendance
                completionChanged = true
            }
            if let postTestPassMark {
                completion.requiresPostTest = true
                completion.passMark = postTestPassMark
                completionChanged = true
            }
            if completionChanged {
                program.completion = completion
                paths.append("completion")
            }

            if !evaluation.isEmpty {
                program.evaluationLevels = try ProgramsVocabulary.evaluationLevels(evaluation)
                paths.append("evaluation_levels")
            }
            if let cost {
                program.costRupiah = try ProgramsVocabulary.rupiahAmount(cost)
                paths.append("cost_rupiah")
            }
            return paths
        }
    }

    static func describe(_ program: Program) -> String {
        let kind: String = ProgramsVocabulary.display(program.kind)
        let competencies: String = program.competencies.map { ProgramsVocabulary.display($0) }.joined(separator: ", ")
        let audience: String = ProgramsVocabulary.describe(program.audience)
        let completion: String = ProgramsVocabulary.describe(program.completion)
        let evaluation: String = program.evaluationLevels.map { ProgramsVocabulary.display($0) }.joined(separator: ", ")
        let cost: String = program.costRupiah == 0 ? "" : ProgramsVocabulary.rupiah(program.costRupiah)
        var rows: [(String, String)] = [
            ("Kode", program.code), ("Judul", program.title), ("Jenis", kind), ("JP", String(program.jp)),
            ("Penyelenggara", program.organizerAgencyCode), ("Deskripsi", program.description),
            ("Tujuan", program.goals.joined(separator: "; ")), ("Kompetensi", competencies), ("Sasaran", audience),
            ("Syarat lulus", completion), ("Evaluasi", evaluation), ("Biaya per sesi", cost),
        ]
        if program.createTimeUnix != 0 { rows.append(("Dibuat", formatUnix(program.createTimeUnix))) }
        if program.updateTimeUnix != 0 { rows.append(("Diubah", formatUnix(program.updateTimeUnix))) }
        return keyValues(rows)
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L("Tambahkan program ke katalog (khusus penyelenggara).", en: "Add a program to the catalogue (organisers only)."))
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L("Kode tetap, misalnya LAT-MANWAKTU.", en: "Stable code, e.g. LAT-MANWAKTU."))) var code: String
        @Option(help: ArgumentHelp(L("Judul program.", en: "Title of the program."))) var title: String
        @Option(help: ArgumentHelp(L(
            "Jenis: pelatihan, seminar, lokakarya, bimtek, e-learning, coaching, mentoring atau magang.",
            en: "Kind: pelatihan, seminar, lokakarya, bimtek, e-learning, coaching, mentoring or magang.")))
        var kind: String
        @Option(help: ArgumentHelp(L(
            "JP (jam pelajaran 45 menit) yang diperoleh peserta yang lulus.",
            en: "JP (45-minute lesson hours) credited to those who complete it.")))
        var jp: Int32
        @OptionGroup var details: Details

        func run() async throws {
            let parsedKind = try ProgramsVocabulary.requireKind(kind)
            var program = Program(code: code, title: title, kind: parsedKind, jp: jp)
            _ = try details.apply(to: &program)
            let created = try await global.programs { try await $0.createProgram(.init(program: program)) }
            try global.print(created) { "Program \(created.code) (\(created.title)) ditambahkan." }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: L("Tampilkan katalog program.", en: "List the programs."))
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L("Hanya jenis ini, misalnya pelatihan.", en: "Only this kind, e.g. pelatihan."))) var kind: String?
        @Option(help: ArgumentHelp(L(
            "Hanya program yang sasarannya mencakup perangkat daerah ini.",
            en: "Only programs whose audience includes this agency.")))
        var agency: String = ""
        @Option(help: ArgumentHelp(L("Hanya program yang mengembangkan kompetensi ini.", en: "Only programs developing this competency.")))
        var competency: String = ""

        func run() async throws {
            let kindFilter = try kind.map(ProgramsVocabulary.requireKind) ?? .unspecified
            let all = try await global.programs { client in
                try await allPages { try await client.listPrograms(.init(
                    pageSize: listPageSize, pageToken: $0, kind: kindFilter, agencyCode: agency, competencyCode: competency)) }
            }
            try global.print(all) {
                table(["KODE", "JUDUL", "JENIS", "JP", "PENYELENGGARA", "KOMPETENSI"], all.programs.map { (program: Program) -> [String] in
                    [program.code, program.title, ProgramsVocabulary.display(program.kind), String(program.jp),
                     program.organizerAgencyCode, program.competencies.map(\.competencyCode).joined(separator: ", ")]
                })
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: L("Tampilkan satu program.", en: "Show one program."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("Kode program.", en: "Program code."))) var code: String

        func run() async throws {
            let program = try await global.programs { try await $0.getProgram(.init(code: code)) }
            try global.print(program) { ProgramCommand.describe(program) }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Ubah program; hanya yang disebutkan yang berubah (khusus penyelenggara).",
                en: "Change a program; only what is given changes (organisers only)."),
            discussion: L(
                """
                Daftar (--goal, --competency, --agency, --job-level, --evaluation) yang disebutkan menggantikan \
                seluruh isinya; kosongkan dengan --clear. JP hanya dapat diubah selama program belum punya sesi.
                """,
                en: """
                A list given (--goal, --competency, --agency, --job-level, --evaluation) replaces all of it; empty \
                one with --clear. JP can only change while the program has no session.
                """))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("Kode program.", en: "Program code."))) var code: String
        @Option(help: ArgumentHelp(L("Judul baru.", en: "New title."))) var title: String?
        @Option(help: ArgumentHelp(L("Jenis baru.", en: "New kind."))) var kind: String?
        @Option(help: ArgumentHelp(L("JP baru (hanya sebelum ada sesi).", en: "New JP (only before any session)."))) var jp: Int32?
        @OptionGroup var details: Details
        @Option(help: ArgumentHelp(L(
            "Kosongkan: goals, competencies, audience, evaluation atau post-test (boleh diulang).",
            en: "Empty: goals, competencies, audience, evaluation or post-test (repeatable).")))
        var clear: [String] = []

        /// Applies the options to `program` and returns the update-mask paths, each once.
        func changes(to program: inout Program) throws -> [String] {
            var paths: [String] = []
            for field in clear {
                switch Vocabulary.normalized(field) {
                case "goals", "goal", "tujuan":
                    program.goals = []
                    paths.append("goals")
                case "competencies", "competency", "kompetensi":
                    program.competencies = []
                    paths.append("competencies")
                case "audience", "sasaran":
                    program.audience = TargetAudience()
                    paths.append("audience")
                case "evaluation", "evaluasi":
                    program.evaluationLevels = []
                    paths.append("evaluation_levels")
                case "posttest":
                    var completion = program.completion ?? CompletionRule()
                    completion.requiresPostTest = false
                    completion.passMark = 0
                    program.completion = completion
                    paths.append("completion")
                default:
                    throw ValidationError("--clear '\(field)' tidak dikenal (goals, competencies, audience, evaluation atau post-test)")
                }
            }
            if let title {
                program.title = title
                paths.append("title")
            }
            if let kind {
                program.kind = try ProgramsVocabulary.requireKind(kind)
                paths.append("kind")
            }
            if let jp {
                program.jp = jp
                paths.append("jp")
            }
            paths += try details.apply(to: &program)
            var seen: Set<String> = []
            return paths.filter { seen.insert($0).inserted }
        }

        func run() async throws {
            var program = Program(code: code)
            let paths = try changes(to: &program)
            guard !paths.isEmpty else { throw ValidationError("sebutkan paling sedikit satu kolom untuk diubah") }
            if paths.contains("audience") || paths.contains("completion") {
                // Sent whole: start from the stored ones, so that the parts not given stay as they are.
                program = try await global.programs { try await $0.getProgram(.init(code: code)) }
                _ = try changes(to: &program)
            }
            let request = Binakarier_Programs_V1_UpdateProgramRequest(program: program, updateMask: .init(paths: paths))
            let updated = try await global.programs { try await $0.updateProgram(request) }
            try global.print(updated) { "Program \(updated.code) diperbarui (\(paths.joined(separator: ", ")))." }
        }
    }
}
