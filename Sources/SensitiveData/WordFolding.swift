/// Folds a token to lower-case ASCII for keyword comparisons: `Mật` → `mat`, `ĐƯỢC` → `duoc`,
/// `ＯＴＰ` → `otp`.
///
/// Vietnamese letters lose their marks (precomposed or combining), `đ` becomes `d`, full-width
/// ASCII becomes ASCII. Other scalars are kept as they are. A hand table, not ICU: the keywords
/// it serves are few and this runs on the hot path.
enum WordFolding {
    /// Folds the token in `bytes`.
    ///
    /// - Complexity: O(n); no allocation up to 15 bytes of output.
    static func fold(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if bytes.allSatisfy({ $0 < 0x80 }) {
            return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                for index in 0..<bytes.count { buffer[index] = ASCII.lowercased(bytes[index]) }
                return bytes.count
            }
        }
        var scalars = String.UnicodeScalarView()
        var index = 0
        while index < bytes.count {
            let (value, width) = UTF8Scalar.decode(bytes, at: index)
            index += width
            if value < 0x80 {
                scalars.append(Unicode.Scalar(ASCII.lowercased(UInt8(value))))
            } else if let base = table[value] {
                scalars.append(Unicode.Scalar(base))
            } else if value >= 0x0300 && value <= 0x036F {
                continue  // combining mark (NFD input)
            } else if value >= 0xFF01 && value <= 0xFF5E {
                scalars.append(Unicode.Scalar(ASCII.lowercased(UInt8(value - 0xFF01 + 0x21))))
            } else if let scalar = Unicode.Scalar(value) {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Whether the token is exactly `mã` (code, in Vietnamese), in NFC or NFD, any case: unlike
    /// `mà` ("but") or `má`, which fold to the same `ma`.
    static func isMaWithTilde(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 3, ASCII.lowercased(bytes[0]) == 0x6D else { return false }
        if bytes.count == 3 { return bytes[1] == 0xC3 && (bytes[2] == 0xA3 || bytes[2] == 0x83) }  // ã Ã
        return bytes.count == 4 && ASCII.lowercased(bytes[1]) == 0x61 && bytes[2] == 0xCC && bytes[3] == 0x83
    }

    /// Precomposed Vietnamese letter → its base letter, lower-case.
    private static let table: [UInt32: UInt8] = {
        let groups: [(String, Character)] = [
            ("àáảãạăằắẳẵặâầấẩẫậ", "a"), ("èéẻẽẹêềếểễệ", "e"), ("ìíỉĩị", "i"),
            ("òóỏõọôồốổỗộơờớởỡợ", "o"), ("ùúủũụưừứửữự", "u"), ("ỳýỷỹỵ", "y"), ("đ", "d"),
        ]
        var table: [UInt32: UInt8] = [:]
        for (letters, base) in groups {
            for scalar in letters.unicodeScalars + letters.uppercased().unicodeScalars {
                table[scalar.value] = base.asciiValue!
            }
        }
        return table
    }()
}
