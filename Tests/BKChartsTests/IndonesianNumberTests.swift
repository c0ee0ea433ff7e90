import BKCharts
import Testing

@Suite("IndonesianNumber: decimal comma, dot thousands, locale-independent")
struct IndonesianNumberTests {
    @Test func groupsThousandsAndRoundsToTheDecimalsAsked() {
        #expect(IndonesianNumber.format(1234567.891, decimals: 2) == "1.234.567,89")
        #expect(IndonesianNumber.format(1234.5, decimals: 1) == "1.234,5")
        #expect(IndonesianNumber.format(1234, decimals: 0) == "1.234")
        #expect(IndonesianNumber.format(999, decimals: 0) == "999")
        #expect(IndonesianNumber.format(100000, decimals: 0) == "100.000")
        #expect(IndonesianNumber.format(0, decimals: 0) == "0")
        #expect(IndonesianNumber.format(0, decimals: 2) == "0,00")
        #expect(IndonesianNumber.format(12, decimals: 2) == "12,00")
        #expect(IndonesianNumber.format(999.999, decimals: 2) == "1.000,00")
        #expect(IndonesianNumber.format(0.00001, decimals: 5) == "0,00001")
        #expect(IndonesianNumber.format(1e21, decimals: 0) == "1.000.000.000.000.000.000.000")
    }

    @Test func negativesKeepTheirSignButZeroHasNone() {
        #expect(IndonesianNumber.format(-0.5, decimals: 1) == "-0,5")
        #expect(IndonesianNumber.format(-1234.5, decimals: 1) == "-1.234,5")
        #expect(IndonesianNumber.format(-20, decimals: 0) == "-20")
        #expect(IndonesianNumber.format(-0.04, decimals: 1) == "0,0")
        #expect(IndonesianNumber.format(-0.0, decimals: 0) == "0")
    }

    @Test func percentIsWrittenWithASpaceAndTiesRoundUp() {
        #expect(IndonesianNumber.percent(79.2, decimals: 1) == "79,2 %")
        #expect(IndonesianNumber.percent(79.25, decimals: 1) == "79,3 %")  // tie: half up, as a spreadsheet rounds
        #expect(IndonesianNumber.percent(79.35, decimals: 1) == "79,4 %")  // tie: half up
        #expect(IndonesianNumber.percent(79.251, decimals: 1) == "79,3 %")
        #expect(IndonesianNumber.percent(100, decimals: 0) == "100 %")
        #expect(ValueFormat.percent().format(79.24) == "79,2 %")
        #expect(ValueFormat(decimals: 0, unit: "JP").format(1500) == "1.500 JP")
    }

    @Test func roundsTheDecimalAsWrittenNotItsBinaryApproximation() {
        // 1.005 is stored as 1.00499999999999989…; the shortest decimal that reads back is 1.005.
        #expect(IndonesianNumber.format(1.005, decimals: 2) == "1,01")  // tie: half up (on the decimal written, 1.005)
        #expect(IndonesianNumber.format(1.015, decimals: 2) == "1,02")  // tie: half up
        #expect(IndonesianNumber.format(0.5, decimals: 0) == "1")
        #expect(IndonesianNumber.format(1.5, decimals: 0) == "2")
        #expect(IndonesianNumber.format(2.5, decimals: 0) == "3")
        #expect(IndonesianNumber.format(9.96, decimals: 1) == "10,0")
        #expect(IndonesianNumber.format(0.3, decimals: 1) == "0,3")
        #expect(IndonesianNumber.format(0.1 + 0.2, decimals: 2) == "0,30")
    }

    @Test func nonFiniteValuesAndOddDecimalsDoNotCrash() {
        #expect(IndonesianNumber.format(.nan, decimals: 1) == IndonesianNumber.notANumber)
        #expect(IndonesianNumber.format(.infinity) == IndonesianNumber.notANumber)
        #expect(IndonesianNumber.percent(-.infinity) == IndonesianNumber.notANumber)
        #expect(IndonesianNumber.format(3.7, decimals: -2) == "4")
        #expect(IndonesianNumber.format(.greatestFiniteMagnitude, decimals: 0).hasPrefix("179.769.313.486.231.570"))
        #expect(IndonesianNumber.format(.leastNonzeroMagnitude, decimals: 100) == "0," + String(repeating: "0", count: 20))
    }
}
