extension MessageScan {
    /// A run of ASCII digits inside a longer number written with separators (`0912 345 678`).
    struct DigitGroup {
        var start: Int
        var end: Int
        /// The separator bytes before this group (empty range for the first group).
        var separators: Range<Int>
        var length: Int { end - start }
    }

    /// The digit groups of the number that starts at `start`: digit runs joined by at most
    /// `maxSeparatorWidth` bytes accepted by `isSeparator`.
    func digitGroups(from start: Int, maxSeparatorWidth: Int, isSeparator: (UInt8) -> Bool) -> [DigitGroup] {
        var groups: [DigitGroup] = []
        var separators = start..<start
        var index = start
        while true {
            let groupStart = index
            while index < count, ASCII.isDigit(bytes[index]) { index += 1 }
            groups.append(DigitGroup(start: groupStart, end: index, separators: separators))
            var next = index
            while next < count, next - index < maxSeparatorWidth, isSeparator(bytes[next]) { next += 1 }
            guard next > index, next < count, ASCII.isDigit(bytes[next]), groups.count < 12 else { break }
            separators = index..<next
            index = next
        }
        return groups
    }

    /// Whether a number may start at `index`: not glued to a word, a decimal or a date before it.
    func isNumberStart(_ index: Int) -> Bool {
        guard index > 0 else { return true }
        let before = bytes[index - 1]
        return
            !(ASCII.isAlphanumeric(before) || before == 0x2E || before == 0x2C || before == 0x5F || before == 0x2B
            || before == 0x2F)
    }

    /// Whether a number may end at `index`: not glued to a word (`100k`), a decimal, a date.
    func isNumberEnd(_ index: Int) -> Bool {
        guard index < count else { return true }
        let after = bytes[index]
        if ASCII.isAlphanumeric(after) || after == 0x5F || after == 0x40 { return false }
        if after == 0x2E || after == 0x2C || after == 0x2F {
            return !(index + 1 < count && ASCII.isDigit(bytes[index + 1]))
        }
        return true
    }

    /// The `position`-th digit of the groups (0-based), or nil past their end.
    func digit(_ position: Int, in groups: [DigitGroup]) -> UInt8? {
        var remaining = position
        for group in groups {
            if remaining < group.length { return bytes[group.start + remaining] - 0x30 }
            remaining -= group.length
        }
        return nil
    }

    /// Whether the groups read like an amount: `.` between every group and three digits in every
    /// group after the first (`1.000.000`, `84.912.345.678`).
    func looksLikeAmount(_ groups: ArraySlice<DigitGroup>) -> Bool {
        guard groups.count >= 2 else { return false }
        for group in groups.dropFirst() {
            guard group.length == 3, group.separators.count == 1, bytes[group.separators.lowerBound] == 0x2E else {
                return false
            }
        }
        return true
    }
}
