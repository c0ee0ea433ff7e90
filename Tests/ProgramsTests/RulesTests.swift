import BKProto
import BKServiceKit
import Testing
@testable import Programs

@Suite("Programs: domain rules")
struct RulesTests {
    let settings = ProgramRules.Settings()

    @Test func eligibilityNamesWhyAPersonIsOutsideTheAudience() {
        let teacher = ProgramsWorld.person("198703152010011001", "Guru", agency: "DIKBUD", level: .jfAhliMuda, golongan: .iiiC)
        #expect(ProgramRules.ineligibility(of: teacher, for: nil) == nil)
        #expect(ProgramRules.ineligibility(of: teacher, for: .init(agencyCodes: ["DIKBUD", "BAPPEDA"])) == nil)
        #expect(ProgramRules.ineligibility(of: teacher, for: .init(agencyCodes: ["DINKES"]))?.indonesian.contains("DINKES") == true)
        #expect(ProgramRules.ineligibility(of: teacher, for: .init(jobLevels: [.administrator])) != nil)
        #expect(ProgramRules.ineligibility(of: teacher, for: .init(jobLevels: [.jfAhliMuda, .jfAhliMadya])) == nil)
        #expect(ProgramRules.ineligibility(of: teacher, for: .init(asnType: .pppk)) != nil)
        #expect(ProgramRules.ineligibility(of: teacher, for: .init(golonganMin: .iiiA, golonganMax: .iiiD)) == nil)
        #expect(ProgramRules.ineligibility(of: teacher, for: .init(golonganMin: .iiiD))?.indonesian.contains("III/d") == true)
        #expect(ProgramRules.ineligibility(of: teacher, for: .init(golonganMax: .iiB)) != nil)
        var contract = teacher
        contract.asnType = .pppk
        contract.golongan = .unspecified
        #expect(ProgramRules.ineligibility(of: contract, for: .init(golonganMin: .iiA)) != nil, "a golongan range needs a PNS")
        var retired = teacher
        retired.status = .retired
        #expect(ProgramRules.ineligibility(of: retired, for: nil) != nil)
    }

    @Test func completionNeedsTheAttendanceAndWhereAskedThePostTest() {
        func completion(_ attendance: Double, _ postTest: Double?, _ rule: Binakarier_Programs_V1_CompletionRule?, _ settings: ProgramRules.Settings = .init()) -> Binakarier_Programs_V1_CompletionState {
            ProgramRules.completion(attendancePercent: attendance, postTest: postTest, rule: rule, settings: settings)
        }
        #expect(completion(80, nil, nil) == .completed)
        #expect(completion(79.9, nil, nil) == .notCompleted)
        #expect(completion(100.0 * 4 / 5, nil, .init()) == .completed)
        let strict = Binakarier_Programs_V1_CompletionRule(minimumAttendancePercent: 100, requiresPostTest: true, passMark: 70)
        #expect(completion(100, nil, strict) == .pending, "the post-test is still to come")
        #expect(completion(100, 69.5, strict) == .notCompleted)
        #expect(completion(100, 70, strict) == .completed)
        #expect(completion(90, 95, strict) == .notCompleted)
        #expect(completion(90, nil, strict) == .notCompleted, "no test can make up for the attendance")
        var lenient = settings
        lenient.defaultMinimumAttendance = 50
        #expect(completion(50, nil, nil, lenient) == .completed)
    }

    @Test func certificateNumbersFollowTheConfiguredFormat() {
        #expect(ProgramRules.certificateNumber(format: "800/BKPSDM-SWL/{year}/{seq:4}", year: 2026, sequence: 1) == "800/BKPSDM-SWL/2026/0001")
        #expect(ProgramRules.certificateNumber(format: "800/BKPSDM-SWL/{year}/{seq:4}", year: 2026, sequence: 12345) == "800/BKPSDM-SWL/2026/12345")
        #expect(ProgramRules.certificateNumber(format: "SERT-{seq}-{year}", year: 2027, sequence: 7) == "SERT-7-2027")
        #expect(ProgramRules.isValidCertificateFormat("800/BKPSDM-SWL/{year}/{seq:4}"))
        #expect(!ProgramRules.isValidCertificateFormat("800/BKPSDM/{seq:4}"), "without the year, numbers repeat each year")
        #expect(!ProgramRules.isValidCertificateFormat("800/BKPSDM/{year}"))
    }

    @Test func jpFallInTheYearOfEachDay() {
        let days = [
            SessionDay(date: "2025-12-30", jp: 8), SessionDay(date: "2025-12-31", jp: 4), SessionDay(date: "2026-01-02", jp: 8),
        ]
        let byYear = ProgramRules.jpByYear(days)
        #expect(byYear.map(\.year) == [2025, 2026])
        #expect(byYear.map(\.jp) == [12, 8])
    }

    @Test func calendarDaysRoundTrip() {
        for text in ["1970-01-01", "2024-02-29", "2025-12-31", "2026-01-01", "2100-03-01"] {
            let date = CalendarDate(parsing: text)!
            #expect(CalendarDate(daysSinceEpoch: date.daysSinceEpoch).description == text)
        }
        #expect(CalendarDate(parsing: "2026-01-01")!.daysSinceEpoch == 20454)
    }
}
