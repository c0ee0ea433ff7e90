/// Draws a `Chart` as one inline SVG document (a string): accessible, self-contained, deterministic.
///
/// The output holds no script, no event handler, no external reference and no stylesheet: colours are
/// presentation attributes, and every element carries a `bk-…` class a page may restyle.
public enum SVGChart {
    /// Series colours in order; their lightness differs step by step, so they stay apart in greyscale.
    public static let palette = ["#08306b", "#f4a259", "#2a9d8f", "#7a3e9d", "#e76f51", "#c6dbef"]

    /// `width` and `height` are clamped to 160…4000 and 100…4000.
    public static func render(_ chart: Chart, width: Int = 640, height: Int = 320) -> String {
        var renderer = Renderer(chart: chart, width: width, height: height)
        return renderer.render()
    }
}

private struct Renderer {
    let chart: Chart
    let width: Double
    let height: Double
    let id: String
    /// `values[series][category]`, missing values (nil, NaN, infinite, beyond ±1e100) as nil.
    let values: [[Double?]]

    let fontSize = 11.0
    let smallFontSize = 10.0
    let pad = 8.0
    let textColour = "#333333"
    let gridColour = "#d9d9d9"
    /// Line patterns per series, so lines stay apart in greyscale.
    let dashes = ["", "6 3", "2 3", "8 3 2 3", "12 4", "4 2 1 2"]
    var out = ""

    init(chart: Chart, width: Int, height: Int) {
        self.chart = chart
        self.width = Double(min(max(width, 160), 4000))
        self.height = Double(min(max(height, 100), 4000))
        if let given = chart.id {
            id = Markup.idPrefix(given)
        } else {
            id = "bk-chart-" + Markup.stableHash(
                [chart.title, chart.description, Renderer.kindClass(chart.kind), "\(chart.orientation)"]
                    + chart.categories + chart.series.map(\.name))
        }
        let count = chart.categories.count
        values = chart.series.map { series in
            (0..<count).map { index in
                guard index < series.values.count, let value = series.values[index],
                      value.isFinite, value.magnitude <= 1e100 else { return nil }
                return value
            }
        }
    }

    // MARK: Kinds

    static func kindClass(_ kind: Chart.Kind) -> String {
        switch kind {
        case .bar: "bar"
        case .stackedBar: "stacked-bar"
        case .percentStackedBar: "percent-stacked-bar"
        case .line: "line"
        case .distribution: "distribution"
        }
    }

    var kindName: String {
        let name = switch chart.kind {
        case .bar: "Diagram batang"
        case .stackedBar: "Diagram batang bertumpuk"
        case .percentStackedBar: "Diagram batang bertumpuk 100 %"
        case .line: "Diagram garis"
        case .distribution: "Diagram distribusi"
        }
        return horizontal ? name + " horizontal" : name
    }

    var horizontal: Bool {
        switch chart.kind {
        case .bar, .stackedBar, .percentStackedBar: chart.orientation == .horizontal
        case .line, .distribution: false
        }
    }

    var showsValues: Bool {
        switch chart.kind {
        case .distribution: true
        case .bar, .line: chart.showsValues
        case .stackedBar, .percentStackedBar: false
        }
    }

    var unit: String {
        if case .percentStackedBar = chart.kind { return "%" }
        return Markup.oneLine(chart.valueFormat.unit)
    }

    var hasData: Bool {
        !chart.categories.isEmpty && values.contains { $0.contains { $0 != nil } }
    }

    // MARK: Text

    func categoryName(_ index: Int) -> String {
        let name = Markup.oneLine(chart.categories[index])
        return name.isEmpty ? "Kategori \(index + 1)" : name
    }

    func seriesName(_ index: Int) -> String {
        let name = Markup.oneLine(chart.series[index].name)
        return name.isEmpty ? "Seri \(index + 1)" : name
    }

    func formatted(_ value: Double?) -> String {
        value.map { chart.valueFormat.format($0) } ?? chart.missingText
    }

    /// "Kategori — Seri: 12,5 %", or "Kategori: 12,5 %" for a single series.
    func pointTitle(category: Int, series: Int, text: String) -> String {
        chart.series.count > 1
            ? "\(categoryName(category)) — \(seriesName(series)): \(text)"
            : "\(categoryName(category)): \(text)"
    }

