/// Hiding small counts (statistical disclosure control). A count of 1 to k−1 people is hidden (primary
/// suppression); then, in every line of a table whose total is shown, more cells are hidden until the
/// hidden cells of the line are at least two and add up to at least k, so that neither subtraction
/// from the total nor the knowledge that a hidden count is 1…k−1 gives any of them away
/// (complementary suppression). Zeros are shown: they are not a person.
///
/// The grid is `counts[row][column]`. Lines are its rows and columns; when `rowTotals` is set the last
/// column holds each row's total, and when `columnTotals` is set the last row holds each column's total
/// (a cell in both is the grand total). Cells outside any total (a table without totals) only get
/// primary suppression.
public enum Suppression {
    public static func hidden(_ counts: [[Int]], k: Int, rowTotals: Bool, columnTotals: Bool) -> [[Bool]] {
        var hidden = counts.map { $0.map { $0 > 0 && $0 < k } }
        guard !counts.isEmpty else { return hidden }
        let rows = counts.count, columns = counts[0].count
        // Each line: its inner cells and its total cell.
        var lines: [(cells: [(Int, Int)], total: (Int, Int))] = []
        let innerRows = columnTotals ? rows - 1 : rows
        let innerColumns = rowTotals ? columns - 1 : columns
        if rowTotals {
            for row in 0..<rows { lines.append(((0..<innerColumns).map { (row, $0) }, (row, columns - 1))) }
        }
        if columnTotals {
            for column in 0..<columns { lines.append(((0..<innerRows).map { ($0, column) }, (rows - 1, column))) }
        }
        var changed = true
        while changed {
            changed = false
            for line in lines {
                let hiddenCells = line.cells.filter { hidden[$0.0][$0.1] }
                // A hidden total protects the line: nothing can be subtracted from it.
                guard !hiddenCells.isEmpty, !hidden[line.total.0][line.total.1] else { continue }
                let hiddenSum = hiddenCells.reduce(0) { $0 + counts[$1.0][$1.1] }
                guard hiddenCells.count < 2 || hiddenSum < k else { continue }
                // Hide the smallest shown non-zero cell of the line; with none left, the total.
                let candidate = line.cells
                    .filter { !hidden[$0.0][$0.1] && counts[$0.0][$0.1] > 0 }
                    .min { counts[$0.0][$0.1] < counts[$1.0][$1.1] }
                if let (row, column) = candidate {
                    hidden[row][column] = true
                } else {
                    hidden[line.total.0][line.total.1] = true
                }
                changed = true
            }
        }
        return hidden
    }
}
