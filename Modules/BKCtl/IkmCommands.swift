import ArgumentParser
import BKProto
import BKRPC
import BKServiceKit
import Foundation
import IdentityVocabulary

typealias PaperResponse = Binakarier_Feedback_V1_PaperResponse
typealias RespondentProfile = Binakarier_Feedback_V1_RespondentProfile
typealias IkmReport = Binakarier_Feedback_V1_IkmReport

/// `bkctl ikm`: the public satisfaction survey as service units run it (PermenPANRB 14/2017): their
/// counters, paper questionnaires, the yearly report and its follow-up plan.
struct IkmCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ikm",
        abstract: L(
            "IKM unit layanan: loket, kuesioner kertas, laporan tahunan dan rencana tindak lanjutnya (PermenPANRB 14/2017).",
            en: "Service units' IKM: counters, paper questionnaires, the yearly report and its follow-up plan (PermenPANRB 14/2017)."),
        discussion: L(
            """
            Poster kode QR per unit dan per loket dicetak dari aplikasi web (/kelola/ikm). Unit tanpa kode \
            unit ditulis "-" (survei perangkat daerah itu sendiri).
            """,
            en: """
            The QR posters per unit and per counter are printed from the web application (/kelola/ikm). Write \
            "-" for no unit (the agency's own survey).
            """),
        subcommands: [Counters.self, Paper.self, Report.self, Plan.self])

    static func unit(_ text: String) -> String { text == "-" ? "" : text.uppercased() }

    struct Counters: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Daftar loket unit layanan, atau ganti daftarnya dengan --set (kepala unit, kepala perangkat daerah, penyelenggara).",
                en: "A service unit's counters, or replace them with --set (the unit's head, the agency head, organisers)."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("Kode perangkat daerah.", en: "Agency code."))) var agency: String
        @Argument(help: ArgumentHelp(L("Kode unit (atau -).", en: "Unit code (or -)."))) var unit: String
        @Option(name: .customLong("set"), help: ArgumentHelp(L(
            "KODE=NAMA, sekali per loket, misalnya --set \"1=Loket Pendaftaran\"; menggantikan seluruh daftar.",
            en: "CODE=NAME, once per counter, e.g. --set \"1=Loket Pendaftaran\"; replaces the whole list.")))
        var counters: [String] = []

        func run() async throws {
            let unitCode = IkmCommand.unit(unit)
            let list: Binakarier_Feedback_V1_ListServiceCountersResponse
            if counters.isEmpty {
                list = try await global.feedback(authenticated: false) {
                    try await $0.listServiceCounters(.init(agencyCode: agency.uppercased(), unitCode: unitCode))
                }
            } else {
                let parsed = counters.map { entry -> Binakarier_Feedback_V1_ServiceCounter in
                    let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
                    return .init(code: parts[0], name: parts.count > 1 ? parts[1] : "")
                }
                list = try await global.feedback {
                    try await $0.saveServiceCounters(.init(agencyCode: agency.uppercased(), unitCode: unitCode, counters: parsed))
                }
            }
            try global.print(list) {
                let path = "/survei/\(list.agencyCode)/\(list.unitCode.isEmpty ? "-" : list.unitCode)"
                guard !list.counters.isEmpty else { return "Belum ada loket. Kode QR unit: \(path)" }
                return (counters.isEmpty ? "" : "Daftar loket disimpan.\n\n")
                    + table(["KODE", "NAMA", "ALAMAT SURVEI"], list.counters.map { [$0.code, $0.name, "\(path)?loket=\($0.code)"] })
            }
        }
    }

    struct Paper: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Masukkan kuesioner kertas survei IKM yang sedang berjalan (pegawai unit layanan): satu dengan --nilai, atau banyak dari --file CSV.",
                en: "Enter paper questionnaires of a running IKM survey (the unit's staff): one with --nilai, or many from a --file CSV."),
            discussion: L(
                """
                CSV: baris judul U1;U2;…;U9 (nilai 1–4 tiap unsur), lalu boleh Loket, Umur (<20, 20-29, 30-39, \
                40-49, 50-59, 60+), Jenis Kelamin (L/P), Pendidikan (SD, SMP, SMA, D3, S1, S2, S3), Pekerjaan \
                (PNS, TNI, Polri, Swasta, Wirausaha, Lainnya) dan Saran. Semua baris disimpan atau tidak sama \
                sekali; jawaban kertas dihitung terpisah dari jawaban daring dan sama anonimnya.
                """,
                en: """
                CSV: a header U1;U2;…;U9 (a score 1–4 per element), then optionally Loket, Umur (<20, 20-29, 30-39, \
                40-49, 50-59, 60+), Jenis Kelamin (L/P), Pendidikan (SD, SMP, SMA, D3, S1, S2, S3), Pekerjaan (PNS, TNI, \
                Polri, Swasta, Wirausaha, Lainnya) and Saran. All rows are stored or none; paper answers are counted \
                apart from online ones and are as anonymous.
                """))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("ID kampanye survei IKM.", en: "ID of the IKM survey campaign."))) var campaign: String
        @Option(name: .customLong("nilai"), help: ArgumentHelp(L("Nilai U1…U9 dipisah koma, misalnya 4,3,3,4,3,4,4,3,3.", en: "Scores U1…U9, comma separated.")))
        var scores: String?
        @Option(name: .customLong("loket"), help: ArgumentHelp(L("Kode loket.", en: "Counter code."))) var counter: String = ""
        @Option(name: .customLong("umur"), help: ArgumentHelp(L("Kelompok umur.", en: "Age band."))) var age: String = ""
        @Option(name: .customLong("jenis-kelamin"), help: ArgumentHelp(L("L atau P.", en: "L or P."))) var gender: String = ""
        @Option(name: .customLong("pendidikan"), help: ArgumentHelp(L("Pendidikan terakhir.", en: "Education."))) var education: String = ""
        @Option(name: .customLong("pekerjaan"), help: ArgumentHelp(L("Pekerjaan.", en: "Occupation."))) var occupation: String = ""
        @Option(name: .customLong("saran"), help: ArgumentHelp(L("Saran dan masukan tertulis.", en: "Written suggestion."))) var suggestion: String = ""
        @Option(help: ArgumentHelp(L("Berkas CSV kuesioner kertas.", en: "CSV file of paper questionnaires."))) var file: String?

        func run() async throws {
            let (survey, instrument) = try await global.feedback { client in
                let survey = try await client.getCampaign(.init(id: campaign))
                return (survey, try await client.getInstrument(.init(code: survey.instrumentCode, version: survey.instrumentVersion)))
            }
            var responses: [PaperResponse] = []
            if let file {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw ValidationError(L("berkas \(file) tidak dapat dibaca", en: "cannot read \(file)"))
                }
                let read = IkmPaperCSV.read([UInt8](data), instrument: instrument)
                if !read.errors.isEmpty {
                    throw ValidationError(read.errors.prefix(20).map { "baris \($0.line): \($0.reason)" }.joined(separator: "\n"))
                }
                responses = read.responses
            } else if let scores {
                let row = [scores.replacingOccurrences(of: ",", with: ";"), counter, age, gender, education, occupation, suggestion]
                let fields = row[0].split(separator: ";", omittingEmptySubsequences: false).map(String.init) + Array(row.dropFirst())
                let header = (1...9).map { "U\($0)" } + ["Loket", "Umur", "Jenis Kelamin", "Pendidikan", "Pekerjaan", "Saran"]
                guard fields.count == header.count else {
                    throw ValidationError(L("--nilai memuat sembilan angka 1–4", en: "--nilai holds nine numbers 1–4"))
                }
                let read = IkmPaperCSV.rows(header: header, records: [(2, fields)], instrument: instrument)
                if let error = read.errors.first { throw ValidationError(error.reason) }
                responses = read.responses
            } else {
                throw ValidationError(L("beri --nilai atau --file", en: "give --nilai or --file"))
            }
            var accepted: Int32 = 0
            for start in stride(from: 0, to: responses.count, by: 500) {
                let batch = Array(responses[start..<min(start + 500, responses.count)])
                accepted += try await global.feedback { try await $0.submitPaperResponses(.init(campaignId: survey.id, responses: batch)) }.accepted
            }
            let result = Binakarier_Feedback_V1_SubmitPaperResponsesResponse(accepted: accepted)
            try global.print(result) { "\(accepted) kuesioner kertas disimpan untuk \(survey.title) (\(survey.id))." }
        }
    }

    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Laporan IKM tahunan unit layanan untuk dipublikasikan: indeks, mutu, unsur U1–U9, profil responden, rencana tindak lanjut, tren.",
                en: "A service unit's yearly IKM report for publication: index, grade, elements U1–U9, respondents' profile, follow-up plan, trend."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("Kode perangkat daerah.", en: "Agency code."))) var agency: String
        @Argument(help: ArgumentHelp(L("Kode unit (atau -).", en: "Unit code (or -)."))) var unit: String
        @Option(name: [.customLong("tahun"), .customLong("year")], help: ArgumentHelp(L("Tahun (bawaan: tahun ini).", en: "Year (default: this year).")))
        var year: Int32 = 0

        func run() async throws {
            let report = try await global.feedback {
                try await $0.getIkmReport(.init(agencyCode: agency.uppercased(), unitCode: IkmCommand.unit(unit), year: year))
            }
            try global.print(report) { IkmCommand.text(report) }
        }
    }

    struct Plan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Tambah butir rencana tindak lanjut (RTL) IKM: menjadi tindak lanjut dengan penanggung jawab dan tenggat.",
                en: "Add an item of the IKM follow-up plan (RTL): it becomes an action item with an owner and a due date."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("Kode perangkat daerah.", en: "Agency code."))) var agency: String
        @Argument(help: ArgumentHelp(L("Kode unit (atau -).", en: "Unit code (or -)."))) var unit: String
        @Option(name: [.customLong("tahun"), .customLong("year")], help: ArgumentHelp(L("Tahun survei.", en: "Survey year."))) var year: Int32
        @Option(name: [.customLong("unsur"), .customLong("element")], help: ArgumentHelp(L("Unsur 1–9 yang diperbaiki (0: umum).", en: "Element 1–9 it improves (0: general).")))
        var element: Int = 0
        @Option(name: [.customLong("kegiatan"), .customLong("title")], help: ArgumentHelp(L("Program/kegiatan perbaikan.", en: "The improvement."))) var title: String
        @Option(help: ArgumentHelp(L("NIP penanggung jawab.", en: "NIP of the owner."))) var owner: String
        @Option(help: ArgumentHelp(L("Tenggat, YYYY-MM-DD.", en: "Due date, YYYY-MM-DD."))) var due: String

        func run() async throws {
            let dueDate = try ProgramsVocabulary.requireDate(due, "--due")
            let unitCode = IkmCommand.unit(unit)
            let draft = ActionItem(
                title: title, source: .ikm, sourceId: "IKM/\(agency.uppercased())/\(unitCode.isEmpty ? "-" : unitCode)/\(year)/U\(element)",
                agencyCode: agency.uppercased(), ownerNip: owner, dueDate: dueDate)
            let action = try await global.feedback { try await $0.createAction(.init(action: draft)) }
            try global.print(action) { "Butir rencana tindak lanjut \(action.id) dibuka.\n\n" + ActionCommand.describe(action) }
        }
    }

    // MARK: the report as text

    static func number(_ value: Double, _ decimals: Int = 2) -> String {
        String(format: "%.\(decimals)f", value).replacingOccurrences(of: ".", with: ",")
    }

    static func text(_ report: IkmReport) -> String {
        var lines = [
            "LAPORAN SURVEI KEPUASAN MASYARAKAT \(report.year)",
            "\(report.unitName) — \(report.agencyName) (\(report.agencyCode)\(report.unitCode.isEmpty ? "" : "/\(report.unitCode)"))",
            "",
            keyValues([
                ("Survei dihitung", "\(report.campaignsCounted) dari \(report.campaigns.count)"),
                ("Responden", "\(report.respondents) (daring \(report.online), kertas \(report.paper))"),
            ]),
        ]
        if report.suppressed {
            lines += ["", "Responden kurang dari \(report.k): indeks dan rinciannya tidak ditampilkan."]
        } else {
            lines += [
                "",
                "Nilai IKM: \(number(report.index)) — mutu pelayanan \(report.grade) (\(report.gradeLabel))",
                "IKM = Σ(NRR unsur × \(number(report.weight, 4))) × 25",
                "",
                table(["UNSUR", "NAMA", "NRR", "NRR TERTIMBANG", "KONVERSI", "MUTU", ""], report.elements.map {
                    [$0.code, $0.name, number($0.nrr, 3), number($0.weighted, 3), number($0.converted), $0.grade, $0.lowest ? "terendah" : ""]
                }),
            ]
            for group in report.profile {
                lines += ["", "Profil responden: \(group.title)", table(["KELOMPOK", "RESPONDEN", "%"], group.counts.map {
                    $0.suppressed ? [$0.label, "<\(report.k)", "–"] : [$0.label, "\($0.respondents)", number($0.percent, 1)]
                })]
            }
        }
        if !report.counters.isEmpty {
            lines += ["", "Per loket", table(["LOKET", "NAMA", "RESPONDEN", "IKM", "MUTU"], report.counters.map {
                [$0.code.isEmpty ? "(kode QR unit)" : $0.code, $0.name, "\($0.respondents)",
                 $0.suppressed || $0.respondents == 0 ? "–" : number($0.index), $0.grade]
            })]
        }
        lines += ["", "Rencana tindak lanjut"]
        lines.append(report.plan.isEmpty ? "(belum ada)" : table(["ID", "UNSUR", "KEGIATAN", "PENANGGUNG JAWAB", "TENGGAT", "STATUS"], report.plan.map {
            [$0.id, String($0.sourceId.split(separator: "/").last ?? ""), $0.title, $0.ownerNip, FeedbackVocabulary.due($0), FeedbackVocabulary.status(of: $0)]
        }))
        lines += ["", "Tren IKM", table(["TAHUN", "RESPONDEN", "IKM", "MUTU"], report.trend.map {
            [String($0.year), "\($0.respondents)", $0.suppressed ? "–" : number($0.index), $0.suppressed ? "" : "\($0.grade) (\($0.gradeLabel))"]
        })]
        return lines.joined(separator: "\n")
    }
}

