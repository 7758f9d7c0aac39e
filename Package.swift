// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "tongket",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tongket", targets: ["TongketCLI"]),
        .library(name: "TongketKit", targets: ["TongketKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // libcmark from Debian's libcmark-dev; only the CmarkDoor target may import it.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(
            name: "TongketKit",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .executableTarget(
            name: "TongketCLI",
            dependencies: [
                "TongketKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Paths, the bundled outline and golden files, shared by both test targets.
        .target(name: "TongketTestSupport", dependencies: ["TongketKit"], path: "Tests/TongketTestSupport"),
        .testTarget(name: "TongketKitTests", dependencies: ["TongketKit", "TongketTestSupport"]),
        // Depends on the executable so that `swift test` builds the binary it runs.
        .testTarget(name: "TongketCLITests", dependencies: ["TongketCLI", "TongketKit", "TongketTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
