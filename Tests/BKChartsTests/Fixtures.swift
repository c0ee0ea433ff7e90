import BKCharts

enum Fixtures {
    static let agencies = ["Dinas Kesehatan", "Badan Perencanaan Pembangunan Daerah Provinsi", "Dinas Pendidikan dan Kebudayaan", "Inspektorat"]

    static let bar = Chart(
        kind: .bar, title: "Jam pelajaran per instansi", description: "Rata-rata JP per pegawai, 2024 dan 2025.",
        categories: agencies,
        series: [Series(name: "2024", values: [12, 20.5, nil, 8]), Series(name: "2025", values: [14, 18, 9, 11])],
        valueFormat: .init(decimals: 1, unit: "JP"))

    static let stacked = Chart(
        kind: .stackedBar, title: "Pegawai per predikat",
        categories: agencies,
        series: [Series(name: "Memenuhi", values: [40, 12, 30, 5]), Series(name: "Belum", values: [10, 8, nil, 2])])

    static let line = Chart(
        kind: .line, title: "Kepatuhan 20 JP", categories: ["2021", "2022", "2023", "2024", "2025"],
        series: [Series(name: "Provinsi", values: [61.5, 70.25, nil, 79.25, 81]), Series(name: "Kabupaten", values: [50, 55, 58, 60, 66])],
        valueFormat: .percent())

    static let distribution = Chart(
        kind: .distribution, title: "Sebaran IP ASN",
        categories: ["Sangat rendah", "Rendah", "Sedang", "Tinggi", "Sangat tinggi"],
        series: [Series(name: "Pegawai", values: [3, 12, 40, 31, 9])])

    static var all: [Chart] {
        var horizontal = bar
        horizontal.orientation = .horizontal
        var percent = stacked
        percent.kind = .percentStackedBar
        percent.orientation = .horizontal
        return [bar, horizontal, stacked, percent, line, distribution]
    }
}
