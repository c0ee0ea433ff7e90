import ArgumentParser
import BKProto
import BKRPC
import Foundation
import IdentityVocabulary

struct NeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "need",
        abstract: L(
            "Usulan kebutuhan pengembangan kompetensi pegawai, dan program yang menjawabnya.",
            en: "Development needs proposed for staff, and the programs that answer them."),
        subcommands: [Propose.self, List.self, Summary.self, Link.self])

    typealias DevelopmentNeed = Binakarier_Programs_V1_DevelopmentNeed

    struct Propose: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Usulkan kebutuhan pengembangan untuk bawahan (atasan dan kepala perangkat daerah) atau siapa pun (penyelenggara).",
                en: "Propose a development need for your staff (supervisors and agency heads) or anyone (organisers)."))
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L("NIP pegawai.", en: "NIP."))) var nip: String
        @Option(help: ArgumentHelp(L("Kode kompetensi, misalnya MNJ-INTEGRITAS.", en: "Competency code, e.g. MNJ-INTEGRITAS.")))
        var competency: String
        @Option(help: ArgumentHelp(L("tinggi, sedang atau rendah.", en: "tinggi (high), sedang (medium) or rendah (low).")))
        var priority: String
        @Option(help: ArgumentHelp(L("Alasan, misalnya hasil penilaian kinerja.", en: "Why, e.g. from the performance review.")))
        var reason: String = ""
        @Option(help: ArgumentHelp(L("Tahun rencana (bawaan: ditentukan layanan).", en: "Planning year (default: the service decides).")))
        var year: Int32?

        func run() async throws {
            let parsed = try ProgramsVocabulary.require(priority, "prioritas", ProgramsVocabulary.priorities, ProgramsVocabulary.priority)
            let proposal = DevelopmentNeed(nip: nip, competencyCode: competency, priority: parsed, reason: reason, year: year ?? 0)
            let need = try await global.programs { try await $0.proposeNeed(.init(need: proposal)) }
            try global.print(need) {
                "Usulan \(need.id) dicatat: \(need.nip) perlu \(need.competencyCode) (prioritas \(ProgramsVocabulary.display(need.priority)), \(need.year))."
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: L("Tampilkan usulan kebutuhan pengembangan.", en: "List development needs."))
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L("Hanya perangkat daerah ini.", en: "Only this agency."))) var agency: String = ""
        @Option(help: ArgumentHelp(L("Hanya kompetensi ini.", en: "Only this competency."))) var competency: String = ""
        @Flag(name: .customLong("open"), help: ArgumentHelp(L(
            "Hanya yang belum dijawab program.",
            en: "Only those no program answers yet.")))
        var openOnly = false
        @Option(help: ArgumentHelp(L("Hanya tahun ini.", en: "Only this year."))) var year: Int32?

        func run() async throws {
            let all = try await global.programs { client in
                try await allPages { try await client.listNeeds(.init(
                    pageSize: listPageSize, pageToken: $0, agencyCode: agency, competencyCode: competency, openOnly: openOnly,
                    year: year ?? 0)) }
            }
            try global.print(all) {
                table(["ID", "NIP", "OPD", "KOMPETENSI", "PRIORITAS", "TAHUN", "PROGRAM", "ALASAN"], all.needs.map { (need: DevelopmentNeed) -> [String] in
                    [need.id, need.nip, need.agencyCode, need.competencyCode, ProgramsVocabulary.display(need.priority),
                     String(need.year), need.programCode, need.reason]
                })
            }
        }
    }

    struct Summary: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Rekap kebutuhan per kompetensi dan perangkat daerah, untuk merencanakan program (khusus penyelenggara).",
                en: "Demand per competency and agency, for planning programs (organisers only)."))
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L("Tahun (bawaan: ditentukan layanan).", en: "Year (default: the service decides)."))) var year: Int32?

        func run() async throws {
            let summary = try await global.programs { try await $0.summarizeNeeds(.init(year: year ?? 0)) }
            try global.print(summary) {
                table(["KOMPETENSI", "OPD", "TINGGI", "SEDANG", "RENDAH", "BELUM DIJAWAB", "PROGRAM"], summary.demand.map { (demand: Binakarier_Programs_V1_NeedDemand) -> [String] in
                    [demand.competencyCode, demand.agencyCode, String(demand.high), String(demand.medium), String(demand.low),
                     String(demand.`open`), demand.programCodes.joined(separator: ", ")]
                })
            }
        }
    }

    struct Link: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L("Catat program yang menjawab suatu kebutuhan (khusus penyelenggara).", en: "Record the program that answers a need (organisers only)."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("ID usulan kebutuhan.", en: "ID of the need."))) var id: String
        @Argument(help: ArgumentHelp(L("Kode program.", en: "Program code."))) var program: String

        func run() async throws {
            let need = try await global.programs { try await $0.linkNeed(.init(id: id, programCode: program)) }
            try global.print(need) { "Usulan \(need.id) (\(need.nip), \(need.competencyCode)) dijawab oleh program \(need.programCode)." }
        }
    }
}
