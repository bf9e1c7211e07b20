extension MessageScan {
    /// Finds e-mail addresses: `local@domain.tld` with an ASCII local part and a dotted domain
    /// whose last label is two or more letters. `@mentions` without a domain stay.
    mutating func findEmails() {
        guard summary.hasAt else { return }
        for at in 0..<count where bytes[at] == 0x40 {
            var lower = at
            while lower > 0, Self.isLocalPartByte(bytes[lower - 1]) { lower -= 1 }
            while lower < at, bytes[lower] == 0x2E { lower += 1 }  // a leading dot is punctuation
            guard lower < at else { continue }
            var upper = at + 1
            while upper < count, ASCII.isAlphanumeric(bytes[upper]) || bytes[upper] == 0x2E || bytes[upper] == 0x2D {
                upper += 1
            }
            while upper > at + 1, bytes[upper - 1] == 0x2E || bytes[upper - 1] == 0x2D { upper -= 1 }
            guard isDomain(at + 1, upper) else { continue }
            add(.email, lower, upper)
        }
    }

    private static func isLocalPartByte(_ byte: UInt8) -> Bool {
        ASCII.isAlphanumeric(byte) || byte == 0x2E || byte == 0x5F || byte == 0x25 || byte == 0x2B || byte == 0x2D
    }

    /// `example.com`, `mail.example.com.vn`: dotted labels, no empty label, a letters-only TLD.
    private func isDomain(_ lower: Int, _ upper: Int) -> Bool {
        guard let lastDot = (lower..<upper).last(where: { bytes[$0] == 0x2E }), lastDot > lower,
            upper - lastDot - 1 >= 2
        else { return false }
        for index in (lastDot + 1)..<upper where !ASCII.isLetter(bytes[index]) { return false }
        for index in lower..<(upper - 1) where bytes[index] == 0x2E && bytes[index + 1] == 0x2E { return false }
        return true
    }
}