    /// The full category name with every series' value: the accessible label of a category.
    func categoryTitle(_ category: Int) -> String {
        if chart.series.count == 1 { return "\(categoryName(category)): \(formatted(values[0][category]))" }
        var parts = chart.series.indices.map { "\(seriesName($0)): \(formatted(values[$0][category]))" }
        if case .stackedBar = chart.kind {
            let present = values.compactMap { $0[category] }
            if !present.isEmpty { parts.append("jumlah: \(chart.valueFormat.format(present.reduce(0, +)))") }
        }
        return "\(categoryName(category)) — " + parts.joined(separator: "; ")
    }

    var summary: String {
        let description = Markup.oneLine(chart.description)
        if !hasData { return description.isEmpty ? "Tidak ada data." : description + " Tidak ada data." }
        if !description.isEmpty { return description }
        let series = chart.series.count > 1
            ? ", \(chart.series.count) seri: " + chart.series.indices.map(seriesName).joined(separator: ", ")
            : ""
        return "\(kindName), \(chart.categories.count) kategori\(series)."
    }

    // MARK: Document

    mutating func render() -> String {
        let w = Markup.number(width), h = Markup.number(height)
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\""
        out += " role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\""
        out += " class=\"bk-chart bk-chart-\(Renderer.kindClass(chart.kind))\" font-family=\"sans-serif\" font-size=\"\(Markup.number(fontSize))\">\n"
        out += "<title id=\"\(id)-title\">\(Markup.escape(Markup.oneLine(chart.title)))</title>\n"
        out += "<desc id=\"\(id)-desc\">\(Markup.escape(summary))</desc>\n"
        if hasData {
            drawChart()
        } else {
            out += "<rect class=\"bk-empty-frame\" x=\"0.5\" y=\"0.5\" width=\"\(Markup.number(width - 1))\" height=\"\(Markup.number(height - 1))\""
            out += " fill=\"none\" stroke=\"\(gridColour)\" stroke-width=\"1\"/>\n"
            out += "<text class=\"bk-empty\" x=\"\(Markup.number(width / 2))\" y=\"\(Markup.number(height / 2))\""
            out += " text-anchor=\"middle\" fill=\"\(textColour)\">Tidak ada data</text>\n"
        }
        out += "</svg>\n"
        return out
    }

    // MARK: Marks

    /// A bar or a stack segment: from one value to another, in a slot of its category's band.
    struct Bar {
        let category: Int
        let series: Int
        let slot: Int
        let from: Double
        let to: Double
        let title: String
        let label: String?
    }

    /// The value format's precision: ticks are never finer than the values themselves.
    var minimumStep: Double {
        var step = 1.0
        for _ in 0..<min(max(chart.valueFormat.decimals, 0), 20) { step /= 10 }
        return step
    }

    func bars() -> (bars: [Bar], slots: Int, scale: ValueScale) {
        var bars: [Bar] = []
        switch chart.kind {
        case .bar, .distribution, .line:
            let isDistribution: Bool = if case .distribution = chart.kind { true } else { false }
            let totals = values.map { $0.reduce(0) { $0 + max($1 ?? 0, 0) } }
            for category in chart.categories.indices {
                for series in chart.series.indices {
                    guard let value = values[series][category] else { continue }
                    var text = chart.valueFormat.format(value)
                    if isDistribution, totals[series] > 0 {
                        text += " (\(IndonesianNumber.percent(value / totals[series] * 100)))"
                    }
                    bars.append(Bar(category: category, series: series, slot: series, from: 0, to: value,
                                    title: pointTitle(category: category, series: series, text: text),
                                    label: showsValues ? chart.valueFormat.format(value) : nil))
                }
            }
            let present = values.flatMap { $0.compactMap { $0 } }
            return (bars, chart.series.count, ValueScale(minimum: present.min() ?? 0, maximum: present.max() ?? 0, minimumStep: minimumStep))
        case .stackedBar:
            var low = 0.0, high = 0.0
            for category in chart.categories.indices {
                var above = 0.0, below = 0.0
                for series in chart.series.indices {
                    guard let value = values[series][category] else { continue }
                    let from = value < 0 ? below : above
                    if value < 0 { below += value } else { above += value }
                    bars.append(Bar(category: category, series: series, slot: 0, from: from, to: from + value,
                                    title: pointTitle(category: category, series: series, text: formatted(value)),
                                    label: nil))
                }
                low = min(low, below)
                high = max(high, above)
            }
            return (bars, 1, ValueScale(minimum: low, maximum: high, minimumStep: minimumStep))
        case .percentStackedBar:
            for category in chart.categories.indices {
                let total = values.reduce(0.0) { $0 + max($1[category] ?? 0, 0) }
                guard total > 0 else { continue }
                var above = 0.0
                for series in chart.series.indices {
                    guard let value = values[series][category], value >= 0 else { continue }
                    let share = value / total * 100
                    let text = "\(formatted(value)) (\(IndonesianNumber.percent(share)))"
                    bars.append(Bar(category: category, series: series, slot: 0, from: above, to: above + share,
                                    title: pointTitle(category: category, series: series, text: text), label: nil))
                    above += share
                }
            }
            return (bars, 1, ValueScale(lower: 0, upper: 100, step: 20))
        }
    }

