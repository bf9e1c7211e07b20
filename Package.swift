// swift-tools-version: 6.0
import PackageDescription

// MARK: - Dependencies

let argumentParser: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")
let yams: Target.Dependency = .product(name: "Yams", package: "Yams")
let logging: Target.Dependency = .product(name: "Logging", package: "swift-log")

let package = Package(
    name: "SupportBot",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "SupportBot", targets: ["SupportBot"]),
        .executable(name: "supportbot", targets: ["supportbot"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // MARK: - System ICU
        // Link flags and the install hint only: no Swift module imports it (see CICUShims).
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-i18n",
            providers: [.apt(["libicu-dev", "pkg-config"])]
        ),
        // The only code that includes ICU headers; its public header is ICU-free.
        .target(
            name: "CICUShims",
            dependencies: ["CICU"],
            linkerSettings: [
                .linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata"),
            ]
        ),

        // MARK: - Engine modules
        .target(name: "TextNormalization", dependencies: ["CICUShims"]),
        .target(name: "SensitiveData", dependencies: ["TextNormalization"]),
        .target(name: "SupportContent", dependencies: ["TextNormalization", yams]),
        .target(name: "IntentMatching", dependencies: ["TextNormalization", "SupportContent"]),
        .target(
            name: "DialoguePolicy",
            dependencies: ["TextNormalization", "SensitiveData", "SupportContent", "IntentMatching"]
        ),
        .target(name: "ConversationAnalytics", dependencies: ["SensitiveData"]),
        .target(
            name: "SupportBot",
            dependencies: [
                "TextNormalization", "SensitiveData", "SupportContent", "IntentMatching", "DialoguePolicy",
                "ConversationAnalytics", logging,
            ]
        ),
        .target(name: "TranscriptReplay", dependencies: ["SupportBot"]),
        .target(name: "EngineBenchmark", dependencies: ["SupportBot", "TranscriptReplay"]),

        // MARK: - Command-line tool
        .executableTarget(
            name: "supportbot",
            dependencies: [
                "SupportBot", "TranscriptReplay", "ConversationAnalytics", "EngineBenchmark", argumentParser,
            ]
        ),

        // MARK: - Tests
        .target(name: "SupportBotTestSupport", dependencies: ["SupportBot"], path: "Tests/SupportBotTestSupport"),
        .testTarget(name: "TextNormalizationTests", dependencies: ["TextNormalization", "SupportBotTestSupport"]),
        .testTarget(name: "SensitiveDataTests", dependencies: ["SensitiveData", "SupportBotTestSupport"]),
        .testTarget(name: "SupportContentTests", dependencies: ["SupportBot", "SupportBotTestSupport"]),
        .testTarget(name: "IntentMatchingTests", dependencies: ["SupportBot", "SupportBotTestSupport"]),
        .testTarget(name: "DialoguePolicyTests", dependencies: ["SupportBot", "SupportBotTestSupport"]),
        .testTarget(
            name: "ConversationAnalyticsTests", dependencies: ["ConversationAnalytics", "SupportBotTestSupport"]),
        .testTarget(name: "TranscriptReplayTests", dependencies: ["TranscriptReplay", "SupportBotTestSupport"]),
        .testTarget(name: "SupportBotTests", dependencies: ["SupportBot", "SupportBotTestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["SupportBotTestSupport"]),
        .testTarget(name: "HardeningTests", dependencies: ["SupportBot", "SupportBotTestSupport"]),
    ]
)
