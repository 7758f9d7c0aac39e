/// What a table's layout reads of its cells, read once. A layout is tried at up to two text
/// sizes, each with headings whole and wrapping, and the Word and HTML writers each lay out
/// every table: reading every cell again for each was a tenth of the Word document of one unit's
/// report (callgrind). Every width is a whole number of quarter ems, or of letters, times the size,
/// so the figures below, taken at any size, are those the cells give at that size.
extension DOCXTableWriter {
    struct Measures {
        /// Each column's weight in the widths it is first given (`columnWidths`): its longest
        /// text in characters, within bounds.
        let weights: [Int]
        /// Whether each column is right-aligned, a column of figures.
        let right: [Bool]
        /// Of a right-aligned column, the quarter ems of its widest figure on one line (a figure
        /// whole, else its widest word); 0 for the others.
        let figures: [Int]
        /// Of a right-aligned column, its heading's quarter ems: whole, and its widest word.
        let headings: [Int]
        let headingWords: [Int]
        /// Each column's longest word in letters, its heading's among them: whole, and broken
        /// after slashes (`slashPieces`).
        let longestWords: [Int]
        let longestPieces: [Int]

        init(_ table: Table) {
            var (weights, figures, headings, headingWords, longestWords, longestPieces) = (
                [Int](), [Int](), [Int](), [Int](), [Int](), [Int]()
            )
            var aligned: [Bool] = []
            for index in table.columns.indices {
                let title = table.columns[index].title
                let cells = table.rows.map { index < $0.count ? $0[index] : "" }
                // A short title ("2011 - 2015") stays on one line; a long one may wrap between words.
                let length = characterCount(title)
                let titleWeight = length <= 12 ? length : longestWord(title, loose: false)
                weights.append(min(max(max(titleWeight, cells.map { characterCount($0) }.max() ?? 0), 5), 30))
                let right = table.columns[index].alignment == .right
                aligned.append(right)
                figures.append(right ? cells.map(unbreakableQuarters).max() ?? 0 : 0)
                headings.append(right ? unbreakableQuarters(title) : 0)
                headingWords.append(right ? title.split(separator: " ").map { figureQuarters($0) }.max() ?? 0 : 0)
                longestWords.append(([title] + cells).map { longestWord($0, loose: false) }.max() ?? 0)
                longestPieces.append(([title] + cells).map { longestWord($0, loose: true) }.max() ?? 0)
            }
            (self.weights, self.right, self.figures, self.headings, self.headingWords) = (weights, aligned, figures, headings, headingWords)
            (self.longestWords, self.longestPieces) = (longestWords, longestPieces)
        }

        /// What each right-aligned column needs for its widest figure on one line; 0 for the
        /// others. A cell of words with a figure among them ("> 80 (năm 2020)", "cao hơn 6,2") may
        /// wrap between its words: only its widest word must hold, so a column of results against
        /// targets does not take the width of whole phrases from the text beside it. Its heading,
        /// set in bold, must hold too (a year over narrower figures, "2011" over "85,5", broke as
        /// "20 / 11" in LibreOffice): whole, or, `loose`, its widest word.
        func neededWidths(fontHalfPoints: Int, loose: Bool) -> [Int] {
            figures.indices.map { index in
                guard right[index] else { return 0 }
                let widest = width(figures[index], fontHalfPoints)
                let heading = width(loose ? headingWords[index] : headings[index], fontHalfPoints)
                // The margins, and two points so that a renderer's rounding never pushes a digit over.
                return max(widest, heading * 11 / 10) + 2 * cellMargin + 40
            }
        }

        /// The narrowest a text column may be: 1 cm, or its longest word on one line; `loose`, a
        /// word may break after a slash ("đồng/ người/ tháng", the writer marks the break for Word).
        func narrowestText(column: Int, fontHalfPoints: Int, loose: Bool) -> Int {
            let longest = loose ? longestPieces[column] : longestWords[column]
            // A letter of Times New Roman is about 0.55 em on average; bold headers a little more.
            return max(minimumWidth, longest * fontHalfPoints * 10 * 6 / 10 + 2 * cellMargin)
        }

        /// What each column must have: a figure column its widest figure (`neededWidths`), a text
        /// column 1 cm or its longest word (`narrowestText`).
        func floors(fontHalfPoints: Int, loose: Bool) -> [(width: Int, isFigure: Bool)] {
            let needed = neededWidths(fontHalfPoints: fontHalfPoints, loose: loose)
            return needed.indices.map { index in
                needed[index] > 0
                    ? (needed[index], true) : (narrowestText(column: index, fontHalfPoints: fontHalfPoints, loose: loose), false)
            }
        }

        private func width(_ quarters: Int, _ fontHalfPoints: Int) -> Int { twips(quarters: quarters, fontHalfPoints: fontHalfPoints) }
    }

    /// Quarter ems in twips at `fontHalfPoints` (half-points; an em is ten twips a half-point),
    /// rounded up.
    static func twips(quarters: Int, fontHalfPoints: Int) -> Int { (quarters * fontHalfPoints * 10 + 3) / 4 }

    /// The quarter ems of what a cell must keep on one line: a figure whole ("1.234,5", "- 4"),
    /// else its widest word.
    static func unbreakableQuarters(_ text: String) -> Int {
        if text.unicodeScalars.allSatisfy(isFigureScalar) { return figureQuarters(text) }
        return text.split(separator: " ").map { figureQuarters($0) }.max() ?? 0
    }

    /// Whether `scalar` is one a cell holding only a figure is made of ("1.234,5", "- 4", "85%"),
    /// by a switch: a set's hashing of every scalar of every cell was a third of the check.
    static func isFigureScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "0"..."9", ".", ",", " ", "-", "−", "–", "+", "%": return true
        default: return false
        }
    }

    /// The printed width of a figure in quarter ems, Times New Roman: digits half an em,
    /// separators and spaces a quarter, anything else (%, letters) a full em to be safe.
    static func figureQuarters(_ text: some StringProtocol) -> Int {
        // By Unicode scalar, not by character: as many in the precomposed text of a report, and
        // an order of magnitude cheaper on Linux.
        text.unicodeScalars.reduce(0) { sum, character in
            switch character {
            case "0"..."9": return sum + 2
            case ".", ",", " ": return sum + 1
            case "-", "−", "–": return sum + 2
            default: return sum + 4
            }
        }
    }
}