    // MARK: Layout and drawing

    struct Plot {
        var left: Double, top: Double, right: Double, bottom: Double
        /// Room between the plot and the category labels, for the value labels of negative values.
        var labelGap = 0.0
        var horizontal: Bool
        var scale: ValueScale
        var bandCount: Int

        /// Along the category axis (top to bottom when horizontal).
        var bandLength: Double { ((horizontal ? bottom - top : right - left)) / Double(max(bandCount, 1)) }
        func bandStart(_ index: Int) -> Double { (horizontal ? top : left) + bandLength * Double(index) }
        /// A value's position along the value axis.
        func position(_ value: Double) -> Double {
            let fraction = scale.fraction(value)
            return horizontal ? left + fraction * (right - left) : bottom - fraction * (bottom - top)
        }
    }

    mutating func drawChart() {
        let (bars, slots, scale) = bars()
        let isLine: Bool = if case .line = chart.kind { true } else { false }
        let tickLabels = scale.ticks.map { IndonesianNumber.format($0, decimals: scale.tickDecimals) }
        let widestTick = tickLabels.map { Markup.textWidth($0, fontSize: fontSize) }.max() ?? 0
        let valueLabelRoom = showsValues ? smallFontSize + 4 : 0

        // Legend rows at the top, then the unit caption, then the plot.
        let legend = chart.series.count > 1 ? legendLayout() : []
        let legendBottom = pad + (legend.last.map { $0.y + 14 } ?? 0)
        var plot = Plot(left: 0, top: 0, right: 0, bottom: 0, horizontal: horizontal, scale: scale,
                        bandCount: chart.categories.count)
        let negativeLabels = showsValues && scale.lower < 0
        if horizontal {
            let widestCategory = chart.categories.indices
                .map { Markup.textWidth(categoryName($0), fontSize: fontSize) }.max() ?? 0
            plot.left = pad + min(widestCategory, width * 0.4) + 8
            plot.top = legendBottom + 4
            let widestValue = showsValues
                ? (bars.compactMap { $0.label.map { Markup.textWidth($0, fontSize: smallFontSize) } }.max() ?? 0) + 4
                : 0
            plot.right = width - pad - max(widestTick / 2, widestValue)
            plot.labelGap = negativeLabels ? widestValue : 0
            plot.left += plot.labelGap
            plot.bottom = height - pad - fontSize - 6 - (unit.isEmpty ? 0 : fontSize + 4)
        } else {
            plot.left = pad + widestTick + 6
            plot.top = legendBottom + (unit.isEmpty ? 0 : fontSize + 4) + fontSize / 2 + valueLabelRoom
            plot.right = width - pad - 4
            plot.labelGap = negativeLabels ? valueLabelRoom : 0
            plot.bottom = height - pad - fontSize - 6 - plot.labelGap
        }
        // Never inverted, however small the chart.
        plot.right = max(plot.right, plot.left + 20)
        plot.bottom = max(plot.bottom, plot.top + 20)

        drawGrid(plot, tickLabels: tickLabels)
        drawCategoryLabels(plot)
        if isLine {
            drawLines(plot)
        } else {
            let padding = switch chart.kind {
            case .distribution: 0.04
            case .stackedBar, .percentStackedBar: 0.35
            case .bar, .line: 0.25
            }
            drawBars(plot, bars: bars, slots: slots, padding: padding)
        }
        let zero = Markup.number(plot.position(0))
        out += horizontal
            ? "<line class=\"bk-baseline\" x1=\"\(zero)\" y1=\"\(Markup.number(plot.top))\" x2=\"\(zero)\" y2=\"\(Markup.number(plot.bottom))\""
            : "<line class=\"bk-baseline\" x1=\"\(Markup.number(plot.left))\" y1=\"\(zero)\" x2=\"\(Markup.number(plot.right))\" y2=\"\(zero)\""
        out += " stroke=\"\(textColour)\" stroke-width=\"1\"/>\n"
        if !unit.isEmpty {
            let (x, y, anchor) = horizontal
                ? (plot.right, height - pad, "end")
                : (pad, legendBottom + fontSize, "start")
            out += "<text class=\"bk-unit\" x=\"\(Markup.number(x))\" y=\"\(Markup.number(y))\" text-anchor=\"\(anchor)\""
            out += " fill=\"\(textColour)\">\(Markup.escape(Markup.truncate(unit, maxCharacters: 20)))</text>\n"
        }
        drawLegend(legend, isLine: isLine)
    }

