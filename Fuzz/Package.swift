// swift-tools-version: 6.0
// libFuzzer targets for SupportBot, kept out of the root package so its normal build never sees them.
// Build and run with Scripts/fuzz.sh (it passes -sanitize=fuzzer,address).
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name, whatever the checkout is called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let rootIdentity = root.lastPathComponent.lowercased()
let supportBot: Target.Dependency = .product(name: "SupportBot", package: rootIdentity)

let package = Package(
    name: "SupportBotFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [supportBot]),
        .executableTarget(name: "FuzzNormalizer", dependencies: ["FuzzSupport", supportBot]),
        .executableTarget(name: "FuzzPatternCompiler", dependencies: ["FuzzSupport", supportBot]),
        .executableTarget(name: "FuzzContentLoader", dependencies: ["FuzzSupport", supportBot]),
    ]
)
