import BKProto
import BKRPC
import BKServiceKit
import Foundation

/// IKM as service units run it (PermenPANRB 14/2017): the counters their posters name, paper
/// questionnaires typed in by their staff, and the yearly publication with its follow-up plan.
///
/// The report lives here, not in reporting: it is computed from what only feedback holds (the running
/// counts of each element, channel, counter and profile, kept apart from the answers; the plan's action
/// items), fresh the moment a paper batch or a plan item is saved, and under the same k as every result.
/// Reporting reads the unit's index as before (its city report mixes in outside surveys).
extension FeedbackService {
    // MARK: checks shared with the public form

    /// A public survey's extras, checked: a known profile, a counter of the campaign's unit (or none).
    /// `field` prefixes the field names (`responses[3].`).
    func checkedIkmSubmission(_ campaign: Campaign, profile: RespondentProfile?, counter: String, field: String) async throws -> String {
        if let profile, !IkmPublication.isValid(profile) {
            throw FeedbackError.invalid(field: field + "profile", reason: .init(id: "isian profil tidak dikenal", en: "unknown profile answer"))
        }
        let trimmed = counter.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return "" }
        let code = IkmPublication.counterCode(trimmed) ?? ""
        let counters = try await store.serviceCounters(agency: campaign.agencyCode, unit: campaign.audience?.unitCode ?? "")
        guard counters.contains(where: { $0.code == code }) else {
            throw FeedbackError.invalid(field: field + "counter_code", reason: .init(
                id: "loket '\(TextRules.printable(String(trimmed.prefix(20))))' tidak terdaftar di unit ini",
                en: "counter '\(TextRules.printable(String(trimmed.prefix(20))))' is not one of this unit's"))
        }
        return code
    }

    static func ikmExtras(
        _ answers: [Answer], instrument: Instrument, channel: FeedbackStore.IkmChannel, profile: RespondentProfile, counter: String
    ) -> FeedbackStore.IkmExtras {
        let elements = Dictionary(instrument.questions.filter { $0.ikmElement > 0 }.map { ($0.id, Int($0.ikmElement)) }, uniquingKeysWith: { a, _ in a })
        let scores = answers.compactMap { answer -> (element: Int, score: Int)? in
            guard let element = elements[answer.questionId], (1...4).contains(answer.number) else { return nil }
            return (element, Int(answer.number))
        }
        return .init(channel: channel, profile: profile, counter: counter, elementScores: scores)
    }

    /// The agency and unit (empty: the agency's own service), checked with identity; their names.
    func serviceUnit(agency rawAgency: String, unit rawUnit: String) async throws -> (agency: String, unit: String, agencyName: String, unitName: String, head: String) {
        let agencyCode = rawAgency.trimmingCharacters(in: .whitespaces).uppercased()
        let unitCode = rawUnit.trimmingCharacters(in: .whitespaces).uppercased()
        guard !agencyCode.isEmpty else {
            throw FeedbackError.invalid(field: "agency_code", reason: .init(id: "kode OPD wajib diisi", en: "the agency code is required"))
        }
        guard let agency = try await Self.peer({ () async throws(RPCError) in try await peers.agency(agencyCode) }) else {
            throw FeedbackError.notFound(.init(id: "perangkat daerah \(agencyCode) tidak ditemukan", en: "agency \(agencyCode) not found"))
        }
        guard !unitCode.isEmpty else { return (agencyCode, "", agency.name, agency.name, agency.headNip) }
        guard let unit = agency.units.first(where: { $0.code == unitCode }) else {
            throw FeedbackError.notFound(.init(id: "unit \(unitCode) tidak ada di \(agencyCode)", en: "unit \(unitCode) is not in \(agencyCode)"))
        }
        return (agencyCode, unitCode, agency.name, unit.name, unit.headNip)
    }

    // MARK: counters

    public func listServiceCounters(
        _ request: Binakarier_Feedback_V1_ListServiceCountersRequest, context: RPCServerContext
    ) async throws -> Binakarier_Feedback_V1_ListServiceCountersResponse {
        let agency = request.agencyCode.trimmingCharacters(in: .whitespaces).uppercased()
        guard !agency.isEmpty else {
            throw FeedbackError.invalid(field: "agency_code", reason: .init(id: "kode OPD wajib diisi", en: "the agency code is required"))
        }
        let unit = request.unitCode.trimmingCharacters(in: .whitespaces).uppercased()
        return .init(agencyCode: agency, unitCode: unit, counters: try await store.serviceCounters(agency: agency, unit: unit))
    }

    public func saveServiceCounters(
        _ request: Binakarier_Feedback_V1_SaveServiceCountersRequest, context: RPCServerContext
    ) async throws -> Binakarier_Feedback_V1_ListServiceCountersResponse {
        let caller = try context.requireCaller()
        let place = try await serviceUnit(agency: request.agencyCode, unit: request.unitCode)
        let heads = Self.isOrganizer(caller) || (caller.has(.agencyHead) && caller.agencyCode == place.agency)
            || (!caller.nip.isEmpty && !place.unit.isEmpty && caller.nip == place.head)
        guard heads else {
            throw FeedbackError.permissionDenied(.init(
                id: "loket diatur oleh kepala unit, kepala perangkat daerah, atau BKPSDM", en: "counters are set by the unit's head, the agency head or BKPSDM"))
        }
        guard request.counters.count <= 50 else {
            throw FeedbackError.invalid(field: "counters", reason: .init(id: "paling banyak 50 loket", en: "at most 50 counters"))
        }
        var seen = Set<String>()
        var counters: [ServiceCounter] = []
        for (index, counter) in request.counters.enumerated() {
            guard let code = IkmPublication.counterCode(counter.code) else {
                throw FeedbackError.invalid(field: "counters[\(index)].code", reason: .init(
                    id: "kode loket 1–20 huruf besar, angka atau tanda hubung", en: "a counter code is 1–20 capital letters, digits or dashes"))
            }
            guard seen.insert(code).inserted else {
                throw FeedbackError.invalid(field: "counters[\(index)].code", reason: .init(id: "kode loket \(code) berulang", en: "counter code \(code) repeats"))
            }
            let name = try Self.text(counter.name.isEmpty ? "Loket \(code)" : counter.name, "counters[\(index)].name", limit: TextRules.name, required: true)
            counters.append(.init(code: code, name: name))
        }
        let saved = try await store.saveServiceCounters(agency: place.agency, unit: place.unit, counters)
        audit(context, "service counters saved", ["agency": place.agency, "unit": place.unit, "counters": "\(saved.count)"])
        return .init(agencyCode: place.agency, unitCode: place.unit, counters: saved)
    }

    // MARK: paper questionnaires

    public func submitPaperResponses(
        _ request: Binakarier_Feedback_V1_SubmitPaperResponsesRequest, context: RPCServerContext
    ) async throws -> Binakarier_Feedback_V1_SubmitPaperResponsesResponse {
        let caller = try context.requireCaller()
        guard let campaign = try await store.campaign(id: request.campaignId) else { throw FeedbackError.noCampaign(request.campaignId) }
        guard campaign.audience?.kind == .public, campaign.purpose == .ikm else {
            throw FeedbackError.failedPrecondition(.init(
                id: "jawaban kertas hanya untuk survei kepuasan masyarakat (IKM)", en: "paper answers are for public satisfaction surveys (IKM) only"))
        }
        guard (1...500).contains(request.responses.count) else {
            throw FeedbackError.invalid(field: "responses", reason: .init(id: "isi 1 sampai 500 kuesioner", en: "give 1 to 500 questionnaires"))
        }
        // The unit's own staff type them in; the agency head and organisers may too.
        var allowed = Self.isOrganizer(caller) || (caller.has(.agencyHead) && caller.agencyCode == campaign.agencyCode)
        if !allowed, !caller.nip.isEmpty, caller.agencyCode == campaign.agencyCode {
            let unit = campaign.audience?.unitCode ?? ""
            let employee = try await Self.peer({ () async throws(RPCError) in try await peers.employee(caller.nip) })
            allowed = employee.map { $0.agencyCode == campaign.agencyCode && (unit.isEmpty || $0.unitCode == unit) } ?? false
        }
        guard allowed else {
            throw FeedbackError.permissionDenied(.init(
                id: "jawaban kertas dimasukkan oleh pegawai unit layanan ini", en: "paper answers are entered by this service unit's staff"))
        }
        guard let instrument = try await store.instrument(code: campaign.instrumentCode, version: campaign.instrumentVersion) else {
            throw FeedbackError.noInstrument(campaign.instrumentCode)
        }
        var checked: [(answers: [Answer], extras: FeedbackStore.IkmExtras)] = []
        for (index, paper) in request.responses.enumerated() {
            let field = "responses[\(index)]."
            let answers: [Answer]
            do {
                answers = try AnswerRules.validated(paper.answers, for: instrument)
            } catch {
                throw Self.prefixed(error, field)
            }
            let counter = try await checkedIkmSubmission(campaign, profile: paper.profile, counter: paper.counterCode, field: field)
            checked.append((answers, Self.ikmExtras(answers, instrument: instrument, channel: .paper, profile: paper.profile ?? .init(), counter: counter)))
        }
        let accepted = try await store.submitPaper(campaignID: campaign.id, checked)
        // Who typed how many in is a named act; what was answered is not logged.
        audit(context, "paper answers entered", ["campaign": campaign.id, "count": "\(accepted)"])
        return .init(accepted: Int32(accepted))
    }

    /// A field error moved under a questionnaire (`responses[3].answers.ikm-2`).
    static func prefixed(_ error: FeedbackError, _ prefix: String) -> FeedbackError {
        guard case .invalid(let field, let reason) = error else { return error }
        return .invalid(field: prefix + field, reason: reason)
    }

    // MARK: the follow-up plan

    /// An IKM plan item's source id, checked: "IKM/<agency>/<unit>/<year>/U<element>" of a unit of the
    /// action's agency (CreateAction with source IKM).
    func ikmPlanSource(_ raw: String, agency: String) async throws -> String {
        guard let source = IkmPublication.planSource(raw.trimmingCharacters(in: .whitespaces).uppercased()) else {
            throw FeedbackError.invalid(field: "action.source_id", reason: .init(
                id: "rencana tindak lanjut IKM: IKM/<OPD>/<unit>/<tahun>/U<unsur 0–9>", en: "an IKM plan item: IKM/<agency>/<unit>/<year>/U<element 0–9>"))
        }
        guard source.agency == agency else {
            throw FeedbackError.invalid(field: "action.source_id", reason: .init(
                id: "unit layanan harus milik \(agency)", en: "the service unit must be \(agency)'s"))
        }
        let place = try await serviceUnit(agency: source.agency, unit: source.unit == "-" ? "" : source.unit)
        return IkmPublication.planSource(agency: place.agency, unit: place.unit.isEmpty ? "-" : place.unit, year: source.year, element: source.element)
    }

    // MARK: the yearly report

    public func getIkmReport(_ request: Binakarier_Feedback_V1_GetIkmReportRequest, context: RPCServerContext) async throws -> IkmReport {
        let caller = try context.requireCaller()
        let year = request.year == 0 ? today.year : Int(request.year)
        guard (2000...2100).contains(year) else {
            throw FeedbackError.invalid(field: "year", reason: .init(id: "tahun 2000 sampai 2100", en: "a year from 2000 to 2100"))
        }
        let requested = request.agencyCode.trimmingCharacters(in: .whitespaces).uppercased()
        guard Self.isOrganizer(caller) || (!caller.agencyCode.isEmpty && caller.agencyCode == requested) else {
            throw FeedbackError.permissionDenied(.init(
                id: "laporan IKM unit perangkat daerah lain bukan untuk Anda", en: "another agency's IKM reports are not yours to see"))
        }
        let place = try await serviceUnit(agency: request.agencyCode, unit: request.unitCode)
        let k = configuration.minimumGroup
        let all = try await store.ikmCampaigns(agency: place.agency, unit: place.unit)
        let byYear = Dictionary(grouping: all) { CalendarDate(wib: $0.openTimeUnix).year }
        var report = IkmReport(
            agencyCode: place.agency, agencyName: place.agencyName, unitCode: place.unit, unitName: place.unitName, year: Int32(year),
            k: Int32(k), weight: IkmPublication.weight, generateTimeUnix: now())
        report.campaigns = (byYear[year] ?? []).map { campaign in
            var shown = campaign
            shown.openedBy = ""
            return shown
        }
        let counted = Self.countable(byYear[year] ?? [], k: k)
        report.campaignsCounted = Int32(counted.count)
        let ids = counted.map(\.id)
        let respondents = try await store.responseCount(campaigns: ids)
        let counts = try await store.counts(campaigns: ids)
        report.respondents = Int32(respondents)
        report.paper = Int32(counts.filter { $0.question == FeedbackStore.IkmTally.channel && $0.value == FeedbackStore.IkmChannel.paper.rawValue }.reduce(0) { $0 + $1.count })
        // Answers from before paper entry existed carry no channel: they all came in online.
        report.online = report.respondents - report.paper
        report.plan = try await store.actions(sourcePrefix: IkmPublication.planPrefix(agency: place.agency, unit: place.unit.isEmpty ? "-" : place.unit, year: year))
        let counters = try await store.serviceCounters(agency: place.agency, unit: place.unit)
        report.suppressed = respondents < k
        if !report.suppressed {
            let questions = try await questions(of: counted)
            let ikm = Self.ikm(counts, questions: questions, respondents: respondents)
            report.index = ikm.index
            report.grade = ikm.grade
            report.gradeLabel = ikm.gradeLabel
            report.elements = IkmPublication.elements(nrr: ikm.nrr, lowest: configuration.ikmLowestElements)
            report.profile = Self.profile(counts, respondents: respondents, k: k)
        }
        report.counters = Self.counterResults(counts, counters: counters, k: k)
        for trendYear in byYear.keys.sorted() where trendYear <= year {
            let campaigns = Self.countable(byYear[trendYear] ?? [], k: k)
            let n = try await store.responseCount(campaigns: campaigns.map(\.id))
            var row = Binakarier_Feedback_V1_IkmYear(year: Int32(trendYear), respondents: Int32(n), suppressed: n < k)
            if n >= k {
                let ikm = Self.ikm(try await store.counts(campaigns: campaigns.map(\.id)), questions: try await questions(of: campaigns), respondents: n)
                (row.index, row.grade, row.gradeLabel) = (ikm.index, ikm.grade, ikm.gradeLabel)
            }
            report.trend.append(row)
        }
        return report
    }

    /// The campaigns whose answers may be counted, as for every result: closed (an anonymous survey's
    /// live figures would give each new answer away) and of k answers or more.
    static func countable(_ campaigns: [Campaign], k: Int) -> [Campaign] {
        campaigns.filter { $0.state == .closed && $0.responses >= Int32(k) }
    }

    /// The respondents' profile from the running counts. "Not given" is everyone not counted under an
    /// answer (answers from before the profile was asked included).
    static func profile(_ counts: [FeedbackStore.Count], respondents: Int, k: Int) -> [Binakarier_Feedback_V1_IkmProfileGroup] {
        IkmPublication.dimensions.map { dimension in
            var values = [Int](repeating: 0, count: dimension.labels.count)
            for row in counts where row.question == FeedbackStore.IkmTally.profile && row.facilitator == dimension.key && row.value > 0 && row.value < values.count {
                values[row.value] += row.count
            }
            values[0] = max(0, respondents - values.reduce(0, +))
            return IkmPublication.group(dimension, counts: values, k: k)
        }
    }

    /// Respondents per counter (the unit's own QR code as the empty code), with each counter's index
    /// when it reached k. Listed counters without answers are shown with 0.
    static func counterResults(_ counts: [FeedbackStore.Count], counters: [ServiceCounter], k: Int) -> [Binakarier_Feedback_V1_IkmCounterResult] {
        var respondents: [String: Int] = [:]
        for row in counts where row.question == FeedbackStore.IkmTally.counter { respondents[row.facilitator, default: 0] += row.count }
        let names = Dictionary(counters.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let codes = counters.map(\.code) + respondents.keys.filter { names[$0] == nil }.sorted()
        return codes.map { code in
            let n = respondents[code] ?? 0
            var result = Binakarier_Feedback_V1_IkmCounterResult(code: code, name: names[code] ?? "", respondents: Int32(n), suppressed: n > 0 && n < k)
            if n >= k {
                var sums: [Int: Double] = [:]
                for row in counts where row.question == FeedbackStore.IkmTally.elements && row.facilitator == code {
                    sums[row.value / 10, default: 0] += Double(row.value % 10 * row.count)
                }
                let ikm = ResultMath.ikm(sums: sums, respondents: n)
                (result.index, result.grade) = (ikm.index, ikm.grade)
            }
            return result
        }
    }
}
