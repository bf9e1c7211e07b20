extension MessageScan {
    /// Finds phone numbers.
    ///
    /// - Vietnamese mobiles: ten digits `03…`, `05…`, `07…`, `08…`, `09…`, or eleven digits
    ///   `843…`–`849…`, grouped by single spaces, dots or dashes (`0912.345.678`).
    /// - International: `+` then 8–15 digits grouped by spaces, dots, dashes or parentheses
    ///   (`+84 912 345 678`, `+1 (415) 555-2671`).
    ///
    /// Amounts (`1.000.000`, `100k`), dates and shorter ids stay: they do not start that way, have
    /// too few digits, or group like an amount.
    mutating func findPhoneNumbers() {
        guard summary.digitCount >= 8 else { return }
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte == 0x2B, index + 1 < count, ASCII.isDigit(bytes[index + 1]),
                index == 0 || !ASCII.isAlphanumeric(bytes[index - 1])
            {
                let groups = digitGroups(from: index + 1, maxSeparatorWidth: 2) {
                    $0 == 0x20 || $0 == 0x2E || $0 == 0x2D || $0 == 0x28 || $0 == 0x29
                }
                if let last = numberEnd(groups, digits: 8...15) {
                    add(.phone, index, groups[last].end)
                }
                index = groups[groups.count - 1].end
            } else if ASCII.isDigit(byte), isNumberStart(index) {
                let groups = digitGroups(from: index, maxSeparatorWidth: 1) {
                    $0 == 0x20 || $0 == 0x2E || $0 == 0x2D
                }
                var last: Int?
                if digit(0, in: groups) == 0, let second = digit(1, in: groups), Self.isMobilePrefix(second) {
                    last = numberEnd(groups, digits: 10...10, rejectingAmounts: false)
                } else if digit(0, in: groups) == 8, digit(1, in: groups) == 4, let third = digit(2, in: groups),
                    Self.isMobilePrefix(third)
                {
                    last = numberEnd(groups, digits: 11...11)
                }
                if let last { add(.phone, groups[0].start, groups[last].end) }
                index = groups[groups.count - 1].end
            } else {
                index += 1
            }
        }
    }

    /// Vietnamese mobile numbers start 03, 05, 07, 08 or 09 (after the 0 or the 84).
    private static func isMobilePrefix(_ digit: UInt8) -> Bool { digit == 3 || digit == 5 || (7...9).contains(digit) }

    /// The index of the group that ends the longest number of `digits` digits, unless the
    /// groups up to it read like an amount (never the case for a number that starts with 0).
    private func numberEnd(_ groups: [DigitGroup], digits: ClosedRange<Int>, rejectingAmounts: Bool = true) -> Int? {
        var total = 0
        var best: Int?
        for position in groups.indices {
            total += groups[position].length
            guard total <= digits.upperBound else { break }
            if total >= digits.lowerBound, position < groups.count - 1 || isNumberEnd(groups[position].end),
                !(rejectingAmounts && looksLikeAmount(groups[0...position]))
            {
                best = position
            }
        }
        return best
    }
}
