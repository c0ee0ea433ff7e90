import BKCharts
import BKProto

/// The HTML of a reporting `Report`: its conclusions, sections, SVG charts (BKCharts) and tables, every
/// text escaped. `content` is the report's body for a page that has its own layout (the gateway's
/// report pages); `page` is the self-contained file reporting exports (no script, no outside request,
/// charts inline, styles inline, print styles so that "print to PDF" gives a clean A4 document).
public enum ReportView {
    /// The self-contained page: the report's header (title, subtitle, when it was made, where its data
    /// stood, its published id and hash), its content and the note on hidden and missing numbers.
    public static func page(_ report: Binakarier_Reporting_V1_Report) -> String {
        let body = header(report) + sections(report, inLayout: false) + "<footer><p>\(note(report))</p></footer>"
        return """
            <!DOCTYPE html>
            <html lang="id">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
            <title>\(escape(report.title))</title>
            <style>\(style)</style>
            </head>
            <body>
            \(body)
            </body>
            </html>

            """
    }

    /// The report's content for a page with its own title and layout: the conclusions and the sections
    /// (headings from `<h2>` down), charts and tables, then the note on hidden and missing numbers.
    /// No `<html>`, no `<style>`, no `style` attribute: the classes it uses (`conclusions`,
    /// `verdict-…`, `topic`, `badge`, `chart`, `num`, `total`, `hidden`, `missing`, `note`,
    /// `report-note`, `table-wrap`) are the page's to style. Wide tables sit in a focusable, labelled
    /// `.table-wrap` region, and charts in focusable figures, so that a page may let them scroll
    /// sideways on a phone.
    public static func content(_ report: Binakarier_Reporting_V1_Report) -> String {
        sections(report, inLayout: true) + "<p class=\"report-note\">\(note(report))</p>\n"
    }

    /// The header of the self-contained page.
    static func header(_ report: Binakarier_Reporting_V1_Report) -> String {
        var html = "<header><p class=\"eyebrow\">BinaKarier · Laporan Evaluasi</p><h1>\(escape(report.title))</h1><p class=\"subtitle\">\(escape(report.subtitle))</p>"
        html += "<p class=\"meta\">Dibuat \(escape(ReportText.stamp(report.generateTimeUnix))) · \(escape(ReportText.positions(report)))"
        if !report.publishedId.isEmpty {
            html += "<br>Terbit <strong>\(escape(report.publishedId))</strong> · SHA-256 <code>\(escape(report.sha256))</code>"
        }
        return html + "</p></header>\n"
    }

    /// What "<k" and "–" mean (markup, escaped).
    static func note(_ report: Binakarier_Reporting_V1_Report) -> String {
        let k = ReportText.hiddenBelow(report.k)
        return "Angka di bawah \(k) orang ditampilkan sebagai “&lt;\(k)” untuk melindungi kelompok kecil; “–” berarti data belum ada (tidak ditebak)."
    }

    static func sections(_ report: Binakarier_Reporting_V1_Report, inLayout: Bool) -> String {
        var html = conclusions(report)
        for (sectionIndex, section) in report.sections.enumerated() {
            html += "<section><h2>\(escape(section.title))</h2>\n"
            if !section.text.isEmpty { html += "<p>\(escape(section.text))</p>\n" }
            for (chartIndex, chart) in section.charts.enumerated() where hasData(chart) {
                html += (inLayout ? "<figure class=\"chart\" tabindex=\"0\">" : "<figure class=\"chart\">") + SVGChart.render(svgChart(chart, id: "c\(sectionIndex)-\(chartIndex)"), width: 720, height: height(chart))
                html += "<figcaption>\(escape(chart.title))</figcaption></figure>\n"
            }
            for table in section.tables {
                if inLayout {
                    let label = table.title.isEmpty ? section.title : table.title
                    html += "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"\(escape(label))\">" + self.table(table, k: report.k) + "</div>\n"
                } else {
                    html += self.table(table, k: report.k)
                }
            }
            html += "</section>\n"
        }
        return html
    }

    static func conclusions(_ report: Binakarier_Reporting_V1_Report) -> String {
        guard !report.conclusions.isEmpty else { return "" }
        var html = "<section class=\"conclusions\"><h2>Kesimpulan</h2><ul>\n"
        for conclusion in report.conclusions {
            let verdict = ReportText.verdict(conclusion.verdict)
            html += "<li class=\"verdict-\(verdictClass(conclusion.verdict))\"><span class=\"topic\">\(escape(conclusion.topic))</span> "
            html += "<strong>\(escape(conclusion.text))</strong> <span class=\"badge\">\(escape(verdict))</span>"
            if !conclusion.evidence.isEmpty || conclusion.n > 0 {
                html += "<br><small>Bukti: \(escape(conclusion.evidence))\(conclusion.n > 0 ? " · n = \(conclusion.n)" : "")</small>"
            }
            if !conclusion.recommendation.isEmpty { html += "<br><em>Rekomendasi: \(escape(conclusion.recommendation))</em>" }
            html += "</li>\n"
        }
        return html + "</ul></section>\n"
    }

    static func verdictClass(_ verdict: Binakarier_Reporting_V1_Verdict) -> String {
        switch verdict {
        case .positive: "positive"
        case .negative: "negative"
        case .neutral: "neutral"
        default: "inconclusive"
        }
    }

