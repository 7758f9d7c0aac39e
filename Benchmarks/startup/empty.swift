// The least a Swift program costs to start, linked as scripts/install links tongket (Swift's
// runtime and standard library inside the binary): scripts/bench-render prints it beside
// `tongket --version`, which starts the same runtime with Foundation, the C libraries and the
// command-line parser.
print("")
