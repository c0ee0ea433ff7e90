import BKCharts
import Testing

@Suite("SVGChart: hostile text, hostile numbers")
struct SafetyTests {
    static let script = "<script>alert(1)</script>"
    static let handler = "\" onload=\"x"

    static var hostileCharts: [Chart] {
        let series = [
            Series(name: "&", values: [1, 2, 3]),
            Series(name: handler, values: [2, nil, -1]),
            Series(name: "'><svg onload=alert(1)>", values: [3, 1, 2]),
        ]
        return [Chart.Kind.bar, .stackedBar, .percentStackedBar, .line, .distribution].flatMap { kind in
            [Chart.Orientation.vertical, .horizontal].map { orientation in
                Chart(kind: kind, title: script, description: "A & B <b>tebal</b> \(handler)",
                      categories: [script, handler, "&amp; ]]> <!-- -->"], series: series,
                      valueFormat: .init(decimals: 1, unit: "<i>%</i>"), orientation: orientation,
                      id: "\"><script>", missingText: "<hilang>")
            }
        }
    }

    @Test(arguments: hostileCharts)
    func textIsOnlyEverEscaped(_ chart: Chart) throws {
        let svg = SVGChart.render(chart)
        #expect(!svg.contains("<script"))
        #expect(!svg.contains("<b>") && !svg.contains("<i>") && !svg.contains("<svg onload"))
        #expect(!svg.contains("\" onload"))
        #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(svg.contains("&quot; onload=&quot;x"))
        #expect(svg.contains("&amp;amp; ]]&gt; &lt;!-- --&gt;"))

        let document = try SVGDocument(svg)
        #expect(document.elements(named: "script").isEmpty)
        #expect(document.elements(named: "svg").count == 1)
        for element in document.elements {
            #expect(element.name != "foreignObject" && element.name != "a" && element.name != "image" && element.name != "use")
            for (name, value) in element.attributes {
                #expect(!name.lowercased().hasPrefix("on"), "event handler \(name) on \(element.name)")
                #expect(!name.lowercased().contains("href"))
                #expect(!value.contains("url(") && !value.contains("http:") && !value.contains("https:") || name == "xmlns")
            }
        }
        #expect(!svg.contains("<style") && !svg.contains("@import"))
        // The parsed text reads exactly as given.
        let labelledBy = try #require(document.root.attributes["aria-labelledby"]).split(separator: " ").map(String.init)
        #expect(document.element(id: labelledBy[0])?.text == Self.script)
        let categoryTitles = document.elements(withClass: "bk-categories").flatMap(\.children).compactMap(\.title)
        #expect(categoryTitles.contains { $0.hasPrefix(Self.handler + " — ") })
        // Names are still legible: the hostile series name is in the legend as text.
        let legend = document.elements(withClass: "bk-legend-item").compactMap { $0.children.last?.text }
        #expect(legend.contains(Self.handler))
    }

    @Test func controlCharactersCannotBreakTheDocument() throws {
        let chart = Chart(kind: .bar, title: "nul\u{0} esc\u{1B} bell\u{7} \u{FFFF}", categories: ["a\u{0}b", "tab\tline\nbreak"],
                          series: [Series(name: "\u{1}", values: [1, 2])])
        let document = try SVGDocument(SVGChart.render(chart))
        #expect(document.elements(named: "title").first?.text == "nul\u{FFFD} esc\u{FFFD} bell\u{FFFD} \u{FFFD}")
        #expect(document.elements(withClass: "bk-categories").flatMap(\.children).map(\.text) == ["a\u{FFFD}b", "tab line break"])
    }

    @Test func hostileNumbersNeverCrashAndAreTreatedAsMissing() throws {
        let values: [Double?] = [.nan, .infinity, -.infinity, .signalingNaN, 1e300, -1e300, nil, 5]
        for kind in [Chart.Kind.bar, .stackedBar, .percentStackedBar, .line, .distribution] {
            let chart = Chart(kind: kind, title: "angka aneh", categories: values.indices.map { "k\($0)" },
                              series: [Series(name: "a", values: values), Series(name: "b", values: [.nan])])
            let svg = SVGChart.render(chart)
            let document = try SVGDocument(svg)
            let marks = document.elements(withClass: "bk-bar") + document.elements(withClass: "bk-point")
            #expect(marks.count == 1, "\(kind): only the 5 is drawn")
            #expect(!svg.contains("nan") && !svg.contains("inf"))
        }
        // Extremes that are still finite, tiny differences, huge sizes and tiny sizes.
        let extremes: [[Double?]] = [[1e100, -1e100], [1e-300, 2e-300], [0.1, 0.1 + 1e-15], [-0.0, 0], [-5, -3]]
        for values in extremes {
            for size in [(1, 1), (0, -10), (100_000, 100_000), (640, 320)] {
                for kind in [Chart.Kind.bar, .line, .stackedBar] {
                    let chart = Chart(kind: kind, title: "t", categories: ["a", "b"], series: [Series(name: "s", values: values)])
                    let svg = SVGChart.render(chart, width: size.0, height: size.1)
                    _ = try SVGDocument(svg)
                    #expect(!svg.contains("nan") && !svg.contains("inf"))
                }
            }
        }
        // Many categories, many series, mismatched lengths.
        let crowded = Chart(kind: .bar, title: "t", categories: (0..<400).map { "Kategori \($0)" },
                            series: (0..<9).map { Series(name: "S\($0)", values: Array(repeating: 1, count: $0 * 60)) })
        #expect(try SVGDocument(SVGChart.render(crowded)).elements(withClass: "bk-bar").count == (0..<9).map { min($0 * 60, 400) }.reduce(0, +))
    }

    @Test func allNegativeValuesHangFromTheTopOfThePlot() throws {
        let chart = Chart(kind: .bar, title: "t", categories: ["a", "b"], series: [Series(name: "s", values: [-5, -3])])
        let document = try SVGDocument(SVGChart.render(chart))
        let ticks = document.elements(withClass: "bk-ticks").flatMap(\.children).map(\.text)
        #expect(ticks.first == "-5" && ticks.last == "0")
        let baseline = try #require(document.elements(withClass: "bk-baseline").first?.number("y1"))
        for bar in document.root.bars(series: 0) { #expect(abs((bar.number("y") ?? 0) - baseline) < 0.02) }
    }
}
