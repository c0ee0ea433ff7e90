/// Hiding small counts (statistical disclosure control).
///
/// 1. Primary: a count of 1 to k−1 people is hidden. Zeros are shown (they are not a person), except
///    in a line whose total is itself under k: there the zeros would tell what everyone of the small
///    group has ("0 0 • 0 0": all three are Sedang), so the whole line is hidden.
/// 2. Complementary, per line: in every line of the table whose total is shown, more cells are hidden
///    until its hidden cells are at least two and add up to at least k.
/// 3. Complementary, for the whole table: an attacker who knows every shown cell, every shown total and
///    that a hidden count is at least 1 can still pin a hidden cell down by combining lines (two rows
///    minus two columns, or a hidden total rebuilt from its own line). So every hidden cell must have
///    another value consistent with all of that; while one has none, one more cell beside it is hidden.
///
/// Step 3 is exact. The table's lines are a bipartite graph (rows and columns are nodes, hidden cells
/// are edges; a line without a total constrains nothing, so all of those merge into one free node);
/// another consistent table differs by a circulation, which decomposes into cycles that each stay
/// consistent (conformal decomposition). So a hidden cell has another value if and only if some cycle
/// through it can move by one — alternately up and down along the cycle — without taking any hidden
/// count below 1. `isProtected` searches for such a cycle.
///
/// The grid is `counts[row][column]`. When `rowTotals` is set the last column holds each row's total;
/// when `columnTotals` is set the last row holds each column's total (a cell in both is the grand total).
public enum Suppression {
    public static func hidden(_ counts: [[Int]], k: Int, rowTotals: Bool, columnTotals: Bool) -> [[Bool]] {
        var hidden = counts.map { $0.map { $0 > 0 && $0 < k } }
        guard !counts.isEmpty, !counts[0].isEmpty else { return hidden }
        let table = Shape(counts: counts, rowTotals: rowTotals, columnTotals: columnTotals)
        for line in table.lines {
            let total = counts[line.total.0][line.total.1]
            guard total > 0, total < k else { continue }
            for cell in line.cells + [line.total] { hidden[cell.0][cell.1] = true }
        }
        while true {
            protectLines(&hidden, table, k: k)
            guard let exposed = table.cells.first(where: { hidden[$0.0][$0.1] && !table.isProtected($0, hidden: hidden) }) else { break }
            guard let next = table.companion(for: exposed, hidden: hidden) else { break }
            hidden[next.0][next.1] = true
        }
        return hidden
    }

    /// Step 2: at least two hidden cells adding up to at least k in each line whose total is shown.
    static func protectLines(_ hidden: inout [[Bool]], _ table: Shape, k: Int) {
        var changed = true
        while changed {
            changed = false
            for line in table.lines {
                let hiddenCells = line.cells.filter { hidden[$0.0][$0.1] }
                guard !hiddenCells.isEmpty, !hidden[line.total.0][line.total.1] else { continue }
                let hiddenSum = hiddenCells.reduce(0) { $0 + table.counts[$1.0][$1.1] }
                guard hiddenCells.count < 2 || hiddenSum < k else { continue }
                if let (row, column) = table.smallestShown(line.cells, hidden: hidden) {
                    hidden[row][column] = true
                } else {
                    hidden[line.total.0][line.total.1] = true
                }
                changed = true
            }
        }
    }

    struct Shape {
        let counts: [[Int]]
        let rowTotals: Bool
        let columnTotals: Bool
        let rows: Int
        let columns: Int
        /// Each line with a total: its inner cells and its total cell.
        let lines: [(cells: [(Int, Int)], total: (Int, Int))]
        let cells: [(Int, Int)]