    static func table(_ table: Binakarier_Reporting_V1_Table, k: Int32) -> String {
        var html = "<table>"
        if !table.title.isEmpty { html += "<caption>\(escape(table.title))</caption>" }
        html += "<thead><tr>" + table.columns.map { "<th scope=\"col\"\($0.kind == .text ? "" : " class=\"num\"")>\(escape($0.title))</th>" }.joined() + "</tr></thead><tbody>\n"
        let below = ReportText.hiddenBelow(k)
        for row in table.rows {
            html += row.total ? "<tr class=\"total\">" : "<tr>"
            for (index, (cell, column)) in zip(row.cells, table.columns).enumerated() {
                let kind = ReportText.kind(cell, column)
                let numeric = kind != .text && kind != .date
                let classes = [numeric ? "num" : "", cell.state == .suppressed ? "hidden" : "", cell.state == .missing ? "missing" : ""].filter { !$0.isEmpty }
                let tag = index == 0 ? "th scope=\"row\"" : "td"
                let title = cell.state == .suppressed ? " title=\"disembunyikan: kurang dari \(below) orang\"" : cell.state == .missing ? " title=\"tidak ada data\"" : ""
                html += "<\(tag)\(classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\"")\(title)>\(escape(ReportText.text(cell, column, k: k)))</\(index == 0 ? "th" : "td")>"
            }
            html += "</tr>\n"
        }
        html += "</tbody></table>\n"
        if !table.note.isEmpty { html += "<p class=\"note\">\(escape(table.note))</p>\n" }
        return html
    }

    /// A chart without a single value to draw says nothing: it is left out (its table stays).
    static func hasData(_ chart: Binakarier_Reporting_V1_Chart) -> Bool {
        !chart.categories.isEmpty && chart.series.contains { series in
            series.values.enumerated().contains { index, value in value != 0 && !(index < series.absent.count && series.absent[index]) }
        }
    }

    /// Horizontal bars get a row per category, so that every label shows.
    static func height(_ chart: Binakarier_Reporting_V1_Chart) -> Int {
        guard chart.kind == .horizontalBar else { return 320 }
        return max(320, 70 + chart.categories.count * max(18, 10 * chart.series.count) + (chart.series.count > 1 ? 30 : 0))
    }

    static func svgChart(_ chart: Binakarier_Reporting_V1_Chart, id: String) -> Chart {
        let kind: Chart.Kind
        var orientation = Chart.Orientation.vertical
        switch chart.kind {
        case .stackedBar: kind = .stackedBar
        case .line: kind = .line
        case .distribution: kind = .distribution
        case .horizontalBar: kind = .bar; orientation = .horizontal
        default: kind = .bar
        }
        // Counts are drawn without decimals; means keep one.
        let whole = chart.series.allSatisfy { $0.values.allSatisfy { $0 == $0.rounded() } }
        let format: ValueFormat = chart.unit == "%" ? .percent(decimals: 1) : .init(decimals: whole ? 0 : 1, unit: chart.unit)
        return Chart(
            kind: kind, title: chart.title, description: chart.description, categories: chart.categories,
            series: chart.series.map { series in
                Series(name: series.name, values: series.values.enumerated().map { index, value in
                    index < series.absent.count && series.absent[index] ? nil : value
                })
            },
            valueFormat: format, orientation: orientation, id: id, missingText: "disembunyikan atau tidak ada data")
    }

    static func escape(_ text: String) -> String { Markup.escape(text) }

    /// The self-contained page's inline stylesheet (only `page` carries it).
    static let style = """
        :root { --ink: #1b2430; --muted: #5b6572; --line: #d5dae0; --accent: #1f5f8b; }
        * { box-sizing: border-box; }
        body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: var(--ink); margin: 0 auto; max-width: 60rem; padding: 1.5rem; line-height: 1.45; }
        header { border-bottom: 3px solid var(--accent); margin-bottom: 1rem; }
        .eyebrow { text-transform: uppercase; letter-spacing: .08em; color: var(--muted); font-size: .8rem; margin: 0; }
        h1 { margin: .2rem 0; font-size: 1.6rem; } h2 { font-size: 1.2rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; margin-top: 2rem; }
        .subtitle { margin: 0 0 .4rem; font-size: 1.05rem; } .meta { color: var(--muted); font-size: .8rem; }
        table { border-collapse: collapse; width: 100%; margin: .8rem 0; font-size: .88rem; }
        caption { text-align: left; font-weight: 600; padding: .3rem 0; }
        th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
        thead th { background: #eef2f6; } .num { text-align: right; font-variant-numeric: tabular-nums; }
        tr.total th, tr.total td { font-weight: 700; border-top: 2px solid var(--ink); }
        .hidden, .missing { color: var(--muted); } .note { color: var(--muted); font-size: .8rem; margin-top: -.4rem; }
        figure.chart { margin: 1rem 0; } figure.chart svg { max-width: 100%; height: auto; } figcaption { font-size: .85rem; color: var(--muted); }
        .conclusions ul { list-style: none; padding: 0; } .conclusions li { border-left: 4px solid var(--line); padding: .4rem .7rem; margin: .5rem 0; background: #f7f9fb; }
        .verdict-positive { border-color: #2e7d32 !important; } .verdict-negative { border-color: #c62828 !important; } .verdict-neutral { border-color: #8d6e63 !important; }
        .topic { display: inline-block; min-width: 3rem; font-weight: 700; color: var(--accent); }
        .badge { font-size: .75rem; border: 1px solid var(--line); border-radius: 1rem; padding: 0 .5rem; color: var(--muted); }
        footer { margin-top: 2rem; color: var(--muted); font-size: .8rem; border-top: 1px solid var(--line); }
        @media print {
          @page { size: A4; margin: 16mm 14mm; }
          body { max-width: none; padding: 0; font-size: 10pt; }
          section, figure, table { break-inside: avoid; } h2 { break-after: avoid; }
          thead { display: table-header-group; } tr { break-inside: avoid; }
          .conclusions li { background: none; }
        }
        """
}
