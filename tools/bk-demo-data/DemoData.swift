// bk-demo-data: a Sawahlunto-sized demo city for BinaKarier.
//
//   bk-demo-data csv [--scale N] [--output FILE]     write the employees CSV (the import format)
//   bk-demo-data load [--socket-dir DIR]             load the city into a running bk-identityd, its
//                     [--skip-feedback]              2026 programs into bk-programsd, their feedback
//                     [--skip-reporting]             into bk-feedbackd and the outcome data (SKP,
//                                                    discipline, outside IKM) into bk-reportingd if
//                                                    they run
//
// `load` is what tools/run does: as root on the daemon's machine it bootstraps the administrator,
// then creates agencies and units, imports the employees, sets the agency heads and creates demo
// accounts. Then, as the demo organiser, it loads a year of programs (DemoPrograms, DemoProgramsPlan,
// DemoProgramsLoader), or says it skips them when bk-programsd's socket is not there; then a year of
// feedback (DemoFeedback, DemoFeedbackPlan, DemoFeedbackLoader): tests, answers to the evaluation
// forms, IKM surveys of the service units and the Head of Health's open dialogues, creating accounts
// for the ASN who answer (password asn-demo-2026), or says it skips it when bk-feedbackd's socket is
// not there; then the outcome data of 2025 and 2026 for bk-reportingd (DemoOutcomesPlan,
// DemoOutcomesLoader): SKP of every active ASN, discipline sanctions and the service units' IKM from
// outside surveys, shaped so that the units that took LAT-MANWAKTU and SEM-KEPEMIMPINAN improve and
// those of BIMTEK-RPP and LOK-KOTA-BERKELANJUTAN no more than the others, with a sync round before
// and after; or says it skips it when bk-reportingd's socket is not there (and fails, saying so, when
// it is there but does not answer). Running it again changes nothing that is already there.
import ArgumentParser
import BKProto
import BKRPC
import Foundation
import Identity

typealias API = Binakarier_Identity_V1_IdentityService

