/// A unified diff of two texts, line by line, as `diff -u` and `git diff` print it, so that whoever
/// upgrades an outline reads the change in the form their tools already show.
///
/// Lines are compared with the standard library's `difference(from:)`, as Redline compares
/// paragraphs; the files compared here are small outline files.
public enum UnifiedDiff {
    /// The diff of `old` and `new` under the names `a/name` and `b/name` (so that `patch -p1`
    /// applies it inside the folder), with `context` unchanged lines around each change; empty
    /// when the texts are equal.
    public static func text(old: String, new: String, name: String, context: Int = 3) -> String {
        let a = lines(old)
        let b = lines(new)
        let script = operations(a, b)
        guard script.contains(where: { $0 != .same }) else { return "" }
        var out = "--- a/\(name)\n+++ b/\(name)\n"
        // Walk the script once, cutting it into hunks: a run of more than 2 × context unchanged
        // lines ends one hunk and starts the next.
        var index = 0
        var oldLine = 0
        var newLine = 0
        while index < script.count {
            guard script[index] != .same else {
                index += 1
                oldLine += 1
                newLine += 1
                continue
            }
            let lead = min(context, leadingSame(script, before: index))
            var end = index
            while end < script.count {
                if script[end] == .same {
                    var run = 0
                    while end + run < script.count, script[end + run] == .same { run += 1 }
                    if end + run == script.count || run > 2 * context { break }
                    end += run
                } else {
                    end += 1
                }
            }
            let trail = min(context, script[end...].prefix { $0 == .same }.count)
            let start = index - lead
            var o = oldLine - lead
            var n = newLine - lead
            var body = ""
            var oldCount = 0
            var newCount = 0
            for operation in script[start..<(end + trail)] {
                switch operation {
                case .same:
                    body += " " + a[o] + "\n"
                    o += 1
                    n += 1
                    oldCount += 1
                    newCount += 1
                case .removed:
                    body += "-" + a[o] + "\n"
                    o += 1
                    oldCount += 1
                case .inserted:
                    body += "+" + b[n] + "\n"
                    n += 1
                    newCount += 1
                }
            }
            out += "@@ -\(range(oldLine - lead, oldCount)) +\(range(newLine - lead, newCount)) @@\n" + body
            oldLine = o
            newLine = n
            index = end + trail
        }
        return out
    }

    enum Operation: Equatable {
        case same
        case removed
        case inserted
    }

    /// Each old line kept or removed and each new line inserted, in reading order.
    static func operations(_ a: [String], _ b: [String]) -> [Operation] {
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in b.difference(from: a) {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var script: [Operation] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, removed.contains(i) {
                script.append(.removed)
                i += 1
            } else if j < b.count, inserted.contains(j) {
                script.append(.inserted)
                j += 1
            } else {
                script.append(.same)
                i += 1
                j += 1
            }
        }
        return script
    }

    private static func leadingSame(_ script: [Operation], before index: Int) -> Int {
        var count = 0
        while index - count - 1 >= 0, script[index - count - 1] == .same { count += 1 }
        return count
    }

    /// `start,count` with 1-based lines; an empty side names the line before it, as diff does.
    private static func range(_ start: Int, _ count: Int) -> String {
        count == 0 ? "\(start),0" : count == 1 ? "\(start + 1)" : "\(start + 1),\(count)"
    }

    /// The lines of a text without their ends (a carriage return before the line feed goes too,
    /// so that a Windows file shows its text, not a stray character).
    private static func lines(_ text: String) -> [String] {
        var result = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var scalars = String.UnicodeScalarView(line)
            if scalars.last == "\r" { scalars.removeLast() }
            return String(scalars)
        }
        if result.last == "" { result.removeLast() }
        return result
    }
}
