// The front ends depend on the application layer only; the model, diagnostics and Vietnamese
// text of the core are part of its interface, so they come with it.
@_exported import TongketCore
import TongketDocument

/// A file that could not be written or read whole; the one error shape of outputs and versions.
public typealias FileError = TongketDocument.FileError
