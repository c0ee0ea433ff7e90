// swift-tools-version:6.1
import PackageDescription

let strictSwift: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "BinaKarier",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "BKProto", targets: ["BKProto"]),
        .library(name: "BKRPC", targets: ["BKRPC"]),
        .library(name: "BKDaemon", targets: ["BKDaemon"]),
        .library(name: "BKStore", targets: ["BKStore"]),
        .library(name: "Identity", targets: ["Identity"]),
        .library(name: "Programs", targets: ["Programs"]),
        .library(name: "Feedback", targets: ["Feedback"]),
        .library(name: "Reporting", targets: ["Reporting"]),
        .library(name: "BKCharts", targets: ["BKCharts"]),
        .executable(name: "bk-identityd", targets: ["bk-identityd"]),
        .executable(name: "bk-programsd", targets: ["bk-programsd"]),
        .executable(name: "bk-feedbackd", targets: ["bk-feedbackd"]),
        .executable(name: "bk-reportingd", targets: ["bk-reportingd"]),
        .executable(name: "bkctl", targets: ["bkctl"]),
        .executable(name: "bk-gateway", targets: ["bk-gateway"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // Evaluation forms are written by hand as YAML (bkctl form import); errors point at their lines.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // The gateway's HTTP server (HTTP/JSON API and web pages) and its HTML templates.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // MARK: infrastructure

        .systemLibrary(
            name: "CProtobufC",
            path: "Modules/CProtobufC",
            pkgConfig: "libprotobuf-c",
            providers: [.apt(["libprotobuf-c-dev"])]
        ),
        // protoc-c output, committed; regenerate with tools/generate-protos, never edit by hand.
        .target(
            name: "BKProtoC",
            dependencies: ["CProtobufC"],
            path: "Modules/BKProtoC"
        ),
        .target(
            name: "BKProto",
            dependencies: ["BKProtoC", "CProtobufC"],
            path: "Modules/BKProto",
            exclude: ["README.md"],
            swiftSettings: strictSwift
        ),
        .target(
            name: "BKRPC",
            dependencies: [
                "BKProto",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            path: "Modules/BKRPC",
            exclude: ["README.md"],
            swiftSettings: strictSwift
        ),
        .target(
            name: "BKDaemon",
            dependencies: [
                "BKRPC",
                "BKStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Modules/BKDaemon",
            exclude: ["README.md"],
            swiftSettings: strictSwift
        ),
        .target(
            name: "BKTestSupport",
            dependencies: ["BKRPC", "BKProto", .product(name: "NIOCore", package: "swift-nio")],
            path: "Modules/BKTestSupport",
            exclude: ["README.md"],
            swiftSettings: strictSwift
        ),

        .systemLibrary(
            name: "CSodium",
            path: "Modules/CSodium",
            pkgConfig: "libsodium",
            providers: [.apt(["libsodium-dev"])]
        ),
        .target(
            name: "BKStore",
            dependencies: [.product(name: "GRDB", package: "GRDB.swift"), .product(name: "Logging", package: "swift-log")],
            path: "Modules/BKStore",
            exclude: ["README.md"],
            swiftSettings: strictSwift
        ),

        .target(
            name: "BKAuth",
            dependencies: [
                "BKProto", "BKRPC", "CSodium",
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Modules/BKAuth",
            exclude: ["README.md"],
            swiftSettings: strictSwift
        ),

        .target(
            name: "BKServiceKit",
            dependencies: ["BKRPC", "BKAuth", "BKStore", "BKProto", "CSodium", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Modules/BKServiceKit",
            exclude: ["README.md"],
            swiftSettings: strictSwift
        ),

        // MARK: domains

        // The identity vocabulary (type names, how records spell values): shared by the service and bkctl.
        .target(
            name: "IdentityVocabulary",
            dependencies: ["BKProto"],
            path: "Modules/IdentityVocabulary",
            exclude: ["README.md"],
            swiftSettings: strictSwift
        ),

        .target(
            name: "Identity",
            dependencies: [
                "BKProto", "BKRPC", "BKStore", "BKAuth", "BKServiceKit", "IdentityVocabulary", "CSodium",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            path: "Modules/Identity",
            exclude: ["README.md"],
            swiftSettings: strictSwift
        ),

        .target(
            name: "Programs",
            dependencies: [
                "BKProto", "BKRPC", "BKStore", "BKAuth", "BKServiceKit", "IdentityVocabulary",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                // The approval reminders run as a lifecycle service beside the RPC server.
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Modules/Programs",
            exclude: ["README.md"],
            swiftSettings: strictSwift
        ),

        .target(
            name: "Feedback",
            dependencies: [
                "BKProto", "BKRPC", "BKStore", "BKAuth", "BKServiceKit", "CSodium",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            path: "Modules/Feedback",
            exclude: ["README.md"],
            swiftSettings: strictSwift
        ),
        .target(
            name: "Reporting",
            dependencies: [
                "BKProto", "BKRPC", "BKStore", "BKAuth", "BKServiceKit", "IdentityVocabulary", "CSodium", "BKCharts", "BKSpreadsheet", "BKReportView",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Modules/Reporting",
            exclude: ["README.md"],
            swiftSettings: strictSwift
        ),
        // SVG charts as strings, for reporting's HTML exports and the gateway's pages.
        .target(
            name: "BKCharts",
            path: "Modules/BKCharts",
            exclude: ["README.md"],
            swiftSettings: strictSwift
        ),
        // A report message as HTML (conclusions, sections, tables, charts): reporting's export and the gateway's pages.
        .target(
            name: "BKReportView",
            dependencies: ["BKProto", "BKCharts"],
            path: "Modules/BKReportView",
            exclude: ["README.md"],
            swiftSettings: strictSwift
        ),
        // Reporting's XLSX exports: Debian's libxlsxwriter writes the file (one-line reason: a correct
        // XLSX writer is a project of its own).
        .systemLibrary(
            name: "CXLSXWriter",
            path: "Modules/CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .target(
            name: "BKSpreadsheet",
            dependencies: ["CXLSXWriter"],
            path: "Modules/BKSpreadsheet",
            exclude: ["README.md"],
            swiftSettings: strictSwift
        ),

        // QR codes on certificates: Debian's libqrencode (a QR encoder is a project of its own).
        .systemLibrary(
            name: "CQREncode",
            path: "Modules/CQREncode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        // The gateway: HTTP/JSON transcoding generated from the protos, the web application, web sessions.
        .target(
            name: "Gateway",
            dependencies: [
                "BKProto", "BKRPC", "BKStore", "BKCharts", "BKReportView", "CQREncode", "CSodium",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Modules/Gateway",
            exclude: ["README.md"],
            swiftSettings: strictSwift
        ),

        // MARK: apps

        .target(
            name: "BKCtl",
            dependencies: [
                "BKCharts",
                "BKProto", "BKRPC", "BKServiceKit", "IdentityVocabulary",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Modules/BKCtl",
            exclude: ["README.md"],
            swiftSettings: strictSwift
        ),
        .executableTarget(
            name: "bk-identityd",
            dependencies: [
                "BKDaemon", "Identity", "BKAuth",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Apps/bk-identityd",
            swiftSettings: strictSwift
        ),
        .executableTarget(
            name: "bk-programsd",
            dependencies: [
                "BKDaemon", "Programs", "BKAuth",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Apps/bk-programsd",
            swiftSettings: strictSwift
        ),
        .executableTarget(
            name: "bk-reportingd",
            dependencies: [
                "BKDaemon", "Reporting", "BKAuth",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Apps/bk-reportingd",
            swiftSettings: strictSwift
        ),
        .executableTarget(
            name: "bk-feedbackd",
            dependencies: [
                "BKDaemon", "Feedback", "BKAuth",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Apps/bk-feedbackd",
            swiftSettings: strictSwift
        ),
        .executableTarget(
            name: "bk-gateway",
            dependencies: [
                "BKDaemon", "Gateway",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Apps/bk-gateway",
            swiftSettings: strictSwift
        ),
        .executableTarget(
            name: "bkctl",
            dependencies: ["BKCtl", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Apps/bkctl",
            swiftSettings: strictSwift
        ),

        // MARK: tools (not shipped)

        .target(
            name: "CProtobufDescriptor",
            dependencies: ["CProtobufC"],
            path: "tools/bk-protogen/CProtobufDescriptor"
        ),
        .executableTarget(
            name: "bk-protogen",
            dependencies: ["CProtobufDescriptor", "CProtobufC"],
            path: "tools/bk-protogen/Sources",
            swiftSettings: strictSwift
        ),
        .executableTarget(
            name: "bk-echod",
            dependencies: [
                "BKDaemon", "BKTestSupport", "BKAuth",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "tools/bk-echod",
            swiftSettings: strictSwift
        ),
        .executableTarget(
            name: "bk-system",
            dependencies: ["BKRPC"],
            path: "tools/bk-system",
            swiftSettings: strictSwift
        ),
        .executableTarget(
            name: "bk-demo-data",
            dependencies: [
                "BKRPC", "BKProto", "Identity", "Reporting", "BKTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "tools/bk-demo-data",
            swiftSettings: strictSwift
        ),
        .executableTarget(
            name: "bk-identity-bench",
            dependencies: [
                "BKRPC", "BKProto", "BKTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "tools/bk-identity-bench",
            swiftSettings: strictSwift
        ),
        .executableTarget(
            name: "bk-programs-bench",
            dependencies: [
                "BKRPC", "BKProto", "BKTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "tools/bk-programs-bench",
            swiftSettings: strictSwift
        ),
        .executableTarget(
            name: "bk-reporting-bench",
            dependencies: [
                "BKRPC", "BKProto", "BKTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "tools/bk-reporting-bench",
            swiftSettings: strictSwift
        ),
        .executableTarget(
            name: "bk-feedback-bench",
            dependencies: [
                "BKRPC", "BKProto", "BKTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "tools/bk-feedback-bench",
            swiftSettings: strictSwift
        ),
        .executableTarget(
            name: "bk-feed-follow",
            dependencies: [
                "BKRPC", "BKProto", "BKAuth", "BKStore", "BKServiceKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "tools/bk-feed-follow",
            swiftSettings: strictSwift
        ),
        .executableTarget(
            name: "bk-fuzz",
            dependencies: ["BKProto", "BKRPC", "Identity", "Programs", "Feedback", "Reporting", .product(name: "NIOCore", package: "swift-nio")],
            path: "tools/bk-fuzz",
            swiftSettings: strictSwift
        ),
        .executableTarget(
            name: "bk-gateway-bench",
            dependencies: [
                "BKRPC", "BKProto", "BKTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            path: "tools/bk-gateway-bench",
            swiftSettings: strictSwift
        ),
        .executableTarget(
            name: "bk-rpc-bench",
            dependencies: [
                "BKRPC", "BKProto", "BKTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "tools/bk-rpc-bench",
            swiftSettings: strictSwift
        ),

        // MARK: tests

        .target(name: "CHeapStats", path: "Tests/CHeapStats"),
        .testTarget(
            name: "BKProtoTests",
            dependencies: ["BKProto", "CHeapStats", "BKTestSupport"],
            path: "Tests/BKProtoTests",
            exclude: ["Fixtures"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "BKRPCTests",
            dependencies: ["BKRPC", "BKProto", "BKTestSupport", "BKAuth"],
            path: "Tests/BKRPCTests",
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "BKServiceKitTests",
            dependencies: ["BKServiceKit", "BKRPC", "BKStore", "BKProto", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Logging", package: "swift-log")],
            path: "Tests/BKServiceKitTests",
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "BKDaemonTests",
            dependencies: [
                "BKDaemon", "BKRPC", "BKTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Tests/BKDaemonTests",
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "IdentityTests",
            dependencies: ["Identity", "BKAuth", "BKProto", "BKRPC", "BKStore", "BKTestSupport"],
            path: "Tests/IdentityTests",
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "ProgramsTests",
            dependencies: [
                "Programs", "BKAuth", "BKProto", "BKRPC", "BKStore", "BKServiceKit", "BKTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            path: "Tests/ProgramsTests",
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "FeedbackTests",
            dependencies: [
                "Feedback", "BKAuth", "BKProto", "BKRPC", "BKStore", "BKServiceKit", "BKTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            path: "Tests/FeedbackTests",
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "ReportingTests",
            dependencies: [
                "Reporting", "BKAuth", "BKProto", "BKRPC", "BKStore", "BKServiceKit", "BKTestSupport", "BKCharts",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Tests/ReportingTests",
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "BKChartsTests",
            dependencies: ["BKCharts"],
            path: "Tests/BKChartsTests",
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "BKSpreadsheetTests",
            dependencies: ["BKSpreadsheet"],
            path: "Tests/BKSpreadsheetTests",
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "BKCtlTests",
            dependencies: ["BKCtl", "IdentityVocabulary", "BKTestSupport", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Tests/BKCtlTests",
            exclude: ["Golden"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["BKAuth", "BKProto", "BKRPC", "BKTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/EndToEndTests",
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "SystemTests",
            dependencies: ["BKAuth", "BKProto", "BKRPC", "BKTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/SystemTests",
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "GatewayTests",
            dependencies: [
                "Gateway", "BKProto", "BKRPC", "BKTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/GatewayTests",
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "InteropTests",
            dependencies: ["BKRPC", "BKProto", "BKTestSupport"],
            path: "Tests/InteropTests",
            swiftSettings: strictSwift
        ),
    ]
)
