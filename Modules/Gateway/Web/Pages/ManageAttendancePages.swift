import BKCharts
import BKProto
import BKRPC
import Foundation
import Hummingbird

/// `/kelola/sesi/:id/presensi?hari=YYYY-MM-DD`: the attendance grid of one session day, made for the
/// organiser at the door on a phone. Rows are the enrolled participants, columns the five statuses the
/// proto has (hadir, terlambat, izin, sakit, alpa) as one radio group per row, pre-filled from
/// GetAttendance; one submit marks the whole day (MarkAttendance, all or nothing). A refused record is
/// shown on its row.
enum ManageAttendancePages {
    static let statuses: [Binakarier_Programs_V1_AttendanceStatus] = [.hadir, .terlambat, .izin, .sakit, .alpa]

    /// A row as typed (after a refused post) or as stored.
    struct Typed {
        var status: [String: String] = [:]
        var note: [String: String] = [:]
        var rowErrors: [String: String] = [:]
        var formError: String?
    }

    static func register(_ web: WebApp) {
        web.get("/kelola/sesi/:id/presensi") { request, context in
            let session = try ManagePages.organizer(request, context)
            let query = request.uri.queryParameters
            return try await page(
                web, request: request, context: context, session: session, id: context.parameters.get("id") ?? "",
                day: query["hari"].map(String.init), typed: nil, fillPresent: query["isi"] == "hadir",
                saved: query["disimpan"].flatMap { Int(String($0)) })
        }

        web.post("/kelola/sesi/:id/presensi") { request, context in
            let session = try ManagePages.organizer(request, context)
            let posted = try await FormData.read(request, context: context)
            let id = context.parameters.get("id") ?? ""
            let day = posted.text("hari")
            let language = context.language
            var typed = Typed()
            var records: [Binakarier_Programs_V1_AttendanceRecord] = []
            var order: [String] = []
            for nip in posted.all("nip") where !nip.isEmpty {
                let status = posted.text("status_\(nip)")
                let note = posted.text("note_\(nip)")
                typed.status[nip] = status
                typed.note[nip] = note
                if note.utf8.count > 200 { typed.rowErrors[nip] = Strings.text("mng_err_note_long", language) }
                guard let value = Int32(status), let chosen = Binakarier_Programs_V1_AttendanceStatus(rawValue: value), chosen != .unspecified else {
                    continue
                }
                records.append(.init(sessionId: id, nip: nip, date: day, status: chosen, note: note))
                order.append(nip)
            }
            if records.isEmpty { typed.formError = Strings.text("mng_err_no_marks", language) }
            if !typed.rowErrors.isEmpty { typed.formError = Strings.text("mng_err_rows", language) }
            if typed.formError == nil {
                switch try await ManagePages.attempt({ try await ManagePages.programs(web, context, session).markAttendance(.init(sessionId: id, records: records)) }) {
                case .success(let response):
                    return web.redirect("/kelola/sesi/\(id)/presensi?hari=\(day)&disimpan=\(response.recordsSaved)")
                case .failure(let error):
                    typed.formError = ManagePages.sentence(error.message)
                    // "record 3: …" / "catatan ke-3: …": the refused record, on its row.
                    if let index = recordIndex(in: error.message), index >= 1, index <= order.count {
                        let reason = error.message.components(separatedBy: ": ").dropFirst(2).joined(separator: ": ")
                        typed.rowErrors[order[index - 1]] = ManagePages.sentence(reason.isEmpty ? error.message : reason)
                    } else if let violation = error.fieldViolations.first {
                        typed.formError = ManagePages.sentence(violation.description)
                    }
                    return try await page(
                        web, request: request, context: context, session: session, id: id, day: day, typed: typed, fillPresent: false, saved: nil,
                        status: ManagePages.status(for: error))
                }
            }
            return try await page(
                web, request: request, context: context, session: session, id: id, day: day, typed: typed, fillPresent: false, saved: nil,
                status: .badRequest)
        }
    }

    /// The 1-based record number a MarkAttendance refusal names.
    static func recordIndex(in message: String) -> Int? {
        for marker in ["catatan ke-", "record "] {
            guard let range = message.range(of: marker) else { continue }
            let digits = message[range.upperBound...].prefix { $0.isNumber }
            if let value = Int(digits) { return value }
        }
        return nil
    }

