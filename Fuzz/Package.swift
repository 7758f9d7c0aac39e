// swift-tools-version:6.0
// libFuzzer targets for tongket, built apart from the main package with -sanitize=fuzzer,address
// (scripts/fuzz), each run for a set time. Each target's main hands libFuzzer's driver its input
// function (LLVMFuzzerRunDriver), so the package manager's usual executable linking holds.
import PackageDescription

let package = Package(
    name: "tongket-fuzz",
    // Named, so that the main package is "tongket" whatever its folder is called.
    dependencies: [
        .package(name: "tongket", path: ".."), .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .target(name: "FuzzDriver"),
        // What the targets share: the bundled outline, a real form with one part replaced.
        .target(
            name: "FuzzInputs",
            dependencies: [.product(name: "TongketKit", package: "tongket"), .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // The submission reader and validator: bytes → YAML → checked submission → diagnostics.
        .executableTarget(
            name: "FuzzSubmission", dependencies: ["FuzzDriver", "FuzzInputs", .product(name: "TongketKit", package: "tongket")]),
        // A unit's Markdown → cmark tree → HTML, Markdown and DOCX, with the isolation invariant.
        .executableTarget(
            name: "FuzzMarkdown", dependencies: ["FuzzDriver", .product(name: "TongketKit", package: "tongket")]),
        // The Excel workbook form's reader: the package checks, XML parts and cells → YAML → diagnostics.
        .executableTarget(
            name: "FuzzWorkbook",
            dependencies: ["FuzzDriver", "FuzzInputs", .product(name: "TongketKit", package: "tongket")]),
        // The Word form's reader: the package checks, paragraphs, runs and controls → YAML → diagnostics.
        .executableTarget(
            name: "FuzzDocument",
            dependencies: ["FuzzDriver", "FuzzInputs", .product(name: "TongketKit", package: "tongket")]),
    ],
    swiftLanguageModes: [.v6]
)
