import BKProto
import BKTestSupport
import Testing
@testable import Reporting

/// Small counts are hidden, and no published table gives a hidden count away: an attacker who knows
/// every shown cell and every shown total solves what can be solved and tries every assignment.
@Suite("Reporting: suppression of small counts")
struct SuppressionTests {
    static let k = 5

    @Test func aCountUnderKIsHiddenAndKIsShown() {
        let hidden = Suppression.hidden([[4, 5, 1, 0, 12]], k: 5, rowTotals: false, columnTotals: false)
        #expect(hidden == [[true, false, true, false, false]], "k − 1 = 4 and 1 hidden; 5 and 12 shown; 0 shown")
        let higher = Suppression.hidden([[9, 10, 0]], k: 10, rowTotals: false, columnTotals: false)
        #expect(higher == [[true, false, false]], "with k = 10, 9 is hidden and 10 shown")
    }

    @Test func zerosAreShown() {
        let grid = PublishedTable.grid([[0, 0, 7], [0, 9, 6]], rowTotals: true, columnTotals: true)
        let hidden = Suppression.hidden(grid, k: 5, rowTotals: true, columnTotals: true)
        #expect(!hidden.joined().contains(true), "no count is 1…4: nothing to hide, zeros included")
        let withSmall = PublishedTable.grid([[0, 3, 7], [0, 9, 6], [0, 8, 8]], rowTotals: true, columnTotals: true)
        let hiddenSmall = Suppression.hidden(withSmall, k: 5, rowTotals: true, columnTotals: true)
        for row in withSmall.indices {
            for column in withSmall[row].indices where withSmall[row][column] == 0 {
                #expect(!hiddenSmall[row][column], "a zero is not a person: shown at \(row),\(column)")
            }
        }
    }

    /// The README's promise, line by line: in every line whose total is shown, the hidden cells are
    /// none, or at least two adding up to at least k.
    static func linesAreProtected(_ table: PublishedTable) -> [String] {
        table.lines.compactMap { line in
            guard !table.hidden[line.total[0]][line.total[1]] else { return nil }
            let hidden = line.cells.filter { table.hidden[$0[0]][$0[1]] }
            let sum = hidden.reduce(0) { $0 + table.truth[$1[0]][$1[1]] }
            return hidden.isEmpty || (hidden.count >= 2 && sum >= k) ? nil : "line of \(line.total): \(hidden.count) hidden adding to \(sum)"
        }
    }

    static func published(_ inner: [[Int]], rowTotals: Bool = true, columnTotals: Bool = true) -> PublishedTable {
        let grid = PublishedTable.grid(inner, rowTotals: rowTotals, columnTotals: columnTotals)
        return PublishedTable(truth: grid, hidden: Suppression.hidden(grid, k: k, rowTotals: rowTotals, columnTotals: columnTotals),
                              rowTotals: rowTotals, columnTotals: columnTotals)
    }

    static func expectSafe(_ table: PublishedTable, _ name: String) throws {
        // Every count 1…k−1 is hidden.
        for row in 0..<table.rows {
            for column in 0..<table.columns where (1..<k).contains(table.truth[row][column]) {
                #expect(table.hidden[row][column], "\(name): \(table.truth[row][column]) at \(row),\(column) shown")
            }
        }
        #expect(linesAreProtected(table).isEmpty, "\(name): \(linesAreProtected(table)) — \(table)")
        let found = try Attacker.attack(table)
        #expect(found.isEmpty, "\(name): recovered \(found) from \(table)")
        // Small enough to enumerate every assignment: every hidden cell takes two values.
        if table.hiddenPositions.count <= 10 {
            for minimum in [0, 1] {
                let (values, _) = try Attacker.enumerate(table, minimum: minimum)
                for (cell, seen) in values {
                    #expect(seen.count >= 2, "\(name): with hidden ≥ \(minimum), cell \(cell) can only be \(seen) — \(table)")
                }
            }
        }
    }

    // MARK: the attacker itself

