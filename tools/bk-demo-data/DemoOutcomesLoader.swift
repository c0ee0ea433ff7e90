import BKProto
import BKRPC
import Foundation
import Identity

typealias ReportingAPI = Binakarier_Reporting_V1_ReportingService

/// The outcome part of `bk-demo-data load`, run after the feedback part: imports into bk-reportingd
/// the files `DemoOutcomesPlan` writes (SKP of both years in one file, the discipline sanctions one
/// file per year, the outside IKM results in one), then asks for a sync round so that the reports see
/// everything. A round comes first too: the replica lists identity's people only every few minutes,
/// and the imports refuse NIPs and units it does not know. Logged in as the demo organiser (BKPSDM);
/// the puskesmas units the IKM rows name are created first as the administrator when the city lacks
/// them (the feedback part does the same; they are there already unless it was skipped).
///
/// Running it again changes nothing: the service replaces an (NIP, year) SKP row and a (unit, year,
/// semester) IKM row on re-import, and a year's discipline rows when that year's file comes again, and
/// the plan writes the same files every time.
struct DemoOutcomesLoader {
    typealias Kind = Binakarier_Reporting_V1_OutcomeKind

    /// Why the part stopped, in words people read (the command prints it and exits non-zero).
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The service takes at most 4 MiB a file.
    static let maximumFileSize = 4 << 20

    let client: ReportingAPI.Client
    let plan: DemoOutcomesPlan
    let path: String
    /// Rows saved, by file, in the order imported.
    var imported: [(label: String, rows: Int)] = []
    var unitsCreated = 0
    var warnings = 0

    /// Imports the demo's outcome data into the bk-reportingd of `socketDirectory`; says so and returns
    /// when that daemon's socket is not there, and fails saying so when it is there but does not answer.
    static func load(city: DemoCity, socketDirectory: String, identity: RPCClient) async throws {
        let path = DaemonName.reporting.socketPath(in: socketDirectory)
        let years = "\(DemoOutcomesPlan.previousYear)–\(DemoPrograms.year)"
        guard FileManager.default.fileExists(atPath: path) else {
            note("bk-demo-data: \(path) tidak ada (bk-reportingd tidak berjalan); data hasil \(years) (SKP, hukuman disiplin, IKM) dilewati.")
            return
        }
        let accounts = API.Client(identity)
        let organizer = try await accounts.login(.init(username: DemoData.organizer.username, password: DemoData.organizer.password))
        let administrator = try await accounts.login(.init(
            username: DemoData.administrator.username, password: DemoData.administrator.password))
        let rpc = RPCClient(socketPath: path, defaultTimeout: .seconds(120))
        defer { Task { await rpc.close() } }
        var loader = DemoOutcomesLoader(
            client: ReportingAPI.Client(rpc, metadata: .bearer(organizer.token)),
            plan: DemoOutcomesPlan(city: city, programs: DemoProgramsPlan(city: city)), path: path)
        try await loader.createServiceUnits(API.Client(identity, metadata: .bearer(administrator.token)))
        try await loader.run()
    }

    mutating func run() async throws {
        try await checkReachable()
        // The replica lists identity's people again only every few minutes, and imports refuse NIPs and
        // units it does not know: one round first, for the city (and puskesmas) loaded a moment ago.
        _ = try await sync()
        let years = DemoOutcomesPlan.years
        try await importFile(.skp, plan.skpCSV, label: "SKP \(years.map { String($0) }.joined(separator: "–"))")
        for year in years {
            try await importFile(.discipline, plan.disciplineCSV(year: year), label: "hukuman disiplin \(year)")
        }
        try await importFile(.ikm, plan.ikmCSV, label: "IKM")
        // And one at the end, so that the reports see everything.
        let status = try await sync()
        summarize(status)
    }

    /// Fails, saying so, when bk-reportingd's socket is there but nothing answers on it.
    func checkReachable() async throws {
        do throws(RPCError) {
            _ = try await client.getDataStatus(.init())
        } catch {
            guard error.code == .unavailable || error.code == .deadlineExceeded else { throw error }
            throw unreachable(error)
        }
    }

    func unreachable(_ error: RPCError) -> Failure {
        Failure(description: """
            bk-demo-data: bk-reportingd tidak dapat dihubungi di \(path) (\(error.message)); data hasil tidak dimuat. \
            Jalankan bk-reportingd, atau lewati bagian ini dengan --skip-reporting.
            """)
    }

    /// The puskesmas of `DemoFeedback.serviceUnits`, which the city's structure leaves out.
    mutating func createServiceUnits(_ identity: API.Client) async throws {
        for unit in DemoFeedback.serviceUnits where !unit.createAs.isEmpty {
            do throws(RPCError) {
                _ = try await identity.createUnit(.init(unit: OrganizationUnit(agencyCode: unit.agency, code: unit.unit, name: unit.createAs)))
                unitsCreated += 1
            } catch {
                guard error.code == .alreadyExists else { throw error }
            }
        }
    }