/// Paper questionnaires from a CSV file (or one row typed on the command line): U1…U9 by header, the
/// profile's words read forgivingly. Only reading: what fits is the service's to check.
enum IkmPaperCSV {
    static func read(_ bytes: [UInt8], instrument: Instrument) -> (responses: [PaperResponse], errors: [(line: Int, reason: String)]) {
        let records: [CSVReader.Record]
        do {
            records = try CSVReader.records(bytes)
        } catch {
            return ([], [(1, error.text.indonesian)])
        }
        guard let header = records.first else { return ([], [(1, "berkas kosong")]) }
        return rows(header: header.fields, records: records.dropFirst().map { ($0.line, $0.fields) }, instrument: instrument)
    }

    static func rows(header: [String], records: [(Int, [String])], instrument: Instrument) -> (responses: [PaperResponse], errors: [(line: Int, reason: String)]) {
        let keys = header.map(CSVReader.headerKey)
        let questions = Dictionary(instrument.questions.filter { $0.ikmElement > 0 }.map { (Int($0.ikmElement), $0.id) }, uniquingKeysWith: { a, _ in a })
        let text = instrument.questions.first { $0.kind == .longText }?.id
        guard (1...9).allSatisfy({ keys.contains("u\($0)") }) else { return ([], [(1, "baris judul memuat U1 sampai U9")]) }
        var responses: [PaperResponse] = []
        var errors: [(line: Int, reason: String)] = []
        for (line, fields) in records where !fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            func value(_ key: String) -> String {
                guard let index = keys.firstIndex(of: key), index < fields.count else { return "" }
                return fields[index].trimmingCharacters(in: .whitespaces)
            }
            var paper = PaperResponse(counterCode: value("loket"))
            var problem: String?
            for element in 1...9 {
                guard let score = Int(value("u\(element)")), (1...4).contains(score), let id = questions[element] else {
                    problem = "U\(element) harus 1 sampai 4"
                    break
                }
                paper.answers.append(.init(questionId: id, number: Double(score)))
            }
            if let id = text, !value("saran").isEmpty { paper.answers.append(.init(questionId: id, text: value("saran"))) }
            var profile = RespondentProfile()
            if problem == nil, !value("umur").isEmpty { if let age = age(value("umur")) { profile.age = age } else { problem = "umur tidak dikenal: \(value("umur"))" } }
            if problem == nil, !value("jeniskelamin").isEmpty {
                if let gender = gender(value("jeniskelamin")) { profile.gender = gender } else { problem = "jenis kelamin L atau P" }
            }
            if problem == nil, !value("pendidikan").isEmpty {
                if let education = education(value("pendidikan")) { profile.education = education } else { problem = "pendidikan tidak dikenal: \(value("pendidikan"))" }
            }
            if problem == nil, !value("pekerjaan").isEmpty {
                if let occupation = occupation(value("pekerjaan")) { profile.occupation = occupation } else { problem = "pekerjaan tidak dikenal: \(value("pekerjaan"))" }
            }
            if let problem {
                errors.append((line, problem))
                continue
            }
            paper.profile = profile
            responses.append(paper)
        }
        if responses.isEmpty, errors.isEmpty { errors.append((1, "tidak ada kuesioner")) }
        return (responses, errors)
    }

    static func age(_ text: String) -> Binakarier_Feedback_V1_RespondentAge? {
        let digits = text.filter(\.isNumber)
        if text.contains("<") || digits == "20" && text.lowercased().contains("bawah") { return .under20 }
        if text.contains("+") || text.lowercased().contains("atas") { return digits.hasPrefix("60") ? .sixtyAndOver : nil }
        switch String(digits.prefix(2)) {
        case "20": return .twenties
        case "30": return .thirties
        case "40": return .forties
        case "50": return .fifties
        case "60": return .sixtyAndOver
        default: return Int(digits).flatMap { $0 < 20 ? .under20 : $0 >= 60 ? .sixtyAndOver : nil }
        }
    }

    static func gender(_ text: String) -> Binakarier_Feedback_V1_RespondentGender? {
        switch Vocabulary.normalized(text) {
        case "l", "lakilaki", "pria", "male", "m": .male
        case "p", "perempuan", "wanita", "female", "f": .female
        default: nil
        }
    }

    static func education(_ text: String) -> Binakarier_Feedback_V1_RespondentEducation? {
        switch Vocabulary.normalized(text) {
        case "sd", "sdkebawah", "tidaksekolah": .primary
        case "smp", "sltp", "mts": .juniorSecondary
        case "sma", "smk", "slta", "ma", "smasmk": .seniorSecondary
        case "d1", "d2", "d3", "diploma", "d1d3": .diploma
        case "d4", "s1", "d4s1", "sarjana": .bachelor
        case "s2", "magister": .master
        case "s3", "doktor": .doctorate
        default: nil
        }
    }

    static func occupation(_ text: String) -> Binakarier_Feedback_V1_RespondentOccupation? {
        switch Vocabulary.normalized(text) {
        case "pns", "asn", "pppk", "pnsasn": .civilServant
        case "tni": .military
        case "polri", "polisi": .police
        case "swasta", "pegawaiswasta", "karyawanswasta": .privateEmployee
        case "wirausaha", "wiraswasta": .entrepreneur
        case "lainnya", "lain", "other": .other
        default: nil
        }
    }
}