    /// The attacker finds what a careless publication gives away, or the tests below prove nothing.
    @Test func theAttackerRecoversWhatIsGivenAway() throws {
        // A single hidden cell in a row with a shown total: subtraction.
        let single = PublishedTable(truth: PublishedTable.grid([[2, 9], [7, 8]], rowTotals: true, columnTotals: false),
                                    hidden: [[true, false, false], [false, false, false]], rowTotals: true, columnTotals: false)
        #expect(Attacker.subtraction(single) == [[0, 0]: 2])
        // Two hidden cells in a row, one of them alone in its column: subtraction twice.
        let chain = PublishedTable(truth: PublishedTable.grid([[2, 3, 9], [7, 8, 6]], rowTotals: true, columnTotals: true),
                                   hidden: [[true, true, false, false], [false, true, false, false], [false, false, false, false]],
                                   rowTotals: true, columnTotals: true)
        #expect(Attacker.subtraction(chain).count == 3)
        // Two hidden cells adding to 2, each known to be at least 1: both are 1.
        let ones = PublishedTable(truth: PublishedTable.grid([[1, 1, 9]], rowTotals: true, columnTotals: false),
                                  hidden: [[true, true, false, false]], rowTotals: true, columnTotals: false)
        #expect(Attacker.subtraction(ones).isEmpty)
        #expect(try Attacker.recovered(ones, minimum: 0).isEmpty, "0+2, 1+1, 2+0")
        #expect(try Attacker.recovered(ones, minimum: 1) == [[0, 0]: 1, [0, 1]: 1])
        let (values, _) = try Attacker.enumerate(ones, minimum: 1)
        #expect(values[[0, 0]] == [1])
        // A 2×2 block of hidden cells is safe; a hidden cell joining two such blocks is not (a bridge:
        // the sum of two rows minus the sum of two columns is that cell alone).
        let blocks = PublishedTable(
            truth: PublishedTable.grid([[2, 3, 1, 20], [3, 2, 20, 20], [20, 20, 2, 3], [20, 20, 3, 2]], rowTotals: true, columnTotals: true),
            hidden: [[true, true, true, false, false], [true, true, false, false, false], [false, false, true, true, false],
                     [false, false, true, true, false], [false, false, false, false, false]],
            rowTotals: true, columnTotals: true)
        #expect(Attacker.subtraction(blocks).isEmpty, "no line has a single unknown")
        #expect(try Attacker.recovered(blocks, minimum: 0) == [[0, 2]: 1])
    }

    // MARK: crafted tables

    @Test func oneSmallCellInARow() throws {
        let table = Self.published([[2, 10, 12], [9, 8, 7], [11, 6, 13]])
        #expect(table.hiddenPositions.count >= 4, "2 is hidden with partners in its row and column: \(table)")
        try Self.expectSafe(table, "one small cell")
        try Self.expectSafe(Self.published([[2, 10, 12], [9, 8, 7]], rowTotals: true, columnTotals: false), "one small cell, row totals only")
        try Self.expectSafe(Self.published([[2, 10], [9, 8], [11, 6]], rowTotals: false, columnTotals: true), "one small cell, column totals only")
    }

    @Test func twoSmallCellsInARowAddingToLessThanK() throws {
        let table = Self.published([[1, 2, 9, 8], [7, 6, 10, 11], [12, 9, 8, 7]])
        let row = table.hiddenPositions.filter { $0[0] == 0 && $0[1] < 4 }
        #expect(row.reduce(0) { $0 + table.truth[$1[0]][$1[1]] } >= Self.k, "1 + 2 < 5: a third cell of the row is hidden too")
        try Self.expectSafe(table, "two small cells")
        try Self.expectSafe(Self.published([[1, 2, 9, 8], [7, 6, 10, 11]], rowTotals: true, columnTotals: false), "two small cells, row totals only")
    }

    @Test func aSmallCellWhoseOnlyPartnerInItsColumnIsTheTotal() throws {
        try Self.expectSafe(Self.published([[3, 10], [0, 10]]), "alone in its column (2×2)")
        try Self.expectSafe(Self.published([[3, 9, 7], [0, 8, 6], [0, 12, 5]]), "alone in its column (3×3)")
        try Self.expectSafe(Self.published([[4, 0, 0], [0, 9, 7]]), "alone in its row and column")
    }

    @Test func aFourByFourTableWithManySmallCells() throws {
        try Self.expectSafe(Self.published([[1, 2, 3, 4], [4, 3, 2, 1], [1, 1, 1, 1], [2, 2, 2, 2]]), "all small")
        try Self.expectSafe(Self.published([[2, 3, 0, 8], [3, 2, 9, 0], [7, 0, 1, 4], [0, 6, 4, 1]]), "small cells in a ring")
        // Two blocks of small cells joined by one small cell: every line holds two or more hidden cells
        // adding up to at least 5, yet the joining cell is the difference of two row sums and two
        // column sums.
        try Self.expectSafe(Self.published([[2, 3, 1, 20], [3, 2, 20, 20], [20, 20, 2, 3], [20, 20, 3, 2]]), "two blocks joined by one cell")
    }

    // MARK: random tables