@main
struct DemoData: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bk-demo-data", abstract: "Generate and load a Sawahlunto-sized demo city.",
        subcommands: [CSV.self, Load.self])

    /// Accounts the demo creates; documented in the README.
    static let administrator = (username: "admin", password: "admin-demo-2026")
    static let organizer = (username: "bkpsdm", password: "bkpsdm-demo-2026")
    static let employeePassword = "asn-demo-2026"

    struct CSV: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write the demo employees as CSV.")
        @Option(help: "Exactly this many ASN (default: the demo city, about 3,000).") var employees: Int?
        @Option(help: "Another seed gives other people (same agencies).") var seed: UInt64 = DemoCity.defaultSeed
        @Option(help: "File to write (default: standard output).") var output: String?

        func run() throws {
            let city = employees.map { DemoCity(employees: $0, seed: seed) } ?? DemoCity(seed: seed)
            if let output {
                try city.csv.write(toFile: output, atomically: true, encoding: .utf8)
                FileHandle.standardError.write(Data("bk-demo-data: \(city.employees.count) ASN in \(city.agencies.count) agencies → \(output)\n".utf8))
            } else {
                print(city.csv, terminator: "")
            }
        }
    }

    struct Load: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load the demo city into a running bk-identityd, its 2026 programs into bk-programsd, their feedback into bk-feedbackd and the outcome data into bk-reportingd.")
        @Option(help: "Directory of the daemons' sockets (env BINAKARIER_SOCKET_DIR).") var socketDir: String?
        @Flag(help: "Leave out the year of feedback (tests, answers, IKM surveys, dialogues) and the ASN accounts it creates.")
        var skipFeedback = false
        @Flag(help: "Leave out the outcome data for bk-reportingd (SKP, discipline sanctions, outside IKM results of 2025 and 2026).")
        var skipReporting = false

        func run() async throws {
            let directory = socketDir ?? ProcessInfo.processInfo.environment["BINAKARIER_SOCKET_DIR"] ?? "/run/binakarier"
            let client = RPCClient(socketPath: DaemonName.identity.socketPath(in: directory), defaultTimeout: .seconds(120))
            defer { Task { await client.close() } }
            let city = DemoCity()

            /// Runs `body`, treating the given codes as "already done" so that loading twice is harmless.
            func ignoring(_ code: RPCStatusCode, _ body: () async throws -> Void) async throws {
                do { try await body() } catch let error as RPCError where error.code == code {}
            }
            try await ignoring(.failedPrecondition) {
                _ = try await API.Client(client).bootstrapAdministrator(.init(
                    username: DemoData.administrator.username, password: DemoData.administrator.password, displayName: "Administrator Demo"))
            }
            let login = try await API.Client(client).login(.init(username: DemoData.administrator.username, password: DemoData.administrator.password))
            let identity = API.Client(client, metadata: .bearer(login.token))

            for agency in city.agencies {
                var bare = agency
                bare.headNip = ""
                bare.units = []
                try await ignoring(.alreadyExists) { _ = try await identity.createAgency(.init(agency: bare)) }
                for unit in agency.units {
                    var bareUnit = unit
                    bareUnit.headNip = ""  // heads are set once the people are imported
                    try await ignoring(.alreadyExists) { _ = try await identity.createUnit(.init(unit: bareUnit)) }
                }
            }
            let csv = Array(city.csv.utf8)
            let started = try await identity.startEmployeeImport(.init())
            for offset in stride(from: 0, to: csv.count, by: 1 << 20) {
                _ = try await identity.uploadEmployeeImportChunk(.init(
                    importId: started.importId, data: Array(csv[offset..<min(offset + (1 << 20), csv.count)])))
            }
            let report = try await identity.finishEmployeeImport(.init(importId: started.importId))
            guard report.errors.isEmpty else {
                throw ValidationError("demo import rejected \(report.errors.count) rows, first: line \(report.errors[0].line): \(report.errors[0].reason)")
            }
            for agency in city.agencies {
                _ = try await identity.updateAgency(.init(
                    agency: .init(code: agency.code, headNip: agency.headNip), updateMask: .init(paths: ["head_nip"])))
                for unit in agency.units where !unit.headNip.isEmpty {
                    _ = try await identity.updateUnit(.init(unit: unit, updateMask: .init(paths: ["head_nip"])))
                }
            }
            try await ignoring(.alreadyExists) {
                _ = try await identity.createAccount(.init(
                    username: DemoData.organizer.username, password: DemoData.organizer.password, displayName: "Penyelenggara BKPSDM",
                    roles: [.organizer]))
            }
            // Accounts for a few people of Dinas Kesehatan: the head, a unit head and a staff member.
            let dinkes = city.employees.filter { $0.agencyCode == "DINKES" }
            let people = [dinkes.first { $0.jobLevel == .jptPratama }, dinkes.first { $0.jobLevel == .administrator },
                          dinkes.first { $0.jobLevel == .pelaksana }].compactMap { $0 }
            for person in people {
                try await ignoring(.alreadyExists) {
                    _ = try await identity.createAccount(.init(
                        username: person.nip, password: DemoData.employeePassword, displayName: person.name, roles: [.employee],
                        nip: person.nip))
                }
            }
            print("""
                bk-demo-data: \(city.agencies.count) perangkat daerah, \(report.rowsCommitted) ASN dimuat.
                  administrator: \(DemoData.administrator.username) / \(DemoData.administrator.password)
                  penyelenggara: \(DemoData.organizer.username) / \(DemoData.organizer.password)
                  pegawai Dinas Kesehatan: \(people.map(\.nip).joined(separator: ", ")) / \(DemoData.employeePassword)
                """)
            try await DemoProgramsLoader.load(city: city, socketDirectory: directory, identity: client)
            try await DemoPractice.load(city: city, socketDirectory: directory, identity: client)
            if skipFeedback {
                FileHandle.standardError.write(Data("bk-demo-data: umpan balik \(DemoPrograms.year) dilewati (--skip-feedback).\n".utf8))
            } else {
                try await DemoFeedbackLoader.load(city: city, socketDirectory: directory, identity: client)
                try await DemoChangeProjects.load(city: city, socketDirectory: directory, identity: client)
            }
            if skipReporting {
                FileHandle.standardError.write(Data("bk-demo-data: data hasil \(DemoOutcomesPlan.previousYear)–\(DemoPrograms.year) dilewati (--skip-reporting).\n".utf8))
            } else {
                try await DemoOutcomesLoader.load(city: city, socketDirectory: directory, identity: client)
            }
        }
    }
}
