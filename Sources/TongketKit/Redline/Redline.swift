import Foundation
import TongketCore
import TongketDocument

/// What changed between two versions of a report, paragraph by paragraph and, inside a changed
/// paragraph, word by word. Both levels use the standard library's `difference(from:)`.
///
/// Paragraphs are compared by a key from which numbering is removed ("III. KẾT QUẢ" and
/// "IV. KẾT QUẢ", "**Phần II**" and "**Phần III**", a table row's number), so that a section
/// added before others does not report every later heading as changed.
public struct Redline: Sendable {
    public enum Change: Sendable, Equatable {
        case same(RedlineUnit)
        case removed(RedlineUnit)
        case inserted(RedlineUnit)
        case changed(old: RedlineUnit, new: RedlineUnit, words: [WordChange])
    }

    public enum WordChange: Sendable, Equatable {
        case same(String)
        case removed(String)
        case inserted(String)
    }

    public var changes: [Change]

    public var counts: (changed: Int, inserted: Int, removed: Int, same: Int) {
        var counts = (changed: 0, inserted: 0, removed: 0, same: 0)
        for change in changes {
            switch change {
            case .same: counts.same += 1
            case .removed: counts.removed += 1
            case .inserted: counts.inserted += 1
            case .changed: counts.changed += 1
            }
        }
        return counts
    }

    /// Compares two reports' Markdown.
    public static func compare(old: String, new: String) -> Redline {
        Redline(changes: align(RedlineUnit.units(of: old), RedlineUnit.units(of: new)))
    }

    static func align(_ old: [RedlineUnit], _ new: [RedlineUnit]) -> [Change] {
        let (removed, inserted) = offsets(new.map(\.key).difference(from: old.map(\.key)))
        var changes: [Change] = []
        var i = 0
        var j = 0
        while i < old.count || j < new.count {
            var gone: [RedlineUnit] = []
            var added: [RedlineUnit] = []
            while i < old.count && removed.contains(i) {
                gone.append(old[i])
                i += 1
            }
            while j < new.count && inserted.contains(j) {
                added.append(new[j])
                j += 1
            }
            if gone.isEmpty && added.isEmpty {
                guard i < old.count, j < new.count else { break }
                changes.append(.same(new[j]))
                i += 1
                j += 1
                continue
            }
            // A removed paragraph followed by an added one is one edited paragraph when enough
            // of its words stayed.
            let paired = min(gone.count, added.count)
            for index in 0..<paired {
                let words = wordChanges(gone[index].text, added[index].text)
                if similar(words) {
                    changes.append(.changed(old: gone[index], new: added[index], words: words))
                } else {
                    changes.append(.removed(gone[index]))
                    changes.append(.inserted(added[index]))
                }
            }
            changes += gone.dropFirst(paired).map { .removed($0) }
            changes += added.dropFirst(paired).map { .inserted($0) }
        }
        return changes
    }

    static func wordChanges(_ old: String, _ new: String) -> [WordChange] {
        let a = old.split(separator: " ").map(String.init)
        let b = new.split(separator: " ").map(String.init)
        let (removed, inserted) = offsets(b.difference(from: a))
        var words: [WordChange] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count && removed.contains(i) {
                words.append(.removed(a[i]))
                i += 1
            } else if j < b.count && inserted.contains(j) {
                words.append(.inserted(b[j]))
                j += 1
            } else if i < a.count && j < b.count {
                words.append(.same(b[j]))
                i += 1
                j += 1
            } else {
                break
            }
        }
        return words
    }

    /// Which positions of the old collection were removed and of the new one inserted.
    static func offsets(_ difference: CollectionDifference<String>) -> (removed: Set<Int>, inserted: Set<Int>) {
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        return (removed, inserted)
    }

    /// At least half of the words of the two paragraphs together are shared.
    static func similar(_ words: [WordChange]) -> Bool {
        var same = 0
        var total = 0
        for word in words {
            switch word {
            case .same:
                same += 2
                total += 2
            case .removed, .inserted: total += 1
            }
        }
        return total > 0 && same * 2 >= total
    }
}
