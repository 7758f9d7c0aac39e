import Foundation
import ZIPFoundation

/// The PNG fallback of a chart, for readers that do not show SVG: the same layout drawn at twice
/// the size in grey levels, its figures in a small bitmap font (a chart's labels are all
/// digits, so no font file is needed). The words ("Giai đoạn") are in the caption below it.
enum ChartRaster {
    static let scale = 2
    static let width = 640 * scale
    static let height = 260 * scale

    static func png(_ chart: Chart) -> [UInt8] {
        var canvas = Canvas(width: width, height: height)
        let layout = Chart.Layout(chart)
        let s = Double(scale)
        let plotBottom = layout.top + layout.plotHeight
        for band in chart.bands {
            let x0 = layout.left + Double(band.first) * layout.slot
            let x1 = layout.left + Double(band.last + 1) * layout.slot
            canvas.fill(
                x: x0 * s, y: layout.top * s, width: (x1 - x0) * s, height: layout.plotHeight * s, grey: band.first == 0 ? 242 : 224)
            canvas.text(band.label, centre: (x0 + x1) / 2 * s, baseline: (layout.top - 22) * s, bold: false)
            canvas.text(band.figure, centre: (x0 + x1) / 2 * s, baseline: (layout.top - 6) * s, bold: true)
        }
        for (step, label) in chart.axisLabels.enumerated() {
            let value = layout.axisValue(step: step)
            canvas.fill(
                x: layout.left * s, y: layout.y(value) * s, width: layout.plotWidth * s, height: 1, grey: 153)
            canvas.text(label, right: (layout.left - 4) * s, baseline: (layout.y(value) + 4) * s)
        }
        for (index, bar) in chart.bars.enumerated() {
            let x = layout.left + Double(index) * layout.slot
            if let value = bar.value {
                canvas.fill(
                    x: (x + layout.slot * 0.2) * s, y: layout.y(value) * s, width: layout.slot * 0.6 * s,
                    height: (plotBottom - layout.y(value)) * s, grey: 51)
            }
            canvas.text(bar.label, centre: (x + layout.slot / 2) * s, baseline: (layout.height - layout.bottom + 16) * s, bold: false)
        }
        canvas.fill(x: layout.left * s, y: plotBottom * s - 1, width: layout.plotWidth * s, height: 2, grey: 0)
        return PNGEncoder.greyscale(canvas.pixels, width: width, height: height)
    }

    struct Canvas {
        let width: Int
        let height: Int
        var pixels: [UInt8]

        init(width: Int, height: Int) {
            self.width = width
            self.height = height
            pixels = [UInt8](repeating: 255, count: width * height)
        }

        mutating func fill(x: Double, y: Double, width w: Double, height h: Double, grey: UInt8) {
            let x0 = max(Int(x.rounded()), 0)
            let y0 = max(Int(y.rounded()), 0)
            let x1 = min(Int((x + w).rounded()), width)
            let y1 = min(Int((y + h).rounded()), height)
            guard x0 < x1, y0 < y1 else { return }
            for row in y0..<y1 {
                for column in x0..<x1 { pixels[row * width + column] = grey }
            }
        }

        /// Glyphs are 5 × 7 cells of `scale` pixels, one cell apart; bold doubles each stroke.
        static let cell = 2

        func measure(_ text: String) -> Double { Double(text.count * 6 * Self.cell - Self.cell) }

        mutating func text(_ text: String, centre: Double, baseline: Double, bold: Bool) {
            draw(text, left: centre - measure(text) / 2, baseline: baseline, bold: bold)
        }

        mutating func text(_ text: String, right: Double, baseline: Double) {
            draw(text, left: right - measure(text), baseline: baseline, bold: false)
        }

        private mutating func draw(_ text: String, left: Double, baseline: Double, bold: Bool) {
            var x = Int(left.rounded())
            let top = Int(baseline.rounded()) - 7 * Self.cell
            for character in text {
                if let rows = BitmapDigits.glyphs[character] {
                    for (row, bits) in rows.enumerated() {
                        for column in 0..<5 where bits & (1 << (4 - column)) != 0 {
                            let px = Double(x + column * Self.cell)
                            let py = Double(top + row * Self.cell)
                            fill(x: px, y: py, width: Double(Self.cell + (bold ? 1 : 0)), height: Double(Self.cell), grey: 0)
                        }
                    }
                }
                x += 6 * Self.cell
            }
        }
    }
}

/// Digits and the marks of Vietnamese number formats, 5 × 7, one row per entry, high bit left.
enum BitmapDigits {
    static let glyphs: [Character: [UInt8]] = [
        "0": [0b01110, 0b10001, 0b10011, 0b10101, 0b11001, 0b10001, 0b01110],
        "1": [0b00100, 0b01100, 0b00100, 0b00100, 0b00100, 0b00100, 0b01110],
        "2": [0b01110, 0b10001, 0b00001, 0b00010, 0b00100, 0b01000, 0b11111],
        "3": [0b11111, 0b00010, 0b00100, 0b00010, 0b00001, 0b10001, 0b01110],
        "4": [0b00010, 0b00110, 0b01010, 0b10010, 0b11111, 0b00010, 0b00010],
        "5": [0b11111, 0b10000, 0b11110, 0b00001, 0b00001, 0b10001, 0b01110],
        "6": [0b00110, 0b01000, 0b10000, 0b11110, 0b10001, 0b10001, 0b01110],
        "7": [0b11111, 0b00001, 0b00010, 0b00100, 0b01000, 0b01000, 0b01000],
        "8": [0b01110, 0b10001, 0b10001, 0b01110, 0b10001, 0b10001, 0b01110],
        "9": [0b01110, 0b10001, 0b10001, 0b01111, 0b00001, 0b00010, 0b01100],
        ".": [0, 0, 0, 0, 0, 0b01100, 0b01100],
        ",": [0, 0, 0, 0, 0b01100, 0b00100, 0b01000],
        "-": [0, 0, 0, 0b11111, 0, 0, 0],
        "%": [0b11000, 0b11001, 0b00010, 0b00100, 0b01000, 0b10011, 0b00011],
    ]
}

/// An 8-bit greyscale PNG: the chunks are written here, the compression is zlib's (through
/// ZIPFoundation), wrapped as the zlib stream PNG asks for.
enum PNGEncoder {
    static func greyscale(_ pixels: [UInt8], width: Int, height: Int) -> [UInt8] {
        var raw = Data(capacity: (width + 1) * height)
        for row in 0..<height {
            raw.append(0)  // filter: none
            raw.append(contentsOf: pixels[(row * width)..<((row + 1) * width)])
        }
        var deflated = Data([0x78, 0x9C])
        _ =
            (try? Data.compress(
                size: Int64(raw.count), bufferSize: 1 << 16,
                provider: { position, size in raw.subdata(in: Int(position)..<min(Int(position) + size, raw.count)) },
                consumer: { deflated.append($0) })) ?? 0
        deflated.append(contentsOf: bigEndian(adler32(raw)))
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header = bigEndian(UInt32(width)) + bigEndian(UInt32(height))
        header += [8, 0, 0, 0, 0]
        chunk("IHDR", header, into: &png)
        chunk("IDAT", [UInt8](deflated), into: &png)
        chunk("IEND", [], into: &png)
        return png
    }

    private static func chunk(_ type: String, _ data: [UInt8], into png: inout [UInt8]) {
        png += bigEndian(UInt32(data.count))
        let body = Array(type.utf8) + data
        png += body
        png += bigEndian(Data(body).crc32(checksum: 0))
    }

    static func adler32(_ data: Data) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        return b << 16 | a
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}
