import BKProto

typealias Report = Binakarier_Reporting_V1_Report
typealias ReportTable = Binakarier_Reporting_V1_Table
typealias ReportSection = Binakarier_Reporting_V1_Section
typealias ReportChart = Binakarier_Reporting_V1_Chart
typealias Conclusion = Binakarier_Reporting_V1_Conclusion

/// A table of counts per row (people, sessions), with its totals and the shares and means that derive
/// from them: suppression is applied to the counts and carried to whatever derives from a hidden one.
struct CountTable {
    struct Ratio {
        var title: String
        var part: Int
        var whole: Int
    }
    /// A number per row that is not a count (a mean JP, an index): hidden when the people it is taken
    /// over (`bases`, per row, and `totalBase`) are under k, or when its guard count is hidden.
    struct Measure {
        var title: String
        var kind: Binakarier_Reporting_V1_ValueKind = .number
        var decimals: Int32 = 1
        var guardColumn: Int
        var values: [Double?]
        var total: Double?
        var bases: [Int]? = nil
        var totalBase: Int? = nil
    }

    var title: String
    var labelTitle: String
    var countTitles: [String]
    var rows: [(label: String, counts: [Int])] = []
    /// Adds a "Jumlah" row of column sums; suppression then protects each column.
    var totalRow = true
    /// The last count column is the sum of the others in each row; suppression then protects rows too.
    var lastColumnIsRowTotal = false
    var ratios: [Ratio] = []
    var measures: [Measure] = []
    var note = ""

    func build(k: Int) -> ReportTable {
        var grid = rows.map(\.counts)
        if totalRow {
            grid.append((0..<countTitles.count).map { column in rows.reduce(0) { $0 + $1.counts[column] } })
        }
        let hidden = Suppression.hidden(grid, k: k, rowTotals: lastColumnIsRowTotal, columnTotals: totalRow)
        var columns: [Binakarier_Reporting_V1_Column] = [.init(title: labelTitle, kind: .text)]
        columns += countTitles.map { .init(title: $0, kind: .count) }
        columns += ratios.map { .init(title: $0.title, kind: .percent, decimals: 1) }
        columns += measures.map { .init(title: $0.title, kind: $0.kind, decimals: $0.decimals) }
        var table = ReportTable(title: title, columns: columns)
        for (index, counts) in grid.enumerated() {
            let isTotal = totalRow && index == grid.count - 1
            var cells: [Binakarier_Reporting_V1_Cell] = [.text(isTotal ? "Jumlah" : rows[index].label)]
            for (column, count) in counts.enumerated() {
                cells.append(hidden[index][column] ? .suppressed : .number(Double(count)))
            }
            for ratio in ratios {
                if hidden[index][ratio.part] || hidden[index][ratio.whole] {
                    cells.append(.suppressed)
                } else if let share = Evaluation.percent(counts[ratio.part], of: counts[ratio.whole]) {
                    cells.append(.number(share))
                } else {
                    cells.append(.missing)
                }
            }
            for measure in measures {
                let value = isTotal ? measure.total : measure.values[index]
                let base = isTotal ? measure.totalBase : measure.bases?[index]
                if hidden[index][measure.guardColumn] || (counts[measure.guardColumn] > 0 && counts[measure.guardColumn] < k) || (base.map { $0 < k } ?? false) {
                    cells.append(.suppressed)
                } else if let value {
                    cells.append(.number(value))
                } else {
                    cells.append(.missing)
                }
            }
            table.rows.append(.init(cells: cells, total: isTotal))
        }
        let anyHidden = hidden.contains { $0.contains(true) }
        table.note = [note, anyHidden ? "Angka di bawah \(k) orang disembunyikan, beserta angka lain yang dapat membukanya dari jumlah." : ""]
            .filter { !$0.isEmpty }.joined(separator: " ")
        return table
    }
}

extension ReportTable {
    /// The cell of the total row ("Jumlah") under a column: summaries quote it, so that a figure reads
    /// the same (shown or hidden) wherever it appears.
    func totalCell(_ column: Int) -> Binakarier_Reporting_V1_Cell? {
        rows.last(where: \.total).map { $0.cells[column] }
    }

    /// A row's cell by its label.
    func cell(row label: String, _ column: Int) -> Binakarier_Reporting_V1_Cell? {
        rows.first { $0.cells.first?.text == label }.map { $0.cells[column] }
    }
}

/// A two-column table of labelled facts (a summary): counts under k are hidden.
struct FactTable {
    var title: String
    var facts: [(label: String, cell: Binakarier_Reporting_V1_Cell, kind: Binakarier_Reporting_V1_ValueKind)] = []

    mutating func text(_ label: String, _ value: String) { facts.append((label, .text(value), .text)) }
    mutating func count(_ label: String, _ value: Int, k: Int) {
        facts.append((label, value > 0 && value < k ? .suppressed : .number(Double(value)), .count))
    }
    mutating func number(_ label: String, _ value: Double?, kind: Binakarier_Reporting_V1_ValueKind = .number) {
        facts.append((label, value.map { .number($0) } ?? .missing, kind))
    }
    /// A figure another table of the report already shows: the same cell, hidden there, hidden here.
    mutating func cell(_ label: String, _ cell: Binakarier_Reporting_V1_Cell?, kind: Binakarier_Reporting_V1_ValueKind) {
        facts.append((label, cell ?? .missing, kind))
    }

    func build() -> ReportTable {
        ReportTable(
            title: title,
            columns: [.init(title: "Uraian", kind: .text), .init(title: "Nilai", kind: .number, decimals: 1)],
            rows: facts.map { fact in
                var value = fact.cell
                if fact.kind == .text { value = .text(fact.cell.text) } else { value.kind = fact.kind }
                value.decimals = fact.kind == .count || fact.kind == .rupiah ? 0 : 1
                return .init(cells: [.text(fact.label), value])
            })
    }
}

extension Binakarier_Reporting_V1_Cell {
    static func text(_ text: String) -> Self { .init(text: text, state: .value) }
    static func number(_ number: Double) -> Self { .init(number: number, state: .value) }
    static var suppressed: Self { .init(state: .suppressed) }
    static var missing: Self { .init(state: .missing) }
    static func optional(_ number: Double?) -> Self { number.map { .number($0) } ?? .missing }
}

extension ReportChart {
    /// A chart of one or more series over categories; nil values are drawn as absent.
    static func make(_ kind: Binakarier_Reporting_V1_ChartKind, _ title: String, _ description: String, categories: [String],
                     series: [(String, [Double?])], unit: String = "") -> Self {
        .init(
            kind: kind, title: title, description: description, categories: categories,
            series: series.map { name, values in
                .init(name: name, values: values.map { $0 ?? 0 }, absent: values.map { $0 == nil })
            },
            unit: unit)
    }
}

extension ReportTable {
    /// The values of one column, nil where hidden or missing (for charts drawn from a table).
    func column(_ index: Int, skippingTotal: Bool = true) -> [Double?] {
        rows.filter { !(skippingTotal && $0.total) }.map { $0.cells[index].state == .value ? $0.cells[index].number : nil }
    }

    func labels(skippingTotal: Bool = true) -> [String] {
        rows.filter { !(skippingTotal && $0.total) }.map { $0.cells[0].text }
    }
}
