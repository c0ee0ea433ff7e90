import BKCharts
import Testing

@Suite("SVGChart: structure, geometry and accessibility")
struct ChartRenderingTests {
    @Test(arguments: Fixtures.all)
    func everyKindIsWellFormedAndLabelledByItsTitleAndDescription(_ chart: Chart) throws {
        let svg = SVGChart.render(chart)
        let document = try SVGDocument(svg)
        #expect(document.root.name == "svg")
        #expect(document.root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(document.root.attributes["role"] == "img")
        #expect(document.root.attributes["viewBox"] == "0 0 640 320")
        let labelledBy = try #require(document.root.attributes["aria-labelledby"]).split(separator: " ").map(String.init)
        #expect(labelledBy.count == 2)
        let title = try #require(document.element(id: labelledBy[0]))
        let desc = try #require(document.element(id: labelledBy[1]))
        #expect(title.name == "title" && title.text == chart.title)
        #expect(desc.name == "desc" && !desc.text.isEmpty)
        // The first children, so that assistive technology finds them first.
        #expect(document.root.children.prefix(2).map(\.name) == ["title", "desc"])
        // Every drawn mark explains itself.
        let marks = document.elements(withClass: "bk-bar") + document.elements(withClass: "bk-point")
        #expect(!marks.isEmpty)
        for mark in marks { #expect(mark.title?.isEmpty == false) }
        // Ids are unique within the chart.
        let ids = document.elements.compactMap { $0.attributes["id"] }
        #expect(Set(ids).count == ids.count)
    }

    @Test func idsComeFromTheCallerOrFromTheContentAndAreValidXMLNames() throws {
        var chart = Fixtures.bar
        chart.id = "laporan 2025/jp"
        let given = try SVGDocument(SVGChart.render(chart))
        #expect(given.root.attributes["aria-labelledby"] == "laporan-2025-jp-title laporan-2025-jp-desc")

        chart.id = "2025"  // an XML name cannot start with a digit
        #expect(try SVGDocument(SVGChart.render(chart)).element(id: "bk-2025-title") != nil)

        chart.id = nil
        let derived = try #require(try SVGDocument(SVGChart.render(chart)).root.attributes["aria-labelledby"])
        #expect(derived.hasPrefix("bk-chart-"))
        var other = chart
        other.title = "Jam pelajaran per instansi (lanjutan)"
        #expect(try SVGDocument(SVGChart.render(other)).root.attributes["aria-labelledby"] != derived)
    }

    @Test func barsAreProportionalToTheirValuesAndStandOnTheBaseline() throws {
        let chart = Chart(kind: .bar, title: "Proporsi", categories: ["A", "B", "C"],
                          series: [Series(name: "n", values: [10, 20, 35])])
        let document = try SVGDocument(SVGChart.render(chart))
        let bars = document.root.bars(series: 0)
        #expect(bars.count == 3)
        let heights = bars.compactMap { $0.number("height") }
        #expect(abs(heights[1] / heights[0] - 2) < 0.01)
        #expect(abs(heights[2] / heights[0] - 3.5) < 0.01)
        let baseline = try #require(document.elements(withClass: "bk-baseline").first?.number("y1"))
        for bar in bars {
            let bottom = try #require(bar.number("y")) + (try #require(bar.number("height")))
            #expect(abs(bottom - baseline) < 0.02)
        }
        #expect(bars.map(\.title) == ["A: 10", "B: 20", "C: 35"])
    }

    @Test func horizontalBarsAreProportionalInWidthAndRunFromTheBaseline() throws {
        var chart = Chart(kind: .bar, title: "Instansi", categories: Fixtures.agencies,
                          series: [Series(name: "JP", values: [5, 10, 15, -5])])
        chart.orientation = .horizontal
        let document = try SVGDocument(SVGChart.render(chart))
        let bars = document.root.bars(series: 0)
        let widths = bars.compactMap { $0.number("width") }
        #expect(widths.count == 4)
        #expect(abs(widths[1] / widths[0] - 2) < 0.01 && abs(widths[2] / widths[0] - 3) < 0.01)
        let zero = try #require(document.elements(withClass: "bk-baseline").first?.number("x1"))
        #expect(abs((bars[0].number("x") ?? 0) - zero) < 0.02)
        // The negative bar ends at the baseline, on its left.
        #expect(abs((bars[3].number("x") ?? 0) + widths[3] - zero) < 0.02)
        // Categories run top to bottom in order.
        let ys = bars.compactMap { $0.number("y") }
        #expect(ys == ys.sorted())
    }

    @Test func negativeValuesGoBelowTheBaseline() throws {
        let bar = Chart(kind: .bar, title: "NPS", categories: ["Pelatihan A", "Pelatihan B"],
                        series: [Series(name: "NPS", values: [-20, 30])])
        let document = try SVGDocument(SVGChart.render(bar))
        let baseline = try #require(document.elements(withClass: "bk-baseline").first?.number("y1"))
        let bars = document.root.bars(series: 0)
        let negative = bars[0], positive = bars[1]
        #expect(abs((negative.number("y") ?? 0) - baseline) < 0.02)  // hangs from the baseline
        #expect((negative.number("height") ?? 0) > 0)
        #expect((positive.number("y") ?? .infinity) < baseline)
        #expect(abs((positive.number("height") ?? 0) / (negative.number("height") ?? 1) - 1.5) < 0.01)
        // The axis reaches below zero with a labelled tick.
        let ticks = document.elements(withClass: "bk-ticks").flatMap(\.children).map(\.text)
        #expect(ticks.contains("-20") && ticks.contains("0") && ticks.contains("30"))

        let line = Chart(kind: .line, title: "Selisih (DiD)", categories: ["T1", "T2", "T3"],
                         series: [Series(name: "Efek", values: [1.5, -2.5, 0])], valueFormat: .init(decimals: 1))
        let lineDocument = try SVGDocument(SVGChart.render(line))
        let zero = try #require(lineDocument.elements(withClass: "bk-baseline").first?.number("y1"))
        let points = lineDocument.elements(withClass: "bk-point").compactMap { $0.number("cy") }
        #expect(points.count == 3)
        #expect(points[0] < zero && points[1] > zero && abs(points[2] - zero) < 0.02)
        #expect(lineDocument.elements(withClass: "bk-point")[1].title == "T2: -2,5")
    }

    @Test func missingValuesDrawNothingAndAreNamedInTheCategoryLabel() throws {
        let document = try SVGDocument(SVGChart.render(Fixtures.bar))
        #expect(document.root.bars(series: 0).count == 3)  // nil for the third agency
        #expect(document.root.bars(series: 1).count == 4)
        let labels = document.elements(withClass: "bk-categories").flatMap(\.children)
        #expect(labels[2].title == "Dinas Pendidikan dan Kebudayaan — 2024: tidak ada data; 2025: 9,0 JP")

        var suppressed = Fixtures.bar
        suppressed.missingText = "disembunyikan"
        let hidden = try SVGDocument(SVGChart.render(suppressed))
        #expect(hidden.elements(withClass: "bk-categories").flatMap(\.children)[2].title?.contains("2024: disembunyikan") == true)

        // A line breaks at the gap: two runs, and no marker for the missing year.
        let line = try SVGDocument(SVGChart.render(Fixtures.line))
        let provinsi = try #require(line.elements(withClass: "bk-series-0").first { $0.classes.contains("bk-series") })
        let path = try #require(provinsi.children.first { $0.classes.contains("bk-line") }?.attributes["d"])
        #expect(path.filter { $0 == "M" }.count == 2)
        #expect(provinsi.children.filter { $0.classes.contains("bk-point") }.count == 4)
        let kabupaten = try #require(line.elements(withClass: "bk-series-1").first { $0.classes.contains("bk-series") })
        #expect(kabupaten.children.first { $0.classes.contains("bk-line") }?.attributes["d"]?.filter { $0 == "M" }.count == 1)

        // An isolated point has a marker but no line.
        let lonely = Chart(kind: .line, title: "t", categories: ["a", "b", "c"], series: [Series(name: "s", values: [nil, 4, nil])])
        let lonelyDocument = try SVGDocument(SVGChart.render(lonely))
        #expect(lonelyDocument.elements(withClass: "bk-point").count == 1)
        #expect(lonelyDocument.elements(withClass: "bk-line").isEmpty)
    }

    @Test func stackedSegmentsFollowEachOtherAndPercentStacksFillTheAxis() throws {
        let document = try SVGDocument(SVGChart.render(Fixtures.stacked))
        let below = document.root.bars(series: 0), above = document.root.bars(series: 1)
        #expect(below.count == 4 && above.count == 3)
        // The second series starts where the first ends, for the first agency: 40 then 10.
        #expect(abs((above[0].number("y") ?? 0) + (above[0].number("height") ?? 0) - (below[0].number("y") ?? 0)) < 0.02)
        #expect(abs((below[0].number("height") ?? 0) / (above[0].number("height") ?? 1) - 4) < 0.01)
        let labels = document.elements(withClass: "bk-categories").flatMap(\.children)
        #expect(labels[0].title == "Dinas Kesehatan — Memenuhi: 40; Belum: 10; jumlah: 50")

        var percent = Fixtures.stacked
        percent.kind = .percentStackedBar
        let shares = try SVGDocument(SVGChart.render(percent))
        let first = shares.root.bars(series: 0), second = shares.root.bars(series: 1)
        // Agency 1: 40 of 50 and 10 of 50; each stack spans the whole 0…100 axis.
        let full = (first[0].number("height") ?? 0) + (second[0].number("height") ?? 0)
        #expect(abs(full - (first[1].number("height") ?? 0) - (second[1].number("height") ?? 0)) < 0.03)
        #expect(abs((first[0].number("height") ?? 0) / full - 0.8) < 0.001)
        #expect(first[0].title == "Dinas Kesehatan — Memenuhi: 40 (80,0 %)")
        let ticks = shares.elements(withClass: "bk-ticks").flatMap(\.children).map(\.text)
        #expect(ticks == ["0", "20", "40", "60", "80", "100"])
        #expect(shares.elements(withClass: "bk-unit").first?.text == "%")
    }

    @Test func distributionsShowEveryBandWithItsCountAndShare() throws {
        let document = try SVGDocument(SVGChart.render(Fixtures.distribution))
        let bars = document.root.bars(series: 0)
        #expect(bars.count == 5)
        #expect(bars[2].title == "Sedang: 40 (42,1 %)")
        let values = document.elements(withClass: "bk-values").flatMap(\.children).map(\.text)
        #expect(values == ["3", "12", "40", "31", "9"])
        let bands = document.elements(withClass: "bk-categories").flatMap(\.children).map(\.text)
        #expect(bands == ["Sangat rendah", "Rendah", "Sedang", "Tinggi", "Sangat tinggi"])
        // Bands touch: each bar starts close to where the previous ended.
        for (left, right) in zip(bars, bars.dropFirst()) {
            let gap = (right.number("x") ?? 0) - ((left.number("x") ?? 0) + (left.number("width") ?? 0))
            #expect(gap >= 0 && gap < 6)
        }
        // No legend for a single series.
        #expect(document.elements(withClass: "bk-legend").isEmpty)
    }

    @Test func ticksAreNiceAndFormattedTheIndonesianWay() throws {
        func ticks(_ values: [Double?], decimals: Int = 0) throws -> [String] {
            let chart = Chart(kind: .bar, title: "t", categories: values.map { _ in "k" },
                              series: [Series(name: "s", values: values)], valueFormat: .init(decimals: decimals))
            return try SVGDocument(SVGChart.render(chart)).elements(withClass: "bk-ticks").flatMap(\.children).map(\.text)
        }
        #expect(try ticks([3, 23]) == ["0", "5", "10", "15", "20", "25"])
        #expect(try ticks([12, 87]) == ["0", "20", "40", "60", "80", "100"])
        #expect(try ticks([1200, 4800]) == ["0", "1.000", "2.000", "3.000", "4.000", "5.000"])
        #expect(try ticks([0.3, 2.2], decimals: 1) == ["0,0", "0,5", "1,0", "1,5", "2,0", "2,5"])
        #expect(try ticks([0.03, 0.22], decimals: 2) == ["0,00", "0,05", "0,10", "0,15", "0,20", "0,25"])
        #expect(try ticks([1, 3]) == ["0", "1", "2", "3"])  // counts: no tick at 0,5
        #expect(try ticks([0.3, 2.2]) == ["0", "1", "2", "3"])
        #expect(try ticks([-20, 45]) == ["-20", "0", "20", "40", "60"])
        #expect(try ticks([0, 0]) == ["0", "1"])  // zero range
        #expect(try ticks([0, 0], decimals: 1) == ["0,0", "0,2", "0,4", "0,6", "0,8", "1,0"])
        #expect(try ticks([7, 7]) == ["0", "2", "4", "6", "8"])
    }

    @Test func longCategoryLabelsAreTruncatedButKeptWholeInTheirTitle() throws {
        let long = "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah Provinsi Jawa Barat"
        let categories = [long, "Dinas Kesehatan", "Inspektorat", "Satpol PP", "BKD", "Dinas Sosial"]
        for orientation in [Chart.Orientation.vertical, .horizontal] {
            let chart = Chart(kind: .bar, title: "t", categories: categories,
                              series: [Series(name: "s", values: [1, 2, 3, 4, 5, 6])], orientation: orientation)
            let label = try #require(try SVGDocument(SVGChart.render(chart)).elements(withClass: "bk-categories").first?.children.first)
            #expect(label.text.hasSuffix("…"))
            #expect(label.text.count < long.count)
            #expect(long.hasPrefix(String(label.text.dropLast())))
            #expect(label.title == long + ": 1")
        }
    }

    @Test func aLegendNamesEachSeriesWhenThereIsMoreThanOne() throws {
        let document = try SVGDocument(SVGChart.render(Fixtures.line))
        let items = document.elements(withClass: "bk-legend-item")
        #expect(items.map { $0.children.last?.text } == ["Provinsi", "Kabupaten"])
        // Series differ in colour and, for lines, in pattern.
        let lines = document.elements(withClass: "bk-line")
        #expect(Set(lines.compactMap { $0.attributes["stroke"] }).count == 2)
        #expect(lines[0].attributes["stroke-dasharray"] == nil && lines[1].attributes["stroke-dasharray"] != nil)
    }

    @Test func thePaletteStaysApartInGreyscale() throws {
        let lightness = try SVGChart.palette.map { colour -> Double in
            let hex = try #require(UInt32(colour.dropFirst(), radix: 16))
            let (r, g, b) = (Double(hex >> 16 & 0xFF), Double(hex >> 8 & 0xFF), Double(hex & 0xFF))
            return 0.299 * r + 0.587 * g + 0.114 * b
        }
        #expect(lightness.count == 6)
        for (i, a) in lightness.enumerated() {
            for b in lightness[(i + 1)...] { #expect(abs(a - b) >= 20) }
        }
        // Bars of different series take different colours from it.
        let document = try SVGDocument(SVGChart.render(Fixtures.bar))
        let fills = document.elements(withClass: "bk-series").compactMap { $0.attributes["fill"] }
        #expect(fills == Array(SVGChart.palette.prefix(2)))
    }

    @Test(arguments: [
        Chart(kind: .bar, title: "Kosong", categories: [], series: []),
        Chart(kind: .line, title: "Kosong", categories: ["2024", "2025"], series: [Series(name: "a", values: [nil, nil])]),
        Chart(kind: .stackedBar, title: "Kosong", categories: ["a"], series: [Series(name: "a", values: [.nan])]),
        Chart(kind: .distribution, title: "Kosong", categories: ["a", "b"], series: []),
        Chart(kind: .percentStackedBar, title: "Kosong", categories: ["a", "b"], series: [Series(name: "a", values: [])]),
    ])
    func anEmptyChartSaysSo(_ chart: Chart) throws {
        let document = try SVGDocument(SVGChart.render(chart))
        #expect(document.elements(withClass: "bk-empty").map(\.text) == ["Tidak ada data"])
        #expect(document.elements(withClass: "bk-bar").isEmpty && document.elements(withClass: "bk-point").isEmpty)
        let labelledBy = try #require(document.root.attributes["aria-labelledby"]).split(separator: " ").map(String.init)
        #expect(document.element(id: labelledBy[0])?.text == "Kosong")
        #expect(document.element(id: labelledBy[1])?.text == "Tidak ada data.")
    }

    @Test func outputIsDeterministic() {
        for chart in Fixtures.all {
            let first = SVGChart.render(chart, width: 500, height: 300)
            #expect(SVGChart.render(chart, width: 500, height: 300) == first)
            #expect(SVGChart.render(chart) != first)  // and depends on its size
        }
        // A pinned rendering: a change to the output is a deliberate one (reports are hashed).
        let tiny = Chart(kind: .bar, title: "T", categories: ["a"], series: [Series(name: "s", values: [2])], id: "t")
        #expect(SVGChart.render(tiny, width: 200, height: 120) == """
            <svg xmlns="http://www.w3.org/2000/svg" width="200" height="120" viewBox="0 0 200 120" role="img" aria-labelledby="t-title t-desc" class="bk-chart bk-chart-bar" font-family="sans-serif" font-size="11">
            <title id="t-title">T</title>
            <desc id="t-desc">Diagram batang, 1 kategori.</desc>
            <g class="bk-grid" stroke="#d9d9d9" stroke-width="1">
            <line x1="20.6" y1="95" x2="188" y2="95"/>
            <line x1="20.6" y1="54.25" x2="188" y2="54.25"/>
            <line x1="20.6" y1="13.5" x2="188" y2="13.5"/>
            </g>
            <g class="bk-ticks" fill="#333333" text-anchor="end">
            <text x="14.6" y="98.85">0</text>
            <text x="14.6" y="58.1">1</text>
            <text x="14.6" y="17.35">2</text>
            </g>
            <g class="bk-categories" fill="#333333" text-anchor="middle">
            <text x="104.3" y="110">a<title>a: 2</title></text>
            </g>
            <g class="bk-series bk-series-0" fill="#08306b" stroke="#1b1b1b" stroke-width="0.5">
            <rect class="bk-bar" x="41.53" y="13.5" width="125.55" height="81.5"><title>a: 2</title></rect>
            </g>
            <line class="bk-baseline" x1="20.6" y1="95" x2="188" y2="95" stroke="#333333" stroke-width="1"/>
            </svg>

            """)
    }
}
