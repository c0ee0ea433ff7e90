import BKProto
import BKRPC
import BKServiceKit

extension ProgramsService {
    // MARK: certificates

    /// A certificate the caller may see answers; any other number is answered exactly as one that does
    /// not exist, so that stepping through the numbers reveals nobody.
    public func getCertificate(_ request: Binakarier_Programs_V1_GetCertificateRequest, context: RPCServerContext) async throws -> Certificate {
        let number = try Validation.optionalText(request.number, field: "number", maxBytes: TextRules.shortText)
        let absent = ProgramsError.notFound(.init(id: "sertifikat \(number) tidak ditemukan", en: "certificate \(number) not found"))
        guard let certificate = try await store.certificate(number: number) else { throw absent }
        let holder: Employee
        do {
            holder = try await person(certificate.nip, field: "number", context: context)
        } catch is ProgramsError {
            throw absent
        }
        var shown = certificate
        shown.holderName = holder.name
        return shown
    }

    public func listCertificates(_ request: Binakarier_Programs_V1_ListCertificatesRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_ListCertificatesResponse {
        let holder = try await person(request.nip, field: "nip", context: context)
        let certificates = try await store.certificates(nip: holder.nip).map { certificate in
            var shown = certificate
            shown.holderName = holder.name
            return shown
        }
        return .init(certificates: certificates)
    }

    /// Public: the number and its code must match (the code is what the holder hands over with the
    /// certificate). Even then only the NIP's last four digits are shown: a NIP holds a birth date.
    public func verifyCertificate(_ request: Binakarier_Programs_V1_VerifyCertificateRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_VerifyCertificateResponse {
        let number = try Validation.optionalText(request.number, field: "number", maxBytes: TextRules.shortText)
        let code = try Validation.optionalText(request.verificationCode, field: "verification_code", maxBytes: TextRules.shortText)
        let language = context.language
        guard !number.isEmpty, !code.isEmpty, let certificate = try await store.certificate(number: number), store.isAuthentic(certificate, code: code) else {
            return .init(valid: false, reason: language.pick(
                id: "nomor atau kode verifikasi tidak cocok dengan sertifikat mana pun", en: "the number or verification code matches no certificate"))
        }
        var shown = certificate
        shown.nip = String(repeating: "*", count: max(0, certificate.nip.count - 4)) + certificate.nip.suffix(4)
        if certificate.revoked {
            return .init(valid: false, certificate: shown, reason: language.pick(
                id: "sertifikat ini telah dicabut: \(certificate.revokeReason)", en: "this certificate was revoked: \(certificate.revokeReason)"))
        }
        return .init(valid: true, certificate: shown, reason: "")
    }

    // MARK: the JP ledger

    public func getLedger(_ request: Binakarier_Programs_V1_GetLedgerRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_Ledger {
        let employee = try await person(request.nip, field: "nip", context: context)
        let year = request.year == 0 ? thisYear : request.year
        guard (2000...2100).contains(year) else { throw ProgramsError.invalid(field: "year", reason: .init(id: "tahun tidak sah", en: "not a valid year")) }
        let entries = try await store.ledgerEntries(nip: employee.nip, year: year)
        return Self.ledger(employee, year: year, entries: entries, rules: rules)
    }

    static func ledger(_ employee: Employee, year: Int32, entries: [LedgerEntry], rules: ProgramRules.Settings) -> Binakarier_Programs_V1_Ledger {
        let verified = Int32(clamping: entries.filter { $0.state == .verified }.reduce(Int64(0)) { $0 + Int64($1.jp) })
        let pending = Int32(clamping: entries.filter { $0.state == .pending }.reduce(Int64(0)) { $0 + Int64($1.jp) })
        let pppk = employee.asnType == .pppk
        return .init(
            nip: employee.nip, year: year, asnType: employee.asnType, entries: entries, jpVerified: verified, jpPending: pending,
            jpTarget: pppk ? rules.pppkCeilingJP : rules.pnsMinimumJP,
            meetsTarget: pppk ? verified <= rules.pppkCeilingJP : verified >= rules.pnsMinimumJP,
            jpGap: pppk ? 0 : max(0, rules.pnsMinimumJP - verified))
    }

    public func reportOutsideLearning(_ request: Binakarier_Programs_V1_ReportOutsideLearningRequest, context: RPCServerContext) async throws -> LedgerEntry {
        let caller = try context.requireCaller()
        let learning = try Required.field(request.learning, "learning")
        let employee = try await person(learning.nip, field: "learning.nip", context: context)
        guard employee.nip == caller.nip || caller.hasAny(.organizer, .administrator) else {
            throw ProgramsError.permissionDenied(.init(
                id: "laporkan pembelajaran Anda sendiri (BKPSDM dapat melaporkan untuk siapa pun)",
                en: "report your own learning (BKPSDM can report for anyone)"))
        }
        let organizer = caller.hasAny(.organizer, .administrator)
        var converted = learning
        var conversion: (rule: JpConversionRule, version: String)?
        if !learning.activityCode.isEmpty {
            let start = try Validation.date(learning.startDate, field: "learning.start_date")
            let code = try Validation.code(learning.activityCode, field: "learning.activity_code")
            guard let table = try await store.conversionTable(version: "", date: start.description),
                  let rule = table.rules.first(where: { $0.code == code })
            else {
                throw ProgramsError.invalid(field: "learning.activity_code", reason: .init(
                    id: "kegiatan \(code) tidak ada di tabel konversi JP yang berlaku pada \(start)",
                    en: "activity \(code) is not in the JP conversion table in force on \(start)"))
            }
            let missing = JpConversion.missingEvidence(rule, attached: learning.evidenceKinds)
            guard missing.isEmpty else {
                throw ProgramsError.invalid(field: "learning.evidence_kinds", reason: .init(
                    id: "\(rule.name) memerlukan bukti: \(missing.joined(separator: ", "))", en: "\(rule.code) needs evidence: \(missing.joined(separator: ", "))"))
            }
            let end = learning.endDate.isEmpty ? start : try Validation.date(learning.endDate, field: "learning.end_date")
            let claimed = try await store.claimedJP(nip: employee.nip, year: Int32(end.year), activity: code)
            converted.jp = try JpConversion.jp(of: rule, units: learning.units, claimed: claimed, field: "learning.units")
            converted.kind = rule.kind
            conversion = (rule, table.version)
        }
        var entry = try OutsideLearningInput.entry(converted, field: "learning")
        entry.nip = employee.nip
        entry.reportedBy = caller.subject
        if let conversion {
            entry.activityCode = conversion.rule.code
            entry.units = learning.units
            entry.conversionVersion = conversion.version
            entry.evidenceKinds = learning.evidenceKinds.map { $0.lowercased() }
            // What a person reports for themselves their supervisor validates first; BKPSDM's own entries do not wait.
            entry.needsValidation = !organizer
        }
        let stored = try await store.addOutsideLearning([entry])
        audit(context, "outside learning reported", ["nip": employee.nip, "jp": "\(entry.jp)"])
        return stored[0]
    }

    public func importOutsideLearning(_ request: Binakarier_Programs_V1_ImportOutsideLearningRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_ImportOutsideLearningResponse {
        let caller = try context.requireCaller()
        let csv = request.csv
        let parsed = try await BlockingWork.run { try OutsideLearningInput.parse(csv, deadline: context.deadline) }
        var errors = parsed.errors
        // Every NIP must be someone identity knows.
        let distinct = Array(Set(parsed.rows.map(\.entry.nip)))
        var refused: [String: LocalizedText] = [:]
        for (nip, lookup) in zip(distinct, await lookUpAll(distinct, field: "NIP", token: context.metadata.bearerToken ?? "")) {
            if case .failure(let error) = lookup { refused[nip] = ImportTable.reason(error) }
        }
        for row in parsed.rows {
            if let why = refused[row.entry.nip] { errors.append((row.line, why)) }
        }
        var response = Binakarier_Programs_V1_ImportOutsideLearningResponse(rowsTotal: Int32(parsed.rows.count + parsed.errors.count))
        if errors.isEmpty, !request.dryRun {
            let stored = try await store.addOutsideLearning(parsed.rows.map {
                var entry = $0.entry
                entry.reportedBy = caller.subject
                return entry
            })
            response.rowsSaved = Int32(stored.count)
        }
        errors.sort { $0.line < $1.line }
        response.errorsTotal = Int32(errors.count)
        response.errors = errors.prefix(Self.maximumReportedErrors).map { .init(line: Int32($0.line), reason: ImportTable.report($0.reason, context.language)) }
        audit(context, "outside learning imported", ["rows": "\(response.rowsTotal)", "saved": "\(response.rowsSaved)", "errors": "\(response.errorsTotal)"])
        return response
    }

    public func listOutsideLearning(_ request: Binakarier_Programs_V1_ListOutsideLearningRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_ListOutsideLearningResponse {
        let caller = try context.requireCaller()
        if request.awaitingMyValidation { return try await awaitingValidation(caller: caller, context: context) }
        var nip = request.nip
        if !ProgramsAccess.seesEveryone(caller) {
            nip = try await person(nip.isEmpty ? caller.nip : nip, field: "nip", context: context).nip
        }
        let size = try PageTokens.size(request.pageSize)
        let scope = "outside:\(nip):\(request.state.rawValue)"
        let after = try pages.decode(request.pageToken, scope: scope)
        let found = try await store.outsideLearning(state: request.state, nip: nip, after: after, limit: size + 1)
        return .init(entries: Array(found.prefix(size)), nextPageToken: found.count > size ? pages.encode(after: found[size - 1].id, scope: scope) : "")
    }

    /// The converted learning of the caller's staff (direct reports; a head's whole agency) that waits for
    /// their validation, oldest first.
    func awaitingValidation(caller: Caller, context: RPCServerContext) async throws -> Binakarier_Programs_V1_ListOutsideLearningResponse {
        guard !caller.nip.isEmpty, caller.has(.supervisor) || caller.has(.agencyHead) else {
            throw ProgramsError.permissionDenied(.init(id: "hanya untuk atasan dan kepala perangkat daerah", en: "for supervisors and agency heads only"))
        }
        let staff = try await Self.lookUpStaff(directory, agencyCode: caller.agencyCode, token: context.metadata.bearerToken ?? "")
            .filter { $0.nip != caller.nip && ($0.supervisorNip == caller.nip || caller.has(.agencyHead)) }
        let entries = try await store.awaitingValidation(nips: staff.map(\.nip))
        return .init(entries: entries)
    }

    static func lookUpStaff(_ directory: any PeopleDirectory, agencyCode: String, token: String) async throws(ProgramsError) -> [Employee] {
        do {
            return try await directory.employees(agencyCode: agencyCode, token: token)
        } catch {
            throw .rpc(error)
        }
    }

    public func validateOutsideLearning(_ request: Binakarier_Programs_V1_ValidateOutsideLearningRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_ValidateOutsideLearningResponse {
        let caller = try context.requireCaller()
        guard !request.entryIds.isEmpty, request.entryIds.count <= 1000 else {
            throw ProgramsError.invalid(field: "entry_ids", reason: .init(id: "isi 1 sampai 1.000 id", en: "give 1 to 1,000 ids"))
        }
        let reason = request.approve ? "" : try Required.text(request.reason, "reason", maxBytes: TextRules.shortText)
        var checked: [String: Bool] = [:]
        for id in Set(request.entryIds) {
            guard let entry = try await store.ledgerEntry(id: id) else {
                throw ProgramsError.notFound(.init(id: "catatan \(id) tidak ditemukan", en: "entry \(id) not found"))
            }
            if checked[entry.nip] == nil {
                let employee = try await person(entry.nip, field: "entry_ids", context: context)
                checked[entry.nip] = employee.nip != caller.nip
                    && ((caller.has(.supervisor) && employee.supervisorNip == caller.nip)
                        || (caller.has(.agencyHead) && employee.agencyCode == caller.agencyCode))
            }
            guard checked[entry.nip] == true else {
                throw ProgramsError.permissionDenied(.init(
                    id: "catatan \(id) bukan milik bawahan langsung Anda", en: "entry \(id) is not your direct staff's"))
            }
        }
        let changed = try await store.validateOutsideLearning(ids: request.entryIds, approve: request.approve, reason: reason, by: caller.subject)
        audit(context, request.approve ? "outside learning validated" : "outside learning refused by supervisor", ["entries": "\(changed)"])
        return .init(entriesChanged: Int32(changed))
    }

    public func getJpConversion(_ request: Binakarier_Programs_V1_GetJpConversionRequest, context: RPCServerContext) async throws -> JpConversionTable {
        let date = request.date.isEmpty ? CalendarDate(wib: now()).description : try Validation.date(request.date, field: "date").description
        guard let table = try await store.conversionTable(version: request.version, date: date) else {
            throw ProgramsError.notFound(request.version.isEmpty
                ? .init(id: "tidak ada tabel konversi JP yang berlaku pada \(date)", en: "no JP conversion table in force on \(date)")
                : .init(id: "tabel konversi JP versi \(request.version) tidak ditemukan", en: "JP conversion table version \(request.version) not found"))
        }
        return table
    }

    public func listJpConversions(_ request: Binakarier_Programs_V1_ListJpConversionsRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_ListJpConversionsResponse {
        .init(tables: try await store.conversionTables())
    }

    public func publishJpConversion(_ request: Binakarier_Programs_V1_PublishJpConversionRequest, context: RPCServerContext) async throws -> JpConversionTable {
        let caller = try context.requireCaller()
        var table = try JpConversion.validated(try Required.field(request.table, "table"))
        table.publishedBy = caller.subject
        let published = try await store.publishConversionTable(table)
        audit(context, "jp conversion published", ["version": published.version, "effective_from": published.effectiveFrom])
        return published
    }

    public func verifyOutsideLearning(_ request: Binakarier_Programs_V1_VerifyOutsideLearningRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_VerifyOutsideLearningResponse {
        let caller = try context.requireCaller()
        guard !request.entryIds.isEmpty, request.entryIds.count <= 10_000 else {
            throw ProgramsError.invalid(field: "entry_ids", reason: .init(id: "isi 1 sampai 10.000 id", en: "give 1 to 10,000 ids"))
        }
        let reason = request.approve
            ? ""
            : try Required.text(request.reason, "reason", maxBytes: TextRules.shortText)
        let changed = try await store.verifyOutsideLearning(
            ids: request.entryIds, approve: request.approve, reason: reason, by: caller.subject, callerNIP: caller.nip)
        audit(context, request.approve ? "outside learning verified" : "outside learning rejected", ["entries": "\(changed)"])
        return .init(entriesChanged: Int32(changed))
    }

    // MARK: compliance

    public func getCompliance(_ request: Binakarier_Programs_V1_GetComplianceRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_Compliance {
        let caller = try context.requireCaller()
        let year = request.year == 0 ? thisYear : request.year
        guard (2000...2100).contains(year) else { throw ProgramsError.invalid(field: "year", reason: .init(id: "tahun tidak sah", en: "not a valid year")) }
        let agency = try caller.agencyScope(
            requested: request.agencyCode, seesEveryAgency: ProgramsAccess.seesEveryone(caller), what: .init(id: "kepatuhan", en: "compliance"))
        let limit = request.belowTargetLimit <= 0 ? 200 : min(Int(request.belowTargetLimit), 5000)
        async let people = directory.employees(agencyCode: agency.isEmpty ? nil : agency, token: context.metadata.bearerToken ?? "")
        async let totals = store.yearTotals(year: year)
        let (employees, jp) = try await (people, totals)
        return Self.compliance(employees: employees, totals: jp, year: year, belowTargetLimit: limit, rules: rules)
    }

    /// Compliance from the people and their year's JP: PNS against the minimum, PPPK against the ceiling.
    static func compliance(
        employees: [Employee], totals: [String: (verified: Int64, pending: Int64)], year: Int32, belowTargetLimit: Int, rules: ProgramRules.Settings
    ) -> Binakarier_Programs_V1_Compliance {
        var byAgency: [String: Binakarier_Programs_V1_AgencyCompliance] = [:]
        var jpSum: [String: Int64] = [:]
        var total = Binakarier_Programs_V1_AgencyCompliance(agencyCode: "")
        var totalJP: Int64 = 0
        var below: [Binakarier_Programs_V1_BelowTarget] = []
        var byUnit: [String: Binakarier_Programs_V1_UnitCompliance] = [:]
        var unitJP: [String: Int64] = [:]
        for employee in employees where employee.status == .active {
            let jp = totals[employee.nip] ?? (0, 0)
            if employee.asnType == .pns {
                let key = employee.agencyCode + "/" + employee.unitCode
                var unit = byUnit[key] ?? .init(agencyCode: employee.agencyCode, unitCode: employee.unitCode)
                unit.pnsActive += 1
                if jp.verified >= Int64(rules.pnsMinimumJP) { unit.pnsMeetingTarget += 1 }
                unit.jpGap += Int32(clamping: max(0, Int64(rules.pnsMinimumJP) - jp.verified))
                unitJP[key, default: 0] += jp.verified
                byUnit[key] = unit
            }
            var row = byAgency[employee.agencyCode] ?? .init(agencyCode: employee.agencyCode)
            switch employee.asnType {
            case .pns:
                row.pnsActive += 1
                total.pnsActive += 1
                if jp.verified >= Int64(rules.pnsMinimumJP) {
                    row.pnsMeetingTarget += 1
                    total.pnsMeetingTarget += 1
                } else {
                    below.append(.init(
                        nip: employee.nip, name: employee.name, agencyCode: employee.agencyCode,
                        jpVerified: Int32(clamping: jp.verified), jpPending: Int32(clamping: jp.pending)))
                }
                jpSum[employee.agencyCode, default: 0] += jp.verified
                totalJP += jp.verified
            case .pppk:
                row.pppkActive += 1
                total.pppkActive += 1
                if jp.verified > Int64(rules.pppkCeilingJP) {
                    row.pppkOverCeiling += 1
                    total.pppkOverCeiling += 1
                }
            default: break
            }
            byAgency[employee.agencyCode] = row
        }
        func finish(_ row: inout Binakarier_Programs_V1_AgencyCompliance, jp: Int64) {
            row.pnsPercent = row.pnsActive == 0 ? 0 : Double(row.pnsMeetingTarget) * 100 / Double(row.pnsActive)
            row.averageJp = row.pnsActive == 0 ? 0 : Double(jp) / Double(row.pnsActive)
        }
        var agencies = byAgency.values.sorted { $0.agencyCode < $1.agencyCode }
        for index in agencies.indices { finish(&agencies[index], jp: jpSum[agencies[index].agencyCode] ?? 0) }
        finish(&total, jp: totalJP)
        below.sort { ($0.jpVerified, $0.agencyCode, $0.nip) < ($1.jpVerified, $1.agencyCode, $1.nip) }
        let units = byUnit.sorted { $0.key < $1.key }.map { key, unit in
            var unit = unit
            unit.averageJp = Double(unitJP[key] ?? 0) / Double(max(unit.pnsActive, 1))
            return unit
        }
        return .init(
            year: year, jpTarget: rules.pnsMinimumJP, pppkCeiling: rules.pppkCeilingJP, total: total, agencies: agencies,
            belowTarget: Array(below.prefix(belowTargetLimit)), belowTargetTotal: Int32(below.count), units: units)
    }

    // MARK: development needs

    public func proposeNeed(_ request: Binakarier_Programs_V1_ProposeNeedRequest, context: RPCServerContext) async throws -> DevelopmentNeed {
        let caller = try context.requireCaller()
        var need = try Required.field(request.need, "need")
        let employee = try await person(need.nip, field: "need.nip", context: context)
        guard employee.nip != caller.nip || caller.hasAny(.organizer, .administrator) else {
            throw ProgramsError.permissionDenied(.init(id: "usulan diajukan oleh atasan atau kepala perangkat daerah", en: "needs are proposed by a supervisor or agency head"))
        }
        need.nip = employee.nip
        need.agencyCode = employee.agencyCode
        need.competencyCode = try Validation.code(need.competencyCode, field: "need.competency_code")
        guard need.priority != .unspecified else { throw ProgramsError.invalid(field: "need.priority", reason: .init(id: "wajib diisi", en: "is required")) }
        need.reason = try Validation.optionalText(need.reason, field: "need.reason", maxBytes: TextRules.longText)
        need.proposedBy = caller.subject
        need.programCode = ""
        if need.year == 0 { need.year = thisYear }
        let stored = try await store.proposeNeed(need)
        audit(context, "need proposed", ["nip": employee.nip, "competency": need.competencyCode])
        return stored
    }

    public func listNeeds(_ request: Binakarier_Programs_V1_ListNeedsRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_ListNeedsResponse {
        let caller = try context.requireCaller()
        let agency = try caller.agencyScope(
            requested: request.agencyCode, seesEveryAgency: ProgramsAccess.seesEveryone(caller), what: .init(id: "usulan", en: "needs"))
        let size = try PageTokens.size(request.pageSize)
        let scope = "needs:\(agency)"
        let after = try pages.decode(request.pageToken, scope: scope)
        let found = try await store.needs(
            agencyCode: agency, competencyCode: request.competencyCode.uppercased(), openOnly: request.openOnly, year: request.year, after: after, limit: size + 1)
        return .init(needs: Array(found.prefix(size)), nextPageToken: found.count > size ? pages.encode(after: found[size - 1].id, scope: scope) : "")
    }

    public func summarizeNeeds(_ request: Binakarier_Programs_V1_SummarizeNeedsRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_SummarizeNeedsResponse {
        .init(demand: try await store.needDemand(year: request.year == 0 ? thisYear : request.year))
    }

    public func linkNeed(_ request: Binakarier_Programs_V1_LinkNeedRequest, context: RPCServerContext) async throws -> DevelopmentNeed {
        let need = try await store.linkNeed(id: request.id, programCode: request.programCode.uppercased())
        audit(context, "need linked", ["need": need.id, "program": need.programCode])
        return need
    }
}

/// Outside learning as reported one by one or imported: NIP, Judul, Penyelenggara, Jenis, JP, Tanggal
/// Mulai, Tanggal Selesai, Bukti. The JP count in the year the learning ended.
/// Public for the fuzzer.
public enum OutsideLearningInput {
    public struct Row: Sendable {
        public var line: Int
        public var entry: LedgerEntry
    }

    /// `learning.jp` for a request's field, `jp` for a CSV row.
    static func path(_ prefix: String, _ field: String) -> String { prefix.isEmpty ? field : "\(prefix).\(field)" }

    static func entry(_ learning: Binakarier_Programs_V1_OutsideLearning, field: String) throws(ProgramsError) -> LedgerEntry {
        let nip = try Validation.nip(learning.nip, field: path(field, "nip"))
        let title: String
        title = try Validation.required(learning.title, field: path(field, "title"), maxBytes: TextRules.name)
        let provider = try Validation.optionalText(learning.provider, field: path(field, "provider"), maxBytes: TextRules.name)
        guard (1...200).contains(learning.jp) else {
            throw .invalid(field: path(field, "jp"), reason: .init(id: "JP 1 sampai 200", en: "JP is 1 to 200"))
        }
        let start = try Validation.date(learning.startDate, field: path(field, "start_date"))
        let end = learning.endDate.isEmpty ? start : try Validation.date(learning.endDate, field: path(field, "end_date"))
        guard start <= end else {
            throw .invalid(field: path(field, "end_date"), reason: .init(id: "sebelum tanggal mulai", en: "is before the start date"))
        }
        let evidence = try Validation.optionalText(learning.evidence, field: path(field, "evidence"), maxBytes: TextRules.name)
        return LedgerEntry(
            nip: nip, year: Int32(end.year), source: .outside, title: title, provider: provider,
            kind: learning.kind == .unspecified ? .eLearning : learning.kind, jp: learning.jp,
            startDate: start.description, endDate: end.description, state: .pending, evidence: evidence)
    }

    public static func parse(_ bytes: [UInt8], deadline: ContinuousClock.Instant?) throws(ProgramsError) -> (rows: [Row], errors: [(line: Int, reason: LocalizedText)]) {
        let table = try ImportTable(bytes, deadline: deadline, columns: [
            "nip": ["nip"], "title": ["judul", "namapelatihan", "kegiatan", "title"], "provider": ["penyelenggara", "provider", "lembaga"],
            "kind": ["jenis", "bentuk", "kind"], "jp": ["jp", "jumlahjp", "jampelajaran"], "start": ["tanggalmulai", "mulai", "start"],
            "end": ["tanggalselesai", "selesai", "end"], "evidence": ["bukti", "tautanbukti", "evidence"],
        ], required: ["nip", "title", "jp", "start"])
        var rows: [Row] = []
        var errors: [(line: Int, reason: LocalizedText)] = []
        for record in table.rows {
            do throws(ProgramsError) {
                guard let jp = Int32(table.value("jp", record)) else {
                    throw .invalid(field: "JP", reason: .init(id: "bukan bilangan bulat", en: "not a whole number"))
                }
                let kindText = table.value("kind", record)
                guard let kind = kindText.isEmpty ? .eLearning : ProgramKinds.parse(kindText) else {
                    throw .invalid(field: "Jenis", reason: .init(id: "jenis '\(kindText)' tidak dikenal", en: "kind '\(kindText)' unknown"))
                }
                let learning = Binakarier_Programs_V1_OutsideLearning(
                    nip: table.value("nip", record), title: table.value("title", record), provider: table.value("provider", record), kind: kind,
                    jp: jp, startDate: table.value("start", record), endDate: table.value("end", record), evidence: table.value("evidence", record))
                rows.append(Row(line: record.line, entry: try entry(learning, field: "")))
            } catch {
                errors.append((record.line, ImportTable.reason(error)))
            }
        }
        return (rows, errors)
    }
}

/// How people write program kinds.
public enum ProgramKinds {
    public static func parse(_ text: String) -> Binakarier_Programs_V1_ProgramKind? {
        switch CSVReader.headerKey(text) {
        case "pelatihan", "diklat", "training": .pelatihan
        case "seminar", "webinar": .seminar
        case "lokakarya", "workshop": .lokakarya
        case "bimtek", "bimbinganteknis": .bimtek
        case "elearning", "daring", "kursusdaring", "mooc": .eLearning
        case "coaching": .coaching
        case "mentoring": .mentoring
        case "magang", "internship": .magang
        default: nil
        }
    }
}
