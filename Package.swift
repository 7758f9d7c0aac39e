// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "tongket",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tongket", targets: ["TongketCLI"]),
        .library(name: "TongketKit", targets: ["TongketKit"]),
        .executable(name: "tongket-web", targets: ["TongketWebCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // The .docx and .xlsx packages (ZIP), among them the workbooks embedded in the Word charts.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // SHA-256 of every file a recorded version holds, so that any later change is detected.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // The web application only: HTTP server, bcrypt, SQLite and multipart bodies. TongketKit and
        // the tongket command depend on none of them.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
    ],
    targets: [
        // libcmark from Debian's libcmark-dev; only the CmarkDoor target may import it.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // libyaml from Debian's libyaml-dev, read event by event in Loading/YAMLParser.swift.
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // libxml2 from Debian's libxml2-dev (Foundation's XML parser is libxml2 too), called by
        // TongketForms/XML/LibXMLParse.swift alone, SAX2 event by event.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // The Word document's body compressed over every core while it is written
        // (TongketDocument/Writers/DOCX/ParallelDeflate.swift): zlib joins the CRC-32s of its
        // chunks; ISA-L's igzip deflates them, at zlib's size in a fifth of its time.
        .systemLibrary(name: "CDeflate", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CIgzip", pkgConfig: "libisal", providers: [.apt(["libisal-dev"])]),
        // jemalloc from Debian's libjemalloc-dev, linked into the commands as their allocator (the
        // Linux build only; jemalloc.c says why and how it is set up).
        .target(name: "CJemalloc", linkerSettings: [.linkedLibrary("jemalloc")]),
        // glibc's <fcntl.h> with its GNU extensions (sync_file_range), to start writing a streamed
        // draft to disk while it is made (TongketKit/Output/StreamingOutputFile.swift).
        .systemLibrary(name: "CFileSync"),
        // The only target that touches libcmark: no C pointer leaves it, no application word enters it.
        .target(name: "CmarkDoor", dependencies: ["CCmark"]),
        // Core: the model, Vietnamese text, diagnostics, YAML loading and validation. Depends on
        // nothing of ours; SHA-256 gives a loaded outline a digest of its files (the submission
        // cache's key).
        .target(name: "TongketCore", dependencies: ["CLibYAML", .product(name: "Crypto", package: "swift-crypto")]),
        // Document: the document tree (blocks and inlines through the cmark door, tables, charts,
        // typed insertion keys) and the writers of every format. Depends on nothing of ours but the door;
        // SHA-256 gives a finished PDF an identifier that depends on its content only.
        .target(
            name: "TongketDocument",
            dependencies: [
                "CmarkDoor", "CDeflate", "CIgzip", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Forms: the Word and Excel files units fill instead of YAML, written from the outline and
        // read back into the same YAML submission, through a guarded reader of Office packages.
        .target(
            name: "TongketForms",
            dependencies: [
                "TongketCore", "TongketDocument", "CLibXML2", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Application: render (view models through the templates), consolidation, versions,
        // redline, comments, output. The only library the front ends use.
        .target(
            name: "TongketKit",
            dependencies: [
                "TongketCore",
                "TongketDocument",
                "TongketForms", .target(name: "CFileSync", condition: .when(platforms: [.linux])),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "TongketCLI",
            dependencies: [
                "TongketKit", .target(name: "CJemalloc", condition: .when(platforms: [.linux])),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The web application: store, accounts, sessions, routes and pages. Everything testable lives here.
        .target(
            name: "TongketWeb",
            dependencies: [
                "TongketKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // tongket-web: argument parsing only, over TongketWeb.
        .executableTarget(
            name: "TongketWebCLI",
            dependencies: [
                "TongketWeb", .target(name: "CJemalloc", condition: .when(platforms: [.linux])),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Paths, the bundled outline and golden files, shared by both test targets.
        .target(
            name: "TongketTestSupport", dependencies: ["TongketKit", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Tests/TongketTestSupport"),
        .testTarget(
            name: "TongketKitTests",
            dependencies: ["TongketKit", "TongketCore", "TongketDocument", "TongketForms", "CmarkDoor", "TongketTestSupport"]),
        .testTarget(name: "CmarkDoorTests", dependencies: ["CmarkDoor"]),
        // Depends on the executable so that `swift test` builds the binary it runs.
        .testTarget(name: "TongketCLITests", dependencies: ["TongketCLI", "TongketKit", "TongketTestSupport"]),
        .testTarget(
            name: "TongketWebTests",
            dependencies: [
                // The executable too, so that `swift test` builds the binary the command tests run.
                "TongketWeb", "TongketWebCLI", "TongketKit", "TongketTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