    mutating func drawGrid(_ plot: Plot, tickLabels: [String]) {
        out += "<g class=\"bk-grid\" stroke=\"\(gridColour)\" stroke-width=\"1\">\n"
        for tick in plot.scale.ticks {
            let at = Markup.number(plot.position(tick))
            out += horizontal
                ? "<line x1=\"\(at)\" y1=\"\(Markup.number(plot.top))\" x2=\"\(at)\" y2=\"\(Markup.number(plot.bottom))\"/>\n"
                : "<line x1=\"\(Markup.number(plot.left))\" y1=\"\(at)\" x2=\"\(Markup.number(plot.right))\" y2=\"\(at)\"/>\n"
        }
        out += "</g>\n<g class=\"bk-ticks\" fill=\"\(textColour)\" text-anchor=\"\(horizontal ? "middle" : "end")\">\n"
        for (tick, label) in zip(plot.scale.ticks, tickLabels) {
            let at = plot.position(tick)
            let (x, y) = horizontal ? (at, plot.bottom + fontSize + 4) : (plot.left - 6, at + fontSize * 0.35)
            out += "<text x=\"\(Markup.number(x))\" y=\"\(Markup.number(y))\">\(Markup.escape(label))</text>\n"
        }
        out += "</g>\n"
    }

    mutating func drawCategoryLabels(_ plot: Plot) {
        let band = plot.bandLength
        // Labels that would not fit even shortened: show every n-th one.
        let needed = horizontal
            ? fontSize + 2
            : min(chart.categories.indices.map { Markup.textWidth(categoryName($0), fontSize: fontSize) }.max() ?? 0,
                  Markup.textWidth("Abcdef", fontSize: fontSize)) + 4
        let stride = band > 0 ? max(1, Int(min((needed / band).rounded(.up), 1e6))) : 1
        let room = horizontal ? plot.left - plot.labelGap - pad - 8 : band * Double(stride) - 4
        let maxCharacters = max(1, Int(min(room / (fontSize * 0.6), 1e6)))
        out += "<g class=\"bk-categories\" fill=\"\(textColour)\" text-anchor=\"\(horizontal ? "end" : "middle")\">\n"
        for category in chart.categories.indices where category % stride == 0 {
            let centre = plot.bandStart(category) + band / 2
            let (x, y) = horizontal
                ? (plot.left - plot.labelGap - 8, centre + fontSize * 0.35)
                : (centre, plot.bottom + plot.labelGap + fontSize + 4)
            let label = Markup.truncate(categoryName(category), maxCharacters: maxCharacters)
            out += "<text x=\"\(Markup.number(x))\" y=\"\(Markup.number(y))\">\(Markup.escape(label))"
            out += "<title>\(Markup.escape(categoryTitle(category)))</title></text>\n"
        }
        out += "</g>\n"
    }

