// swift-tools-version:6.0
import PackageDescription

// A program of its own that depends on the gdanimate library by path (or by URL and version).
let package = Package(
    name: "FitMyPoints",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "gdanimate", path: "../..")],
    targets: [
        .executableTarget(name: "FitMyPoints", dependencies: [.product(name: "GDAnimateKit", package: "gdanimate")]),
    ]
)
