import BKProto
import BKRPC
import Foundation
import Identity

/// How the demo BKPSDM works day to day: requests for a seat at each step of their approval chain, and
/// non-classroom learning converted into JP at each step of its validation, so that `/persetujuan`
/// has something to decide for the Head of Health and for BKPSDM.
///
/// - A January 2027 batch of "Bimtek Aplikasi Srikandi" (BIMTEK-SRIKANDI-01, open): Andika (the demo's member of
///   staff) and a colleague have asked for a seat and wait for their supervisors; a colleague's request was approved by the
///   head and waits for BKPSDM; a third was confirmed and has its duty letter.
/// - Andika reported a national seminar (waits for validation); a colleague's coaching sessions were
///   validated by the head and wait for BKPSDM's verification.
///
/// Apart from `DemoProgramsPlan` on purpose (a program there would move every number of the demo year);
/// its dates are after that year. Running it again changes nothing: it stops when the program exists.
struct DemoPractice {
    static let programCode = "BIMTEK-SRIKANDI"
    static let day = "2027-01-19"

    let city: DemoCity
    let organizer: ProgramsAPI.Client
    let programsRPC: RPCClient
    let identity: API.Client
    let identityRPC: RPCClient
    var tokens: [String: String] = [:]

    static func load(city: DemoCity, socketDirectory: String, identity: RPCClient) async throws {
        let programsPath = DaemonName.programs.socketPath(in: socketDirectory)
        guard FileManager.default.fileExists(atPath: programsPath) else { return }
        let accounts = API.Client(identity)
        let organizer = try await accounts.login(.init(username: DemoData.organizer.username, password: DemoData.organizer.password))
        let administrator = try await accounts.login(.init(username: DemoData.administrator.username, password: DemoData.administrator.password))
        let programsRPC = RPCClient(socketPath: programsPath, defaultTimeout: .seconds(120))
        defer { Task { await programsRPC.close() } }
        var loader = DemoPractice(
            city: city, organizer: ProgramsAPI.Client(programsRPC, metadata: .bearer(organizer.token)), programsRPC: programsRPC,
            identity: API.Client(identity, metadata: .bearer(administrator.token)), identityRPC: identity)
        try await loader.run()
    }

    /// Dinas Kesehatan's head, the demo's member of staff, and three active PNS pelaksana colleagues (their
    /// requests go to their supervisor, or to the head; the head may decide either way).
    var dinkes: [Employee] { city.employees.filter { $0.agencyCode == "DINKES" && $0.status == .active } }
    var head: Employee? { dinkes.first { $0.jobLevel == .jptPratama } }
    var andika: Employee? { dinkes.first { $0.jobLevel == .pelaksana } }
    var colleagues: [Employee] {
        Array(dinkes.filter { $0.jobLevel == .pelaksana && $0.asnType == .pns && $0.nip != andika?.nip }.prefix(3))
    }

    mutating func run() async throws {
        if (try? await organizer.getProgram(.init(code: Self.programCode))) != nil { return }
        guard let head, let andika, colleagues.count == 3 else {
            DemoProgramsLoader.note("bk-demo-data: Dinas Kesehatan tidak mempunyai kepala atau tiga staf pelaksana; permintaan dan validasi contoh dilewati.")
            return
        }
        _ = try await organizer.createProgram(.init(program: .init(
            code: Self.programCode, title: "Bimtek Aplikasi Srikandi (Tata Naskah Dinas Elektronik)", kind: .bimtek,
            description: "Bimbingan teknis memakai Srikandi, aplikasi umum bidang kearsipan dinamis: membuat, mengirim dan menyetujui naskah dinas elektronik.",
            goals: ["Naskah dinas unit dikirim lewat Srikandi"], competencies: [.init(competencyCode: "MNJ-ORIENTASI-HASIL", level: 2)], jp: 8,
            organizerAgencyCode: "BKPSDM", evaluationLevels: [.reaction], costRupiah: 6_500_000)))
        let created = try await organizer.createSession(.init(session: .init(
            programCode: Self.programCode, days: [.init(date: Self.day, startTime: "08:00", endTime: "16:00", jp: 8)],
            venue: "Aula BKPSDM Kota Sawahlunto", capacity: 30)))
        let session = try await organizer.transitionSession(.init(id: created.id, transition: .open))

        // Requests at each step of the chain.
        _ = try await programs(as: andika.nip).requestEnrolment(.init(sessionId: session.id))
        for colleague in colleagues {
            _ = try await programs(as: colleague.nip).requestEnrolment(.init(sessionId: session.id))
        }
        let asHead = try await programs(as: head.nip)
        for colleague in colleagues.dropFirst() {
            _ = try await asHead.decideEnrolment(.init(
                sessionId: session.id, nip: colleague.nip, approve: true, reason: "Sesuai rencana pengembangan kompetensi bidang"))
        }
        let confirmed = try await organizer.decideEnrolment(.init(sessionId: session.id, nip: colleagues[2].nip, approve: true))

        // Learning outside a classroom, converted by the table in force.
        _ = try await programs(as: andika.nip).reportOutsideLearning(.init(learning: .init(
            nip: andika.nip, title: "Seminar Nasional Kesehatan Masyarakat", provider: "Kementerian Kesehatan RI",
            startDate: "2026-11-12", endDate: "2026-11-12", evidence: "https://seminar.kemkes.go.id/sertifikat/2026/0412",
            activityCode: "SEMINAR-NASIONAL", units: 1, evidenceKinds: ["sertifikat", "surat-tugas"])))
        let coaching = try await programs(as: colleagues[0].nip).reportOutsideLearning(.init(learning: .init(
            nip: colleagues[0].nip, title: "Coaching penyusunan rencana kerja puskesmas", provider: "Kepala Bidang Kesehatan Masyarakat",
            startDate: "2026-10-01", endDate: "2026-10-29", evidence: "Catatan coaching 4 sesi, ditandatangani coach",
            activityCode: "COACHING", units: 4, evidenceKinds: ["catatan-coaching"])))
        _ = try await asHead.validateOutsideLearning(.init(entryIds: [coaching.id], approve: true))
        DemoProgramsLoader.note("""
            bk-demo-data: \(session.id) dibuka dengan 4 permintaan (2 menunggu atasan, 1 menunggu BKPSDM, 1 dikonfirmasi: \
            surat tugas \(confirmed.dutyLetterNumber)); 2 pembelajaran nonklasikal menunggu validasi dan verifikasi.
            """)
    }

    /// A client of programs as `nip` (an account made when there is none).
    mutating func programs(as nip: String) async throws -> ProgramsAPI.Client {
        if let token = tokens[nip] { return ProgramsAPI.Client(programsRPC, metadata: .bearer(token)) }
        if (try? await identity.getAccount(.init(username: nip))) == nil {
            let name = city.employees.first { $0.nip == nip }?.name ?? nip
            _ = try? await identity.createAccount(.init(
                username: nip, password: DemoData.employeePassword, displayName: name, roles: [.employee], nip: nip))
        }
        let login = try await API.Client(identityRPC).login(.init(username: nip, password: DemoData.employeePassword))
        tokens[nip] = login.token
        return ProgramsAPI.Client(programsRPC, metadata: .bearer(login.token))
    }
}
