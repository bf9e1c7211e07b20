// swift-tools-version: 6.0
// libFuzzer targets for SupportBot, kept out of the root package so its normal build never sees them.
// Build and run with Scripts/fuzz.sh (it passes -sanitize=fuzzer,address).
import PackageDescription

let supportBot: Target.Dependency = .product(name: "SupportBot", package: "main")

let package = Package(
    name: "SupportBotFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "main", path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [supportBot]),
        .executableTarget(name: "FuzzNormalizer", dependencies: ["FuzzSupport", supportBot]),
        .executableTarget(name: "FuzzPatternCompiler", dependencies: ["FuzzSupport", supportBot]),
        .executableTarget(name: "FuzzContentLoader", dependencies: ["FuzzSupport", supportBot]),
    ]
)