    /// Imports one file, all or nothing; any refused row stops the load with the first few reasons.
    mutating func importFile(_ kind: Kind, _ csv: String, label: String) async throws {
        let bytes = Array(csv.utf8)
        guard bytes.count <= Self.maximumFileSize else {
            throw Failure(description: "bk-demo-data: berkas \(label) \(bytes.count) bita, lebih dari 4 MiB yang diterima bk-reportingd.")
        }
        let response: Binakarier_Reporting_V1_ImportOutcomeResponse
        do throws(RPCError) {
            response = try await client.importOutcome(.init(kind: kind, csv: bytes, dryRun: false))
        } catch {
            guard error.code == .unavailable else { throw error }
            throw unreachable(error)
        }
        let refused = max(Int(response.errorsTotal), response.errors.count)
        guard refused == 0, response.rowsSaved == response.rowsTotal else {
            let reasons = response.errors.prefix(5).map { "baris \($0.line): \($0.reason)" }.joined(separator: "; ")
            throw Failure(description: """
                bk-demo-data: bk-reportingd menolak berkas \(label): \(refused) dari \(response.rowsTotal) baris bermasalah\
                \(reasons.isEmpty ? "" : " (\(reasons))"); tidak ada yang disimpan.
                """)
        }
        imported.append((label: label, rows: Int(response.rowsSaved)))
    }

    /// One sync round, so that the reports see the programs and feedback loaded before. A source that
    /// cannot be asked is a warning: the service keeps what it read and syncs again on its own.
    mutating func sync() async throws -> Binakarier_Reporting_V1_DataStatus? {
        do throws(RPCError) {
            return try await client.syncNow(.init())
        } catch {
            guard error.code == .unavailable || error.code == .deadlineExceeded else { throw error }
            warn("sinkronisasi bk-reportingd belum selesai (\(error.message)); laporan menyusul pada sinkronisasi berikutnya")
            return nil
        }
    }

    // MARK: the summary

    func summarize(_ status: Binakarier_Reporting_V1_DataStatus?) {
        func decimal(_ value: Double, signed: Bool = false) -> String {
            let text = String(format: signed ? "%+.1f" : "%.1f", value).replacingOccurrences(of: ".", with: ",")
            return text.replacingOccurrences(of: "-", with: "−")
        }
        let previous = DemoOutcomesPlan.previousYear, current = DemoPrograms.year
        let files = imported.map { "\($0.label) \($0.rows) baris" }.joined(separator: ", ")
        let treated = plan.goodShare(.treated), training = plan.goodShare(.trainingOnly), held = plan.goodShare(.held)
        let others = plan.goodShare(.other)
        let effects = plan.effects.map { "\($0.program) \(decimal($0.difference, signed: true)) (\($0.units) unit, n \($0.people)/\($0.comparisonPeople))" }
            .joined(separator: ", ")
        let rising = DemoFeedback.serviceUnits.filter { unit in
            plan.satisfaction.contains { $0.unit.agency == unit.agency && $0.unit.unit == unit.unit && $0.rising }
        }
        let risingText = rising.isEmpty ? "tidak ada" : rising.map(\.name).joined(separator: ", ")
        var parts = [
            files,
            "Baik ke atas \(previous) → \(current): \(treated.units) unit peserta \(DemoOutcomesPlan.effectPrograms.joined(separator: " dan ")) "
                + "\(decimal(treated.before)) → \(decimal(treated.after)) %, \(training.units) unit hanya \(DemoOutcomesPlan.effectPrograms[0]) "
                + "\(decimal(training.before)) → \(decimal(training.after)) %, \(held.units) unit \(DemoOutcomesPlan.nullPrograms.joined(separator: "/")) "
                + "\(decimal(held.before)) → \(decimal(held.after)) %, \(others.units) unit lain \(decimal(others.before)) → \(decimal(others.after)) %",
            "Level 4 menurut rencana (selisih-dalam-selisih, poin persen): \(effects)",
            "IKM naik: \(risingText); \(DemoFeedback.serviceUnits.count - rising.count) unit layanan lain tetap",
        ]
        if unitsCreated > 0 { parts.append("\(unitsCreated) unit puskesmas dibuat") }
        if let status {
            parts.append("replika: \(status.people) pegawai, \(status.enrolments) pendaftaran, \(status.campaigns) kampanye"
                + (status.lastError.isEmpty ? "" : " (galat terakhir: \(status.lastError))"))
        }
        let warned = warnings > 0 ? "; \(warnings) peringatan" : ""
        Self.note("bk-demo-data: data hasil \(previous)–\(current): " + parts.joined(separator: "; ") + warned + ".")
    }

    // MARK: helpers

    /// The first ten warnings are shown; all are counted in the summary.
    mutating func warn(_ text: String) {
        warnings += 1
        if warnings <= 10 { Self.note("bk-demo-data: peringatan: \(text)") }
    }

    static func note(_ text: String) { DemoProgramsLoader.note(text) }
}
