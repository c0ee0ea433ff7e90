import ArgumentParser
import BKProto
import BKRPC
import BKServiceKit
import Foundation
import IdentityVocabulary

struct CampaignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "campaign",
        abstract: L(
            "Kampanye umpan balik: siapa diminta mengisi formulir apa, sampai kapan, dan hasilnya.",
            en: "Feedback campaigns: who is asked to fill in which form, until when, and the results."),
        discussion: L(
            """
            Kampanye evaluasi sesi dibuka otomatis oleh layanan menurut jadwal; `campaign open` untuk yang lain. \
            Hasil hanya berupa agregat: kelompok dengan kurang dari k responden (bawaan 5) disembunyikan.
            """,
            en: """
            The service opens a session's evaluation campaigns on schedule; `campaign open` is for the others. \
            Results are aggregates only: groups under k respondents (default 5) are hidden.
            """),
        subcommands: [Open.self, Close.self, List.self, Results.self])

    static func describe(_ campaign: Campaign) -> String {
        var text = "Kampanye \(campaign.id) \(FeedbackVocabulary.display(campaign.state))"
        if !campaign.title.isEmpty { text += ": \(campaign.title)" }
        text += " (formulir \(campaign.instrumentCode) versi \(campaign.instrumentVersion), \(FeedbackVocabulary.display(campaign.purpose)))"
        let audience: String = FeedbackVocabulary.describe(campaign.audience)
        if !audience.isEmpty { text += ", untuk \(audience)" }
        if campaign.anonymous { text += ", anonim" }
        text += "."
        if campaign.state == .`open`, campaign.closeTimeUnix != 0 { text += " Ditutup \(formatUnix(campaign.closeTimeUnix))." }
        if campaign.audience?.kind == .`public` {
            text += " \(campaign.responses) jawaban."
        } else {
            text += " \(campaign.responses) dari \(campaign.audienceSize) orang sudah mengisi."
        }
        return text
    }

    struct Open: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Buka kampanye: minta sekelompok orang mengisi formulir sampai batas waktu.",
                en: "Open a campaign: ask a group of people to fill in a form by a deadline."),
            discussion: L(
                """
                Sebutkan tepat satu sasaran: --session (peserta yang hadir; untuk formulir tindak lanjut atasan: \
                atasan langsung mereka), --dialogue (peserta dialog terbuka), --public (pengguna layanan sebuah unit, \
                tanpa masuk: survei IKM) atau --nip (orang tertentu). Tujuan kampanye mengikuti formulir; layanan \
                memeriksa bahwa formulir sudah terbit dan cocok dengan sasarannya. Kampanye anonim menyimpan jawaban \
                terpisah dari siapa yang menjawab, tanpa dapat dihubungkan kembali.
                """,
                en: """
                Give exactly one audience: --session (those who attended; for a supervisor follow-up form: their \
                direct supervisors), --dialogue (a leadership dialogue's participants), --public (users of a service \
                unit, without logging in: the IKM survey) or --nip (named people). The campaign's purpose is the \
                form's; the service checks that the form is published and fits the audience. An anonymous campaign \
                keeps answers apart from who gave them, with no way to link them back.
                """))
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L("Kode formulir, misalnya L1-STANDAR.", en: "Form code, e.g. L1-STANDAR."))) var form: String
        @Option(help: ArgumentHelp(L("Versi formulir (bawaan: yang terbaru).", en: "Form version (default: the newest)."))) var version: Int32?
        @Option(help: ArgumentHelp(L("Sasaran: peserta sesi ini.", en: "Audience: this session's participants."))) var session: String?
        @Option(help: ArgumentHelp(L("Sasaran: peserta dialog terbuka ini.", en: "Audience: this leadership dialogue's participants.")))
        var dialogue: String?
        @Option(name: .customLong("public"), help: ArgumentHelp(L(
            "Sasaran: pengguna layanan unit ini, OPD atau OPD/UNIT (survei IKM).",
            en: "Audience: the users of this service unit, AGENCY or AGENCY/UNIT (the IKM survey).")))
        var publicUnit: String?
        @Option(parsing: .upToNextOption, help: ArgumentHelp(L(
            "Sasaran: NIP orang yang diminta mengisi (satu atau lebih).",
            en: "Audience: the NIPs of the people asked (one or more).")))
        var nip: [String] = []
        @Flag(help: ArgumentHelp(L(
            "Jawaban anonim (tidak dapat diubah setelah ada jawaban).",
            en: "Anonymous answers (cannot change once anyone answered).")))
        var anonymous = false
        @Option(help: ArgumentHelp(L("Lama kampanye dibuka, dalam hari.", en: "How many days the campaign stays open."))) var days: Int = 7
        @Option(help: ArgumentHelp(L("Judul kampanye (bawaan: ditentukan layanan).", en: "Title of the campaign (default: the service decides).")))
        var title: String = ""

        func validate() throws {
            let given = [session != nil, dialogue != nil, publicUnit != nil, !nip.isEmpty].filter { $0 }.count
            guard given == 1 else { throw ValidationError("sebutkan tepat satu sasaran: --session, --dialogue, --public atau --nip") }
            guard days >= 1 else { throw ValidationError("--days paling sedikit 1") }
        }

        /// Who is asked; a session's supervisor follow-up goes to the attendees' supervisors.
        func audience(for purpose: Purpose) throws -> Audience {
            if let session {
                return Audience(kind: purpose == .followUpSupervisor ? .attendeesSupervisors : .sessionAttendees, sessionId: session)
            }
            if let dialogue { return Audience(kind: .dialogueParticipants, dialogueId: dialogue) }
            if let publicUnit {
                let parts = publicUnit.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                guard let agency = parts.first, !agency.isEmpty else {
                    throw ValidationError("--public '\(publicUnit)' harus ditulis OPD atau OPD/UNIT")
                }
                return Audience(kind: .`public`, agencyCode: agency, unitCode: parts.count > 1 ? parts[1] : "")
            }
            var seen: Set<String> = []
            return Audience(kind: .people, nips: nip.filter { seen.insert($0).inserted })
        }

        func run() async throws {
            let closeTime = Int64(Date().timeIntervalSince1970) + Int64(days) * 86_400
            let campaign = try await global.feedback { (client) async throws -> Campaign in
                let instrument = try await client.getInstrument(.init(code: form, version: version ?? 0))
                let asked = try audience(for: instrument.purpose)
                let draft = Campaign(
                    title: title, instrumentCode: instrument.code, instrumentVersion: instrument.version, purpose: instrument.purpose,
                    audience: asked, anonymous: anonymous, closeTimeUnix: closeTime, origin: .manual)
                return try await client.openCampaign(.init(campaign: draft))
            }
            try global.print(campaign) { CampaignCommand.describe(campaign) }
        }
    }

    struct Close: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L("Tutup kampanye: jawaban berhenti, hasil tetap ada.", en: "Close a campaign: answers stop, results stay."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("ID kampanye.", en: "Campaign ID."))) var id: String

        func run() async throws {
            let campaign = try await global.feedback { try await $0.closeCampaign(.init(id: id)) }
            try global.print(campaign) { CampaignCommand.describe(campaign) }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: L("Tampilkan kampanye.", en: "List the campaigns."))
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L("Hanya kampanye sesi ini.", en: "Only this session's campaigns."))) var session: String = ""
        @Option(help: ArgumentHelp(L("Hanya kampanye program ini.", en: "Only this program's campaigns."))) var program: String = ""
        @Option(help: ArgumentHelp(L("Hanya kampanye perangkat daerah ini.", en: "Only this agency's campaigns."))) var agency: String = ""
        @Option(help: ArgumentHelp(L("Hanya yang berstatus ini: dibuka atau ditutup.", en: "Only those in this state: dibuka or ditutup.")))
        var state: String?

        func run() async throws {
            let stateFilter = try state.map {
                try ProgramsVocabulary.require($0, "status kampanye", FeedbackVocabulary.campaignStates, FeedbackVocabulary.campaignState)
            } ?? .unspecified
            let all = try await global.feedback { client in
                try await allPages { try await client.listCampaigns(.init(
                    pageSize: listPageSize, pageToken: $0, sessionId: session, programCode: program, agencyCode: agency, state: stateFilter)) }
            }
            try global.print(all) {
                table(["ID", "JUDUL", "FORMULIR", "TUJUAN", "SASARAN", "ANONIM", "STATUS", "DITUTUP", "RESPONS"], all.campaigns.map { (campaign: Campaign) -> [String] in
                    let closes: String = campaign.closeTimeUnix == 0 ? "" : formatUnix(campaign.closeTimeUnix)
                    return [
                        campaign.id, campaign.title, "\(campaign.instrumentCode) v\(campaign.instrumentVersion)",
                        FeedbackVocabulary.display(campaign.purpose), FeedbackVocabulary.describe(campaign.audience),
                        campaign.anonymous ? "ya" : "", FeedbackVocabulary.display(campaign.state), closes, FeedbackVocabulary.responses(campaign),
                    ]
                })
            }
        }
    }

    struct Results: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Tampilkan hasil satu kampanye, atau semua kampanye satu tujuan untuk sebuah sesi, program atau perangkat daerah.",
                en: "Show the results of a campaign, or of all campaigns of one purpose for a session, program or agency."),
            discussion: L(
                """
                Per pertanyaan: rata-rata, sebaran jawaban dan NPS; untuk IKM: NRR tiap unsur, indeks dan mutu \
                pelayanan; untuk pre-test dan post-test: rata-rata, gain kelas dan gain individu, dan persentase lulus; \
                untuk tindak lanjut: penilaian peserta dan atasan. Kelompok dengan kurang dari k responden disembunyikan.
                """,
                en: """
                Per question: the mean, the distribution of answers and NPS; for IKM: each element's NRR, the index and \
                grade; for pre- and post-tests: the means, class and individual gain, and the pass rate; for follow-ups: \
                the participants' and supervisors' ratings. Groups under k respondents are hidden.
                """))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("ID kampanye.", en: "Campaign ID."))) var id: String?
        @Option(help: ArgumentHelp(L(
            "Tanpa ID kampanye: tujuan yang dijumlahkan, misalnya reaksi atau ikm.",
            en: "Without a campaign ID: the purpose summed, e.g. reaksi or ikm.")))
        var purpose: String?
        @Option(help: ArgumentHelp(L("Cakupan: kampanye sesi ini.", en: "Scope: this session's campaigns."))) var session: String?
        @Option(help: ArgumentHelp(L("Cakupan: kampanye program ini.", en: "Scope: this program's campaigns."))) var program: String?
        @Option(help: ArgumentHelp(L("Cakupan: kampanye perangkat daerah ini.", en: "Scope: this agency's campaigns."))) var agency: String?
        @Option(help: ArgumentHelp(L(
            "Hanya kampanye yang dibuka sejak tanggal ini, YYYY-MM-DD.",
            en: "Only campaigns opened on or after this date, YYYY-MM-DD.")))
        var from: String?
        @Option(help: ArgumentHelp(L(
            "Hanya kampanye yang dibuka sampai dengan tanggal ini, YYYY-MM-DD.",
            en: "Only campaigns opened up to and including this date, YYYY-MM-DD.")))
        var to: String?

        func validate() throws {
            let scopes = [session, program, agency].compactMap { $0 }.count
            if id != nil {
                guard purpose == nil, scopes == 0, from == nil, to == nil else {
                    throw ValidationError("dengan ID kampanye, jangan sebutkan --purpose, --session, --program, --agency, --from atau --to")
                }
                return
            }
            guard purpose != nil, scopes == 1 else {
                throw ValidationError("sebutkan ID kampanye, atau --purpose dengan tepat satu dari --session, --program atau --agency")
            }
        }

        func makeRequest() throws -> Binakarier_Feedback_V1_GetResultsRequest {
            if let id { return .init(campaignId: id) }
            let parsedPurpose = try FeedbackVocabulary.requirePurpose(purpose ?? "")
            var request = Binakarier_Feedback_V1_GetResultsRequest(
                purpose: parsedPurpose, sessionId: session ?? "", programCode: program ?? "", agencyCode: agency ?? "")
            if let from {
                let day = try FeedbackVocabulary.requireCalendarDate(from, "--from")
                request.fromUnix = FeedbackVocabulary.startOfDay(day)
            }
            if let to {
                // [from, to): the start of the day after --to, so that the day given is included.
                let day = try FeedbackVocabulary.requireCalendarDate(to, "--to")
                request.toUnix = FeedbackVocabulary.startOfDay(day) + 86_400
            }
            if request.fromUnix != 0, request.toUnix != 0, request.toUnix <= request.fromUnix {
                throw ValidationError("--to harus sama dengan atau sesudah --from")
            }
            return request
        }

        func run() async throws {
            let request = try makeRequest()
            let results = try await global.feedback { try await $0.getResults(request) }
            try global.print(results) { Self.describe(results) }
        }

        static func describe(_ results: FeedbackResults) -> String {
            let purpose: String = FeedbackVocabulary.display(results.purpose)
            var lines: [String] = ["Hasil \(results.scope)" + (purpose.isEmpty ? "" : " (\(purpose))")]
            var responded = "Responden: \(results.responses)"
            if results.audienceSize > 0 {
                responded += " dari \(results.audienceSize) (\(FeedbackVocabulary.percent(results.responseRate)))"
            }
            lines.append(responded)
            if results.suppressed {
                lines.append("disembunyikan: kurang dari \(results.k == 0 ? 5 : results.k) responden")
                return lines.joined(separator: "\n")
            }
            if !results.items.isEmpty {
                lines.append("")
                for item in results.items { lines += Self.describe(item) }
            }
            if let ikm = results.ikm, ikm.respondents > 0 || !ikm.nrr.isEmpty { lines += ["", Self.describe(ikm)] }
            if let learning = results.learning, learning.paired > 0 { lines += ["", Self.describe(learning)] }
            if let followUp = results.followUp, followUp.selfResponses > 0 || followUp.supervisorResponses > 0 {
                lines += ["", Self.describe(followUp)]
            }
            if !results.actionIds.isEmpty {
                lines += ["", "Tindak lanjut dari hasil yang lemah: \(results.actionIds.joined(separator: ", "))"]
            }
            return lines.joined(separator: "\n")
        }

        /// "[q1] text (Likert 1-4)" then, indented, the count, mean, distribution, NPS and free texts.
        static func describe(_ item: Binakarier_Feedback_V1_ItemResult) -> [String] {
            var heading = "[\(item.questionId)] \(item.text)"
            if !item.facilitator.isEmpty { heading += " - fasilitator \(item.facilitator)" }
            heading += " (\(FeedbackVocabulary.display(item.kind)))"
            if item.weak { heading += " [lemah]" }
            var facts: [String] = ["\(item.answers) jawaban"]
            switch item.kind {
            case .likert4, .likert5, .nps, .number, .facilitatorRating:
                facts.append("rata-rata \(FeedbackVocabulary.decimal2(item.mean))")
            case .beforeAfter:
                facts.append("sebelum \(FeedbackVocabulary.decimal2(item.beforeMean)), sesudah \(FeedbackVocabulary.decimal2(item.afterMean))"
                    + " (pergeseran \(FeedbackVocabulary.signed(item.afterMean - item.beforeMean)))")
            default:
                break
            }
            if item.kind == .nps { facts.append("NPS \(FeedbackVocabulary.signed(item.nps))") }
            var lines: [String] = [heading, "    " + facts.joined(separator: "; ")]
            if !item.distribution.isEmpty {
                let first = item.kind == .nps ? 0 : 1
                let counts: [String] = item.distribution.enumerated().map { "\($0.offset + first): \($0.element)" }
                lines.append("    sebaran  " + counts.joined(separator: "  "))
            }
            lines += item.texts.map { "    - \($0)" }
            return lines
        }

        static func describe(_ ikm: Binakarier_Feedback_V1_IkmResult) -> String {
            let rows: [[String]] = ikm.nrr.enumerated().map { (element: (offset: Int, element: Double)) -> [String] in
                [FeedbackVocabulary.ikmElement(element.offset + 1), FeedbackVocabulary.decimal2(element.element)]
            }
            return [
                "IKM (\(ikm.respondents) responden)",
                table(["UNSUR", "NRR"], rows),
                "Indeks: \(FeedbackVocabulary.decimal2(ikm.index)), mutu \(ikm.grade)" + (ikm.gradeLabel.isEmpty ? "" : " (\(ikm.gradeLabel))"),
            ].joined(separator: "\n")
        }

        static func describe(_ learning: Binakarier_Feedback_V1_LearningResult) -> String {
            "Pembelajaran (L2)\n" + keyValues([
                ("Peserta dengan pre- dan post-test", String(learning.paired)),
                ("Rata-rata pre-test", ProgramsVocabulary.decimal(learning.preMean)),
                ("Rata-rata post-test", ProgramsVocabulary.decimal(learning.postMean)),
                ("Gain kelas", "\(FeedbackVocabulary.decimal2(learning.classGain)) (\(FeedbackVocabulary.display(learning.classBand)))"),
                ("Rata-rata gain individu",
                 "\(FeedbackVocabulary.decimal2(learning.meanIndividualGain)) (\(FeedbackVocabulary.display(learning.individualBand)))"),
                ("Lulus post-test", FeedbackVocabulary.percent(learning.passRate)),
            ])
        }

        static func describe(_ followUp: Binakarier_Feedback_V1_FollowUpResult) -> String {
            func side(_ mean: Double, _ responses: Int32, _ shift: Double) -> String {
                responses == 0 ? "" : "rata-rata \(FeedbackVocabulary.decimal2(mean)) (\(responses) jawaban), "
                    + "pergeseran sebelum/sesudah \(FeedbackVocabulary.signed(shift))"
            }
            return "Tindak lanjut (L3)\n" + keyValues([
                ("Peserta", side(followUp.selfMean, followUp.selfResponses, followUp.selfShift)),
                ("Atasan", side(followUp.supervisorMean, followUp.supervisorResponses, followUp.supervisorShift)),
            ])
        }
    }
}