    @Test func noHiddenCellOfRandomTablesIsRecoverable() throws {
        var random = SplitMix64(seed: 0x5A3A_2026)
        var failures: [String] = []
        var hiddenCells = 0
        for number in 0..<200 {
            let rows = Int.random(in: 2...4, using: &random), columns = Int.random(in: 2...4, using: &random)
            let inner = (0..<rows).map { _ in (0..<columns).map { _ in Int.random(in: 0...12, using: &random) } }
            let table = Self.published(inner)
            hiddenCells += table.hiddenPositions.count
            let unprotected = Self.linesAreProtected(table)
            let found = try Attacker.attack(table)
            if !found.isEmpty || !unprotected.isEmpty {
                failures.append("table \(number) \(table): \(found + unprotected)")
            }
        }
        #expect(hiddenCells > 200, "the generator makes tables with small counts")
        #expect(failures.isEmpty, "\(failures.count) of 200 tables give hidden counts away; first: \(failures.prefix(3).joined(separator: " | "))")
    }

    // MARK: the table builder

    /// Counts per row with a "Jumlah" row and a share: B's 3 is hidden, with at least one more count
    /// of its column (3 alone could be subtracted from the total 20); a share is hidden whenever the count
    /// it is made of is; the total row (10 + 10 + 12 = 32 people, 8 + 3 + 9 = 20 taking part) keeps its
    /// share 20 / 32 = 62.5 %.
    @Test func countTableCarriesSuppressionToShares() {
        var table = CountTable(title: "Peserta", labelTitle: "Unit", countTitles: ["Pegawai", "Peserta"])
        table.ratios = [.init(title: "% ikut", part: 1, whole: 0)]
        table.measures = [.init(title: "Rata-rata JP", guardColumn: 1, values: [21, 30, 18.5], total: 22)]
        table.rows = [("A", [10, 8]), ("B", [10, 3]), ("C", [12, 9])]
        let built = table.build(k: 5)
        #expect(built.rows.count == 4)
        #expect(built.columns.map(\.kind) == [.text, .count, .count, .percent, .number])
        let b = built.row("B")!
        #expect(b.cells[2].isHidden, "3 people")
        #expect(b.cells[3].isHidden, "3 of 10 is 30 %: the share gives the count away")
        #expect(b.cells[4].isHidden, "a mean over 3 people")
        #expect(b.cells[1].value == 10)
        let hiddenInColumn = built.rows.filter { !$0.total && $0.cells[2].isHidden }
        #expect(hiddenInColumn.count >= 2, "3 alone could be read off the total 20")
        for row in built.rows where row.cells[1].isHidden || row.cells[2].isHidden {
            #expect(row.cells[3].isHidden, "a share of a hidden count is hidden: \(row.cells[0].text)")
        }
        let c = built.row("C")!
        #expect(c.cells[2].value == 9)
        #expect(close(c.cells[3].value, 75), "9 of 12")
        #expect(c.cells[4].value == 18.5)
        let total = built.rows.last!
        #expect(total.total && total.cells[0].text == "Jumlah")
        #expect(total.cells[1].value == 32)
        #expect(total.cells[2].value == 20)
        #expect(close(total.cells[3].value, 62.5))
        #expect(built.note.contains("disembunyikan"))
    }

    /// A table as a report publishes it (people per IP ASN band with row and column totals): unit X has 4
    /// people, all "Sedang". Whatever is hidden, the reader must not be able to work out that 4.
    @Test func countTableWithTotalsGivesNoHiddenCountAway() throws {
        var table = CountTable(title: "IP ASN per unit", labelTitle: "Unit", countTitles: ["Sedang", "Tinggi", "Sangat Tinggi", "Jumlah"])
        table.lastColumnIsRowTotal = true
        table.rows = [("Unit X", [4, 0, 0, 4]), ("Unit Y", [0, 9, 7, 16])]
        let built = table.build(k: 5)
        // Read the published table back: counts and their hidden state, "Jumlah" row and column included.
        let truth = [[4, 0, 0, 4], [0, 9, 7, 16], [4, 9, 7, 20]]
        let hidden = built.rows.map { row in row.cells[1...4].map(\.isHidden) }
        for (r, row) in built.rows.enumerated() {
            for c in 0..<4 where !hidden[r][c] { #expect(row.cells[c + 1].value == Double(truth[r][c]), "shown cell \(r),\(c)") }
        }
        #expect(hidden[0][0], "4 people")
        let published = PublishedTable(truth: truth, hidden: hidden, rowTotals: true, columnTotals: true)
        let found = try Attacker.attack(published)
        #expect(found.isEmpty, "recovered \(found) from \(published)")
    }
}
