extension MessageScan {
    /// Finds payment card numbers: 13–19 digits that pass the Luhn check, either in one run or
    /// grouped by single spaces or dashes with a first group of four (`4111 1111 1111 1111`,
    /// `3782-822463-10005`). Vietnamese domestic cards (`9704…`, 16 or 19 digits) pass too.
    mutating func findCardNumbers() {
        guard summary.digitCount >= 13 else { return }
        var index = 0
        while index < count {
            guard ASCII.isDigit(bytes[index]), isNumberStart(index) else {
                index += 1
                continue
            }
            let groups = digitGroups(from: index, maxSeparatorWidth: 1) { $0 == 0x20 || $0 == 0x2D }
            index = groups[groups.count - 1].end
            if let last = cardNumberEnd(groups) {
                add(.cardNumber, groups[0].start, groups[last].end)
            }
        }
    }

    /// The index of the group that ends the longest card number in `groups`, if any.
    private func cardNumberEnd(_ groups: [DigitGroup]) -> Int? {
        let first = groups[0]
        if (13...19).contains(first.length) {
            return isNumberEnd(first.end) && passesLuhn(groups[0...0]) ? 0 : nil
        }
        guard first.length == 4 else { return nil }
        var total = first.length
        var best: Int?
        for position in 1..<groups.count {
            let group = groups[position]
            guard (3...6).contains(group.length) else { break }
            total += group.length
            guard total <= 19 else { break }
            if total >= 13, position < groups.count - 1 || isNumberEnd(group.end), passesLuhn(groups[0...position]) {
                best = position
            }
        }
        return best
    }

    /// The Luhn (mod 10) check over the digits of `groups`.
    func passesLuhn(_ groups: ArraySlice<DigitGroup>) -> Bool {
        var sum = 0
        var doubled = false
        for group in groups.reversed() {
            for index in stride(from: group.end - 1, through: group.start, by: -1) {
                var value = Int(bytes[index] - 0x30)
                if doubled {
                    value *= 2
                    if value > 9 { value -= 9 }
                }
                sum += value
                doubled.toggle()
            }
        }
        return sum % 10 == 0
    }
}