        init(counts: [[Int]], rowTotals: Bool, columnTotals: Bool) {
            self.counts = counts
            self.rowTotals = rowTotals
            self.columnTotals = columnTotals
            rows = counts.count
            columns = counts[0].count
            let innerRows = columnTotals ? rows - 1 : rows
            let innerColumns = rowTotals ? columns - 1 : columns
            var lines: [(cells: [(Int, Int)], total: (Int, Int))] = []
            if rowTotals {
                for row in 0..<rows { lines.append(((0..<innerColumns).map { (row, $0) }, (row, columns - 1))) }
            }
            if columnTotals {
                for column in 0..<columns { lines.append(((0..<innerRows).map { ($0, column) }, (rows - 1, column))) }
            }
            self.lines = lines
            let width = columns
            cells = (0..<rows).flatMap { row in (0..<width).map { (row, $0) } }
        }

        func smallestShown(_ cells: [(Int, Int)], hidden: [[Bool]]) -> (Int, Int)? {
            cells.filter { !hidden[$0.0][$0.1] && counts[$0.0][$0.1] > 0 }.min { counts[$0.0][$0.1] < counts[$1.0][$1.1] }
        }

        /// The cell to hide next to protect `cell`: the smallest shown count in its row or column, else
        /// a shown total of its lines, else the smallest shown count anywhere.
        func companion(for cell: (Int, Int), hidden: [[Bool]]) -> (Int, Int)? {
            let own = cells.filter { ($0.0 == cell.0 || $0.1 == cell.1) && !($0.0 == cell.0 && $0.1 == cell.1) }
            return smallestShown(own, hidden: hidden) ?? smallestShown(cells, hidden: hidden)
        }

        /// Graph nodes: rows 0..<rows, columns rows..<rows+columns; lines without a total are free and
        /// all merge into one node.
        var freeNode: Int { rows + columns }

        func rowNode(_ row: Int) -> Int { rowTotals ? row : freeNode }
        func columnNode(_ column: Int) -> Int { columnTotals ? rows + column : freeNode }

        /// +1 when the cell enters its row's and column's sums as it is, −1 for a row's or a column's
        /// total (it is subtracted from its line), +1 for the grand total.
        func sign(_ cell: (Int, Int)) -> Int {
            let isRowTotal = rowTotals && cell.1 == columns - 1
            let isColumnTotal = columnTotals && cell.0 == rows - 1
            return isRowTotal == isColumnTotal ? 1 : -1
        }

        /// Whether moving the cell by `step` (in the signed space where every line sums to zero) keeps
        /// it at its least possible value: 1 for a hidden count (zeros are shown), 0 for a hidden zero.
        func canMove(_ cell: (Int, Int), _ step: Int) -> Bool {
            let value = counts[cell.0][cell.1]
            return step * sign(cell) > 0 || value >= (value == 0 ? 1 : 2)
        }

        /// Some cycle of hidden cells through `cell` can move by one, alternately up and down.
        func isProtected(_ cell: (Int, Int), hidden: [[Bool]]) -> Bool {
            let from = rowNode(cell.0), to = columnNode(cell.1)
            // A cell whose row and column both constrain nothing can change alone.
            if from == freeNode && to == freeNode { return true }
            let edges = cells.filter { hidden[$0.0][$0.1] && !($0.0 == cell.0 && $0.1 == cell.1) }
            for step in [1, -1] where canMove(cell, step) {
                // The cycle leaves `from` through `cell` (step), reaches `to`, and must come back to `from`:
                // edges taken from a column node to a row node move by -step, from a row node to a column
                // node by +step.
                var seen: Set<Int> = [to]
                var frontier = [to]
                while !frontier.isEmpty {
                    var next: [Int] = []
                    for node in frontier {
                        for edge in edges {
                            let row = rowNode(edge.0), column = columnNode(edge.1)
                            let target: Int
                            let move: Int
                            if node == column { target = row; move = -step } else if node == row { target = column; move = step } else { continue }
                            // The free node is both a row and a column: edges leave it either way.
                            guard canMove(edge, move) else { continue }
                            if target == from { return true }
                            if seen.insert(target).inserted { next.append(target) }
                        }
                    }
                    frontier = next
                }
            }
            return false
        }
    }
}
