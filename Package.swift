// swift-tools-version:6.0
import PackageDescription

// Data flows one way: Training → Rasterizer → FrameEncoder → gdanimate (the only module that
// touches files and the terminal). CGD is the C library libgd, seen only by Rasterizer and FrameEncoder.
let package = Package(
    name: "gdanimate",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "gdanimate", targets: ["gdanimate"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CGD",
            pkgConfig: "gdlib",
            providers: [.apt(["libgd-dev"])]
        ),
        .target(name: "Training"),
        .target(name: "Rasterizer", dependencies: ["Training", "CGD"]),
        .target(name: "FrameEncoder", dependencies: ["Rasterizer", "CGD"]),
        .executableTarget(
            name: "gdanimate",
            dependencies: [
                "Training", "Rasterizer", "FrameEncoder",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Fixtures and golden images are read from the source tree (#filePath), so re-blessing writes
        // where git sees it.
        .testTarget(name: "TrainingTests", dependencies: ["Training"], exclude: ["Fixtures"]),
        .testTarget(name: "RasterizerTests", dependencies: ["Rasterizer", "Training", "CGD"], exclude: ["Golden"]),
        .testTarget(name: "FrameEncoderTests", dependencies: ["FrameEncoder", "Rasterizer", "CGD"]),
    ]
)