    static func page(
        _ web: WebApp, request: Request, context: GatewayContext, session: WebSession, id: String, day requested: String?, typed: Typed?,
        fillPresent: Bool, saved: Int?, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let language = context.language
        let client = ManagePages.programs(web, context, session)
        let item = try await client.getSession(.init(id: id))
        async let programLookup = try? client.getProgram(.init(code: item.programCode))
        let attendance = try await client.getAttendance(.init(sessionId: item.id))
        let people = await ManagePages.employees(ManagePages.identity(web, context, session), nips: attendance.enrolments.map(\.nip))
        let program = await programLookup

        let dates = item.days.map(\.date)
        let today = ManageFormat.today()
        let day = requested.flatMap { dates.contains($0) ? $0 : nil } ?? (dates.contains(today) ? today : dates.first ?? "")
        let unknownDay = requested != nil && !(requested.map(dates.contains) ?? true)

        let recordsOfDay = Dictionary(
            attendance.records.filter { $0.date == day }.map { ($0.nip, $0) }, uniquingKeysWith: { _, last in last })
        let marksPerDay = Dictionary(grouping: attendance.records, by: \.date).mapValues { Set($0.map(\.nip)).count }

        let participants = attendance.enrolments.sorted { (people[$0.nip]?.name ?? "~", $0.nip) < (people[$1.nip]?.name ?? "~", $1.nip) }
        var counts: [Int32: Int] = [:]
        let rows = participants.enumerated().map { index, enrolment -> [String: Any] in
            let nip = enrolment.nip
            let stored = recordsOfDay[nip]
            var chosen = typed?.status[nip] ?? stored.map { "\($0.status.rawValue)" } ?? ""
            if chosen.isEmpty, fillPresent { chosen = "\(Binakarier_Programs_V1_AttendanceStatus.hadir.rawValue)" }
            if let stored { counts[stored.status.rawValue, default: 0] += 1 }
            let name = people[nip]?.name ?? ""
            let error = typed?.rowErrors[nip] ?? ""
            return [
                "i": "\(index)",
                "n": "\(index + 1)",
                "nip": nip,
                "name": name.isEmpty ? nip : name,
                "hasName": !name.isEmpty,
                "agency": enrolment.agencyCode,
                "note": typed?.note[nip] ?? stored?.note ?? "",
                "attendance": IndonesianNumber.percent(enrolment.attendancePercent, decimals: 0),
                "unmarked": stored == nil,
                "error": error,
                "hasError": !error.isEmpty,
                "options": statuses.map { value -> [String: Any] in
                    [
                        "value": "\(value.rawValue)",
                        "id": "st-\(index)-\(value.rawValue)",
                        "label": Strings.text("mng_att_\(value.rawValue)", language),
                        "abbr": Strings.text("mng_att_abbr_\(value.rawValue)", language),
                        "checked": chosen == "\(value.rawValue)",
                        "kind": "mng-att-\(value.rawValue)",
                    ]
                },
            ]
        }

        let dayLinks = item.days.enumerated().map { index, sessionDay -> [String: Any] in
            [
                "href": "/kelola/sesi/\(item.id)/presensi?hari=\(sessionDay.date)",
                "label": "\(Strings.text("mng_day", language)) \(index + 1)",
                "date": ManageFormat.long(sessionDay.date, language),
                "current": sessionDay.date == day,
                "marked": IndonesianNumber.format(Double(marksPerDay[sessionDay.date] ?? 0)) + "/" + IndonesianNumber.format(Double(participants.count)),
                "isToday": sessionDay.date == today,
            ]
        }
        let columns = statuses.map { value -> [String: Any] in
            ["label": Strings.text("mng_att_\(value.rawValue)", language), "abbr": Strings.text("mng_att_abbr_\(value.rawValue)", language),
             "count": IndonesianNumber.format(Double(counts[value.rawValue] ?? 0))]
        }
        let markable = item.state == .running || item.state == .completed
        let sessionDay = item.days.first { $0.date == day }

        var data: [String: Any] = [
            "s": ManagePages.sessionSummary(item, language: language),
            "tabs": ManageSessionPages.tabs(item.id, current: "presensi", language: language),
            "program": ["code": item.programCode, "title": program?.title ?? "", "href": "/kelola/program/\(item.programCode)"],
            "day": day,
            "dayText": ManageFormat.withWeekday(day, language),
            "dayTime": [sessionDay?.startTime ?? "", sessionDay?.endTime ?? ""].filter { !$0.isEmpty }.joined(separator: "–"),
            "dayJP": sessionDay.map { "\($0.jp)" } ?? "",
            "hasDayTime": !(sessionDay?.startTime ?? "").isEmpty,
            "days": dayLinks,
            "rows": rows,
            "hasRows": !rows.isEmpty,
            "columns": columns,
            "markable": markable && !rows.isEmpty && !day.isEmpty,
            "notStarted": item.state == .draft || item.state == .open,
            "cancelled": item.state == .cancelled,
            "completed": item.state == .completed,
            "unknownDay": unknownDay,
            "fillHref": "/kelola/sesi/\(item.id)/presensi?hari=\(day)&isi=hadir",
            "sessionHref": "/kelola/sesi/\(item.id)",
            "participantsHref": "/kelola/sesi/\(item.id)/peserta",
            "unmarkedCount": IndonesianNumber.format(Double(participants.count - recordsOfDay.count)),
            "markedCount": IndonesianNumber.format(Double(recordsOfDay.count)),
            "total": IndonesianNumber.format(Double(participants.count)),
        ]
        if let message = typed?.formError { data["formError"] = message }
        var flash: String?
        if let saved {
            flash = ManageFormat.fill(Strings.text("mng_attendance_saved", language), IndonesianNumber.format(Double(saved)), ManageFormat.long(day, language))
        }
        return web.page(
            "mng_attendance", title: "\(web.text("mng_attendance_title", context)) \(item.id)", data: data, request: request, context: context,
            status: status, flash: flash)
    }
}