    mutating func drawBars(_ plot: Plot, bars: [Bar], slots: Int, padding: Double) {
        let band = plot.bandLength
        let group = band * (1 - padding)
        let slotLength = group / Double(max(slots, 1))
        for series in chart.series.indices {
            let colour = SVGChart.palette[series % SVGChart.palette.count]
            out += "<g class=\"bk-series bk-series-\(series)\" fill=\"\(colour)\" stroke=\"#1b1b1b\" stroke-width=\"0.5\">\n"
            var labels = ""
            for bar in bars where bar.series == series {
                let start = plot.bandStart(bar.category) + (band - group) / 2 + slotLength * Double(bar.slot)
                let a = plot.position(bar.from), b = plot.position(bar.to)
                let (low, length) = (min(a, b), abs(b - a))
                let (x, y, w, h) = horizontal ? (low, start, length, slotLength) : (start, low, slotLength, length)
                out += "<rect class=\"bk-bar\" x=\"\(Markup.number(x))\" y=\"\(Markup.number(y))\""
                out += " width=\"\(Markup.number(w))\" height=\"\(Markup.number(h))\">"
                out += "<title>\(Markup.escape(bar.title))</title></rect>\n"
                if let label = bar.label {
                    let negative = bar.to < bar.from
                    let (lx, ly, anchor) = horizontal
                        ? (negative ? low - 3 : low + length + 3, start + slotLength / 2 + smallFontSize * 0.35, negative ? "end" : "start")
                        : (start + slotLength / 2, negative ? low + length + smallFontSize + 2 : low - 3, "middle")
                    labels += "<text x=\"\(Markup.number(lx))\" y=\"\(Markup.number(ly))\" text-anchor=\"\(anchor)\">\(Markup.escape(label))</text>\n"
                }
            }
            out += "</g>\n"
            if !labels.isEmpty {
                out += "<g class=\"bk-values bk-values-\(series)\" fill=\"\(textColour)\" font-size=\"\(Markup.number(smallFontSize))\">\n"
                out += labels + "</g>\n"
            }
        }
    }

    mutating func drawLines(_ plot: Plot) {
        let band = plot.bandLength
        for series in chart.series.indices {
            let colour = SVGChart.palette[series % SVGChart.palette.count]
            let points: [(x: Double, y: Double, value: Double)?] = chart.categories.indices.map { category in
                values[series][category].map { (plot.bandStart(category) + band / 2, plot.position($0), $0) }
            }
            // A missing point ends a run; runs of one point are drawn as their marker alone.
            var path = "", run: [String] = []
            func flush() {
                if run.count > 1 { path += (path.isEmpty ? "" : " ") + "M" + run.joined(separator: " L") }
                run = []
            }
            for point in points {
                if let point { run.append("\(Markup.number(point.x)) \(Markup.number(point.y))") } else { flush() }
            }
            flush()
            out += "<g class=\"bk-series bk-series-\(series)\">\n"
            if !path.isEmpty {
                let dash = dashes[series % dashes.count]
                out += "<path class=\"bk-line\" d=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" stroke-linejoin=\"round\""
                out += (dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"") + "/>\n"
            }
            var labels = ""
            for (category, point) in points.enumerated() {
                guard let point else { continue }
                let title = pointTitle(category: category, series: series, text: chart.valueFormat.format(point.value))
                out += marker(series: series, x: point.x, y: point.y, colour: colour, title: title) + "\n"
                if showsValues {
                    let y = point.value < 0 ? point.y + smallFontSize + 5 : point.y - 6
                    labels += "<text x=\"\(Markup.number(point.x))\" y=\"\(Markup.number(y))\">\(Markup.escape(chart.valueFormat.format(point.value)))</text>\n"
                }
            }
            out += "</g>\n"
            if !labels.isEmpty {
                out += "<g class=\"bk-values bk-values-\(series)\" fill=\"\(textColour)\" font-size=\"\(Markup.number(smallFontSize))\" text-anchor=\"middle\">\n"
                out += labels + "</g>\n"
            }
        }
    }

