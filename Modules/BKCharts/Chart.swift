/// A chart to be drawn by `SVGChart.render`: what is plotted, never where it goes on a page.
///
/// Values line up with `categories` by index: a series shorter than the categories is missing its last
/// points, and values beyond the last category are ignored. `nil`, NaN, infinite values and values beyond
/// ±1e100 are missing: nothing is drawn for them, and the category's accessible text says `missingText`.
public struct Chart: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// One bar per series, side by side within each category.
        case bar
        /// The series stacked within each category (negative values stack below zero).
        case stackedBar
        /// The series stacked within each category, each stack scaled to 100 % of the category's
        /// positive values; negative values are left out.
        case percentStackedBar
        /// One line per series across the categories (years, quarters); a missing point breaks the line.
        case line
        /// A histogram of counts per band (the categories, in order), bars touching, counts shown on top.
        case distribution
    }

    /// Which way the bars run: `.horizontal` reads better for long category labels (agency names).
    /// Lines and distributions are always drawn vertically.
    public enum Orientation: Sendable, Hashable {
        case vertical
        case horizontal
    }

    public var kind: Kind
    /// Read by screen readers (`<title>`); the page shows its own caption.
    public var title: String
    /// Read by screen readers (`<desc>`); a summary of the chart is written when empty.
    public var description: String
    public var categories: [String]
    public var series: [Series]
    public var valueFormat: ValueFormat
    public var orientation: Orientation
    /// Prefix of the chart's XML ids (made a valid XML name); when nil, a stable hash of the chart's
    /// content. Give one when a page may show the same chart twice.
    public var id: String?
    /// What a missing value is called: "tidak ada data", or "disembunyikan" for suppressed small groups.
    public var missingText: String
    /// Writes each value next to its bar or point (for print, where tooltips cannot be read).
    /// Stacked bars never show them; distributions always do.
    public var showsValues: Bool

    public init(
        kind: Kind,
        title: String,
        description: String = "",
        categories: [String],
        series: [Series],
        valueFormat: ValueFormat = .init(),
        orientation: Orientation = .vertical,
        id: String? = nil,
        missingText: String = "tidak ada data",
        showsValues: Bool = false
    ) {
        self.kind = kind
        self.title = title
        self.description = description
        self.categories = categories
        self.series = series
        self.valueFormat = valueFormat
        self.orientation = orientation
        self.id = id
        self.missingText = missingText
        self.showsValues = showsValues
    }
}

/// One named row of values, one per category (`nil`: missing or suppressed).
public struct Series: Sendable, Hashable {
    public var name: String
    public var values: [Double?]

    public init(name: String, values: [Double?]) {
        self.name = name
        self.values = values
    }
}

/// How values are written: Indonesian digits (`1.234,5`) with a fixed number of decimals, then the unit.
public struct ValueFormat: Sendable, Hashable {
    public var decimals: Int
    /// Written after the number with a space ("79,2 %", "12 JP"); empty for plain counts.
    public var unit: String

    public init(decimals: Int = 0, unit: String = "") {
        self.decimals = decimals
        self.unit = unit
    }

    /// Values already in percent points (79.25, not 0.7925).
    public static func percent(decimals: Int = 1) -> ValueFormat { .init(decimals: decimals, unit: "%") }

    public func format(_ value: Double) -> String {
        let number = IndonesianNumber.format(value, decimals: decimals)
        return unit.isEmpty ? number : number + " " + unit
    }
}
