// The front ends depend on the application layer only; the model, diagnostics and Vietnamese
// text of the core are part of its interface, so they come with it.
@_exported import TongketCore
import TongketDocument
// The forms (the Excel workbook's writer and reader, `FormReading`) are read and written by the
// commands as submissions are.
@_exported import TongketForms

/// A file that could not be written or read whole; the one error shape of outputs and versions.
public typealias FileError = TongketDocument.FileError