    /// Circle, square, triangle, diamond; hollow from the fifth series on.
    func marker(series: Int, x: Double, y: Double, colour: String, title: String?, className: String = "bk-point") -> String {
        let hollow = series % 8 >= 4
        let paint = hollow ? "fill=\"#ffffff\" stroke=\"\(colour)\" stroke-width=\"1.5\"" : "fill=\"\(colour)\" stroke=\"#ffffff\" stroke-width=\"1\""
        let (cx, cy) = (Markup.number(x), Markup.number(y))
        let r = 3.5
        let shape: String
        switch series % 4 {
        case 0:
            shape = "<circle class=\"\(className)\" cx=\"\(cx)\" cy=\"\(cy)\" r=\"\(Markup.number(r))\" \(paint)>"
            return shape + (title.map { "<title>\(Markup.escape($0))</title>" } ?? "") + "</circle>"
        case 1:
            let d = "M\(Markup.number(x - r)) \(Markup.number(y - r))h\(Markup.number(2 * r))v\(Markup.number(2 * r))h\(Markup.number(-2 * r))z"
            shape = "<path class=\"\(className)\" d=\"\(d)\" \(paint)>"
        case 2:
            let d = "M\(cx) \(Markup.number(y - r - 0.7))L\(Markup.number(x + r + 0.5)) \(Markup.number(y + r - 0.3))L\(Markup.number(x - r - 0.5)) \(Markup.number(y + r - 0.3))z"
            shape = "<path class=\"\(className)\" d=\"\(d)\" \(paint)>"
        default:
            let q = r + 0.8
            let d = "M\(cx) \(Markup.number(y - q))L\(Markup.number(x + q)) \(cy)L\(cx) \(Markup.number(y + q))L\(Markup.number(x - q)) \(cy)z"
            shape = "<path class=\"\(className)\" d=\"\(d)\" \(paint)>"
        }
        return shape + (title.map { "<title>\(Markup.escape($0))</title>" } ?? "") + "</path>"
    }

    // MARK: Legend

    struct LegendItem {
        let series: Int
        let x: Double
        let y: Double
        let text: String
    }

    func legendLayout() -> [LegendItem] {
        var items: [LegendItem] = []
        var x = pad, y = 0.0
        for series in chart.series.indices {
            let text = Markup.truncate(seriesName(series), maxCharacters: 40)
            let itemWidth = 22 + Markup.textWidth(text, fontSize: fontSize) + 12
            if x > pad, x + itemWidth > width - pad {
                x = pad
                y += 16
            }
            items.append(LegendItem(series: series, x: x, y: y, text: text))
            x += itemWidth
        }
        return items
    }

    mutating func drawLegend(_ items: [LegendItem], isLine: Bool) {
        guard !items.isEmpty else { return }
        out += "<g class=\"bk-legend\">\n"
        for item in items {
            let colour = SVGChart.palette[item.series % SVGChart.palette.count]
            let top = pad + item.y
            out += "<g class=\"bk-legend-item bk-series-\(item.series)\">"
            if isLine {
                let dash = dashes[item.series % dashes.count]
                out += "<line x1=\"\(Markup.number(item.x))\" y1=\"\(Markup.number(top + 5))\" x2=\"\(Markup.number(item.x + 18))\" y2=\"\(Markup.number(top + 5))\""
                out += " stroke=\"\(colour)\" stroke-width=\"2\"" + (dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"") + "/>"
                out += marker(series: item.series, x: item.x + 9, y: top + 5, colour: colour, title: nil, className: "bk-legend-marker")
            } else {
                out += "<rect x=\"\(Markup.number(item.x + 4))\" y=\"\(Markup.number(top))\" width=\"10\" height=\"10\""
                out += " fill=\"\(colour)\" stroke=\"#1b1b1b\" stroke-width=\"0.5\"/>"
            }
            out += "<text x=\"\(Markup.number(item.x + 22))\" y=\"\(Markup.number(top + 9))\" fill=\"\(textColour)\">\(Markup.escape(item.text))</text></g>\n"
        }
        out += "</g>\n"
    }
}
