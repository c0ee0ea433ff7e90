import BKProto
import BKRPC
import Foundation
import Hummingbird
import Logging

/// `/surat-tugas/:sesi/:nip`: the duty letter (surat tugas) that releases a confirmed participant to
/// attend, numbered by programs when BKPSDM confirmed the seat. A page of its own (no navigation, A4
/// print styles), so that the browser's "print" or "save as PDF" gives the letter and nothing else.
/// The person, their supervisor or head, and BKPSDM may open it (programs' own rule on ListEnrolments).
///
/// The text is a Mustache template. An operator replaces it with `<data-dir>/surat-tugas.mustache`
/// (read at start; the names it may use are those `letterData` fills in, listed in docs/operations.md).
enum DutyLetterPages {
    static let overrideFile = "surat-tugas.mustache"

    static func register(_ web: WebApp) {
        web.get("/surat-tugas/:sesi/:nip") { request, context in
            let session = try context.requireSession(request)
            let sessionID = context.parameters.get("sesi") ?? "", nip = context.parameters.get("nip") ?? ""
            let programs = ManagePages.programs(web, context, session)
            let identity = ManagePages.identity(web, context, session)
            var found: Binakarier_Programs_V1_Enrolment?
            var token = ""
            repeat {
                let page = try await programs.listEnrolments(.init(pageSize: 200, pageToken: token, nip: nip))
                found = page.enrolments.first { $0.sessionId == sessionID.uppercased() } ?? found
                token = found == nil ? page.nextPageToken : ""
            } while !token.isEmpty
            guard let enrolment = found, !enrolment.dutyLetterNumber.isEmpty, enrolment.state == .enrolled else {
                throw WebFailure(status: .notFound, message: .init(
                    id: "Surat tugas tidak ditemukan: surat tugas terbit ketika BKPSDM mengonfirmasi kursi peserta.",
                    en: "No duty letter: it is issued when BKPSDM confirms the participant's seat."))
            }
            let held = try await programs.getSession(.init(id: enrolment.sessionId))
            async let programLookup = try? programs.getProgram(.init(code: held.programCode))
            async let personLookup = try? identity.getEmployee(.init(nip: enrolment.nip))
            let program = await programLookup, person = await personLookup
            var agencyName = enrolment.agencyCode
            if let agency = try? await identity.getAgency(.init(code: enrolment.agencyCode)) { agencyName = agency.name }
            let data = letterData(enrolment: enrolment, session: held, program: program, person: person, agencyName: agencyName)
            return WebRenderer.html(web.renderer.fragment("duty_letter", data))
        }
    }

    /// Everything the template may use.
    static func letterData(
        enrolment: Binakarier_Programs_V1_Enrolment, session: Binakarier_Programs_V1_Session, program: Binakarier_Programs_V1_Program?,
        person: Binakarier_Identity_V1_Employee?, agencyName: String
    ) -> [String: Any] {
        let days = session.days.map(\.date).sorted()
        let first = days.first ?? "", last = days.last ?? ""
        let dates = first == last ? ManageFormat.long(first, .indonesian) : "\(ManageFormat.long(first, .indonesian)) s.d. \(ManageFormat.long(last, .indonesian))"
        return [
            "number": enrolment.dutyLetterNumber,
            "issued": dateOnly(enrolment.dutyLetterTimeUnix),
            "name": person?.name ?? enrolment.nip,
            "nip": enrolment.nip,
            "rank": person.map { $0.asnType == .pppk ? "PPPK" : CatalogueFormat.golongan($0.golongan) } ?? "",
            "position": person?.positionTitle ?? "",
            "agency": agencyName,
            "program": program?.title ?? session.programCode,
            "session": session.id,
            "batch": "\(session.batch)",
            "dates": dates,
            "venue": session.venue.isEmpty ? session.onlineLink : session.venue,
            "jp": "\(program?.jp ?? 0)",
            "organizer": program?.organizerAgencyCode ?? "BKPSDM",
            "lang": "id",
        ]
    }

    static func templateOverride(dataDirectory: String, logger: Logger) -> [String: String] {
        let path = dataDirectory + "/" + overrideFile
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [:] }
        logger.info("duty letter template replaced", metadata: ["file": "\(path)"])
        return ["duty_letter": text]
    }

    /// "30 November 2026", WIB.
    static func dateOnly(_ unix: Int64) -> String {
        guard unix > 0 else { return "" }
        return ManageFormat.long(ManageFormat.today(Date(timeIntervalSince1970: TimeInterval(unix))), .indonesian)
    }

    /// "30 November 2026 14.05 WIB".
    static func dateTime(_ unix: Int64, _ language: Language) -> String {
        ManageFormat.long(ManageFormat.today(Date(timeIntervalSince1970: TimeInterval(unix))), language) + " " + String(CheckInPages.wibClock(unix).prefix(5)) + " WIB"
    }
}
