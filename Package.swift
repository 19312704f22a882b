// swift-tools-version:6.0
import PackageDescription

// Data flows one way: Training → Rasterizer → FrameEncoder → GDAnimateKit (the library: a visual, its
// plan, rendering to frame sinks, staged files) → gdanimate (the command line, the only module that
// touches the terminal). libgd is the C module CGD, seen only through LibGD's one owning type, GDImage.
let package = Package(
    name: "gdanimate",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "GDAnimateKit", targets: ["GDAnimateKit"]),
        .executable(name: "gdanimate", targets: ["gdanimate"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
    ],
    targets: [
        // libgd's headers are in the default include path and its module map links it; pkg-config is not
        // asked, because gdlib's flags carry -DAVIF_DLL, which SwiftPM rejects with a warning.
        .systemLibrary(name: "CGD", providers: [.apt(["libgd-dev"])]),
        .systemLibrary(name: "CWebP", providers: [.apt(["libwebp-dev"])]),
        // zlib packs a player page's script; the browser unpacks it natively (DecompressionStream).
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "LibGD", dependencies: ["CGD"]),
        .target(name: "Training"),
        .target(name: "Rasterizer", dependencies: ["Training", "LibGD"]),
        .target(name: "FrameEncoder", dependencies: ["Rasterizer", "LibGD", "CWebP", "CZlib"]),
        .target(name: "GDAnimateKit", dependencies: ["Training", "Rasterizer", "FrameEncoder"]),
        .executableTarget(
            name: "gdanimate",
            dependencies: [
                // GDAnimateKit re-exports what a program needs; the command line also uses the modules'
                // helpers (number formats, frame schedules), which it imports by name.
                "GDAnimateKit", "Rasterizer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Fixtures and golden images are read from the source tree (#filePath), so re-blessing writes
        // where git sees it.
        .testTarget(name: "TrainingTests", dependencies: ["Training"], exclude: ["Fixtures"]),
        .testTarget(name: "LibGDTests", dependencies: ["LibGD"]),
        // The golden frames' input is planned by the library itself (GDAnimateKit's Plan), not trained
        // again by a copy of its code in the test.
        .testTarget(name: "RasterizerTests", dependencies: ["Rasterizer", "Training", "LibGD", "GDAnimateKit"], exclude: ["Golden"]),
        // Decoders the tests read files back with, independent of the encoders under test: libgd's GIF
        // reader and libwebp's animation decoder.
        .target(name: "TestDecoders", dependencies: ["LibGD", "CWebP"], path: "Tests/TestDecoders"),
        .testTarget(name: "FrameEncoderTests", dependencies: ["FrameEncoder", "Rasterizer", "LibGD", "CZlib", "TestDecoders"]),
        .testTarget(name: "GDAnimateKitTests", dependencies: ["GDAnimateKit", "Rasterizer", "FrameEncoder", "LibGD", "TestDecoders"]),
        .testTarget(name: "gdanimateTests", dependencies: ["gdanimate", "Rasterizer", "LibGD"], exclude: ["Snapshots"]),
    ]
)
