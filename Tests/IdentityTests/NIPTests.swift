import BKProto
@testable import Identity
import Testing

@Suite("NIP validation")
struct NIPTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 29)!

    @Test(arguments: [
        ("198703152010011001", Sex.male, "1987-03-15", "2010-01"),
        ("199212242019032002", Sex.female, "1992-12-24", "2019-03"),
        ("200002292022011015", Sex.male, "2000-02-29", "2022-01"),  // a leap day
    ])
    func validPNSNumbers(text: String, sex: Sex, birth: String, start: String) throws {
        let nip = try NIP(text, type: .pns, today: Self.today)
        #expect(nip.sex == sex)
        #expect(nip.birthDate.description == birth)
        #expect(nip.serviceStart.description == start)
    }

    @Test(arguments: [
        ("19870315201001100", NIP.Failure.length(17)),
        ("1987031520100110011", .length(19)),
        ("19870315201001100A", .notDigits),
        ("198713152010011001", .birthDate("19871315")),  // month 13
        ("199002302015011001", .birthDate("19900230")),  // 30 February
        ("190002292020011001", .birthDate("19000229")),  // 1900 was not a leap year
        ("203001012050011001", .birthDate("20300101")),  // born in the future
        ("198703152010131001", .serviceStart("201013")),  // month 13
        ("198703152005031001", .serviceBeforeAdulthood),  // aged 17 at TMT
        ("198703152005021001", .serviceBeforeAdulthood),  // the month of the 18th birthday is not after it
        ("198703152030011001", .serviceInTheFuture),
        ("198703152010013001", .sexDigit("3")),
        ("198703152010010001", .sexDigit("0")),
        ("198703152010011000", .sequence),
    ])
    func invalidPNSNumbers(text: String, failure: NIP.Failure) {
        #expect(throws: failure) { try NIP(text, type: .pns, today: Self.today) }
    }

    @Test func pppkNumbersFollowTheirOwnRule() throws {
        // Digits 9–14: appointment year 2021 and code 07 — not a valid PNS TMT month.
        let nip = try NIP("199005172021072001", type: .pppk, today: Self.today)
        #expect(nip.sex == .female)
        #expect(nip.serviceStart.year == 2021)
        #expect(throws: NIP.Failure.serviceStart("202117")) {
            _ = try NIP("199005172021172001", type: .pns, today: Self.today)
        }
        #expect(throws: NIP.Failure.pppkCode("201507")) { try NIP("199005172015072001", type: .pppk, today: Self.today) }
        #expect(throws: NIP.Failure.sexDigit("9")) { try NIP("199005172021079001", type: .pppk, today: Self.today) }
    }

    @Test func validationFillsAndCrossChecksTheRecord() throws {
        var employee = Employee(nip: "199212242019032002", name: "  Siti Rahma ", asnType: .pns, golongan: .iiiA, agencyCode: "DINKES")
        let valid = try EmployeeValidation.validated(employee, today: Self.today)
        #expect(valid.name == "Siti Rahma")
        #expect(valid.sex == .female)
        #expect(valid.birthDate == "1992-12-24")
        #expect(valid.serviceStart == "2019-03")
        #expect(valid.status == .active)

        employee.sex = .male
        #expect(throws: IdentityError.invalid(field: "sex", reason: .init(id: "jenis kelamin tidak sesuai dengan NIP", en: "the sex does not match the NIP"))) {
            try EmployeeValidation.validated(employee, today: Self.today)
        }
        employee.sex = .female
        employee.golongan = .unspecified
        #expect(throws: IdentityError.self) { try EmployeeValidation.validated(employee, today: Self.today) }
        employee.golongan = .iiiA
        employee.pppkGrade = 5
        #expect(throws: IdentityError.self) { try EmployeeValidation.validated(employee, today: Self.today) }
    }

    @Test(arguments: [("III/a", Golongan.iiiA), ("iii/A", .iiiA), ("IIIa", .iiiA), ("IV/e", .ivE), ("I/a", .iA), ("2d", .iiD)])
    func golonganSpellings(text: String, golongan: Golongan) {
        #expect(Vocabulary.golongan(text) == golongan)
        #expect(Vocabulary.golongan(Vocabulary.display(golongan)) == golongan)
    }

    @Test func golonganRejectsWhatDoesNotExist() {
        for text in ["III/e", "V/a", "IV", "", "III/f"] { #expect(Vocabulary.golongan(text) == nil) }
    }
}
