import BKRPC
import ArgumentParser
import BKProto
import IdentityVocabulary


struct AgencyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agency",
        abstract: L("Perangkat daerah (OPD) dan unit kerjanya.", en: "Agencies (perangkat daerah) and their units."),
        subcommands: [Create.self, List.self, Show.self, Update.self, AddUnit.self, UpdateUnit.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: L("Buat perangkat daerah baru.", en: "Create an agency."))
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L("Kode singkat, misalnya DINKES.", en: "Short code, e.g. DINKES."))) var code: String
        @Option(help: ArgumentHelp(L("Nama lengkap, misalnya \"Dinas Kesehatan\".", en: "Full name, e.g. \"Dinas Kesehatan\".")))
        var name: String
        @Option(help: ArgumentHelp(L(
            "Jenis perangkat daerah: sekretariat-daerah, sekretariat-dprd, inspektorat, dinas, badan, kecamatan, kelurahan, rumah-sakit atau satpol-pp.",
            en: "sekretariat-daerah, sekretariat-dprd, inspektorat, dinas, badan, kecamatan, kelurahan, rumah-sakit or satpol-pp.")))
        var kind: String
        @Option(help: ArgumentHelp(L("NIP kepala perangkat daerah.", en: "NIP of the head of the agency."))) var head: String = ""

        func run() async throws {
            guard let kind = Vocabulary.agencyKind(kind) else { throw ValidationError("jenis perangkat daerah '\(kind)' tidak dikenal") }
            let agency = try await global.identity { try await $0.createAgency(.init(agency: .init(code: code, name: name, kind: kind, headNip: head))) }
            try global.print(agency) { "Perangkat daerah \(agency.code) (\(agency.name)) dibuat." }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: L("Tampilkan daftar perangkat daerah.", en: "List agencies."))
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            var all = Binakarier_Identity_V1_ListAgenciesResponse()
            var token = ""
            repeat {
                let page = try await global.identity { try await $0.listAgencies(.init(pageSize: 500, pageToken: token)) }
                all.agencies += page.agencies
                token = page.nextPageToken
            } while !token.isEmpty
            try global.print(all) {
                table(["KODE", "NAMA", "JENIS", "KEPALA", "UNIT"], all.agencies.map {
                    [$0.code, $0.name, Vocabulary.display($0.kind), $0.headNip, String($0.units.count)]
                })
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Tampilkan perangkat daerah beserta unit kerjanya.",
                en: "Show an agency and its units."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("Kode perangkat daerah (OPD).", en: "Agency code."))) var code: String

        func run() async throws {
            let agency = try await global.identity { try await $0.getAgency(.init(code: code)) }
            try global.print(agency) {
                "\(agency.code)  \(agency.name)  (\(Vocabulary.display(agency.kind)))  kepala: \(agency.headNip.isEmpty ? "-" : agency.headNip)\n\n"
                    + table(["UNIT", "NAMA", "KEPALA"], agency.units.map { [$0.code, $0.name, $0.headNip] })
            }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Ubah nama, jenis atau kepala perangkat daerah.",
                en: "Change an agency's name, kind or head."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("Kode perangkat daerah (OPD).", en: "Agency code."))) var code: String
        @Option(help: ArgumentHelp(L("Nama baru.", en: "New name."))) var name: String?
        @Option(help: ArgumentHelp(L("Jenis perangkat daerah yang baru.", en: "New kind."))) var kind: String?
        @Option(help: ArgumentHelp(L(
            "NIP kepala yang baru (kosongkan untuk menghapus).",
            en: "NIP of the new head (empty to clear).")))
        var head: String?

        func run() async throws {
            var agency = Agency(code: code)
            var paths: [String] = []
            if let name { agency.name = name; paths.append("name") }
            if let kind {
                guard let parsed = Vocabulary.agencyKind(kind) else { throw ValidationError("jenis perangkat daerah '\(kind)' tidak dikenal") }
                agency.kind = parsed
                paths.append("kind")
            }
            if let head { agency.headNip = head; paths.append("head_nip") }
            guard !paths.isEmpty else { throw ValidationError("sebutkan paling sedikit satu dari --name, --kind, --head") }
            let updated = try await global.identity { try await $0.updateAgency(.init(agency: agency, updateMask: .init(paths: paths))) }
            try global.print(updated) { "Perangkat daerah \(updated.code) diperbarui." }
        }
    }

    struct AddUnit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add-unit",
            abstract: L("Tambahkan unit kerja ke perangkat daerah.", en: "Add a unit to an agency."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("Kode perangkat daerah (OPD).", en: "Agency code."))) var agency: String
        @Option(help: ArgumentHelp(L("Kode unit kerja, misalnya SEKRETARIAT.", en: "Unit code, e.g. SEKRETARIAT.")))
        var code: String
        @Option(help: ArgumentHelp(L("Nama unit kerja.", en: "Unit name."))) var name: String
        @Option(help: ArgumentHelp(L("NIP kepala unit kerja.", en: "NIP of the head of the unit."))) var head: String = ""

        func run() async throws {
            let unit = try await global.identity { try await $0.createUnit(.init(unit: .init(agencyCode: agency, code: code, name: name, headNip: head))) }
            try global.print(unit) { "Unit \(unit.code) ditambahkan ke \(unit.agencyCode)." }
        }
    }

    struct UpdateUnit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "update-unit",
            abstract: L("Ubah nama atau kepala unit kerja.", en: "Change a unit's name or head."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("Kode perangkat daerah (OPD).", en: "Agency code."))) var agency: String
        @Option(help: ArgumentHelp(L("Kode unit kerja.", en: "Unit code."))) var code: String
        @Option(help: ArgumentHelp(L("Nama baru.", en: "New name."))) var name: String?
        @Option(help: ArgumentHelp(L(
            "NIP kepala yang baru (kosongkan untuk menghapus).",
            en: "NIP of the new head (empty to clear).")))
        var head: String?

        func run() async throws {
            var unit = OrganizationUnit(agencyCode: agency, code: code)
            var paths: [String] = []
            if let name { unit.name = name; paths.append("name") }
            if let head { unit.headNip = head; paths.append("head_nip") }
            guard !paths.isEmpty else { throw ValidationError("sebutkan paling sedikit satu dari --name, --head") }
            let updated = try await global.identity { try await $0.updateUnit(.init(unit: unit, updateMask: .init(paths: paths))) }
            try global.print(updated) { "Unit \(updated.code) di \(updated.agencyCode) diperbarui." }
        }
    }
}
