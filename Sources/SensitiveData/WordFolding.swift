/// Folds a token to lower-case ASCII for keyword comparisons: `Mật` → `mat`, `ĐƯỢC` → `duoc`,
/// `ＯＴＰ` → `otp`.
///
/// Vietnamese letters lose their marks (precomposed or combining), `đ` becomes `d`, full-width
/// ASCII becomes ASCII. Other scalars are kept as they are. A hand table, not ICU: the keywords
/// it serves are few and this runs on the hot path.
enum WordFolding {
    /// Folds the token in `bytes`.
    ///
    /// - Complexity: O(n); no allocation up to 15 bytes of output (the output is never longer
    ///   than the input).
    static func fold(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { output in
            var written = 0
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                if lead < 0x80 {
                    output[written] = ASCII.lowercased(lead)
                    written += 1
                    index += 1
                    continue
                }
                let (value, width) = UTF8Scalar.decode(bytes, at: index)
                if let base = base(of: value) {
                    output[written] = base
                    written += 1
                } else if value >= 0xFF01, value <= 0xFF5E {  // full-width ASCII
                    output[written] = ASCII.lowercased(UInt8(value - 0xFF01 + 0x21))
                    written += 1
                } else if value < 0x0300 || value > 0x036F {  // combining marks (NFD input) are dropped
                    for offset in 0..<width { output[written + offset] = bytes[index + offset] }
                    written += width
                }
                index += width
            }
            return written
        }
    }

    /// The lower-case ASCII base of a precomposed Vietnamese letter.
    @inline(__always)
    static func base(of scalar: UInt32) -> UInt8? {
        let code: UInt8
        switch scalar {
        case 0x00C0...0x01B0: code = latinTable[Int(scalar - 0x00C0)]
        case 0x1EA0...0x1EF9: code = extendedTable[Int(scalar - 0x1EA0)]
        default: return nil
        }
        return code == 0 ? nil : code
    }

    /// Whether the token is exactly `mã` (code, in Vietnamese), in NFC or NFD, any case: unlike
    /// `mà` ("but") or `má`, which fold to the same `ma`.
    static func isMaWithTilde(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 3, ASCII.lowercased(bytes[0]) == 0x6D else { return false }
        if bytes.count == 3 { return bytes[1] == 0xC3 && (bytes[2] == 0xA3 || bytes[2] == 0x83) }  // ã Ã
        return bytes.count == 4 && ASCII.lowercased(bytes[1]) == 0x61 && bytes[2] == 0xCC && bytes[3] == 0x83
    }

    /// Base letters of U+00C0–U+01B0 and U+1EA0–U+1EF9 (0: not a Vietnamese letter).
    private static let (latinTable, extendedTable): ([UInt8], [UInt8]) = {
        let groups: [(String, Character)] = [
            ("àáảãạăằắẳẵặâầấẩẫậ", "a"), ("èéẻẽẹêềếểễệ", "e"), ("ìíỉĩị", "i"),
            ("òóỏõọôồốổỗộơờớởỡợ", "o"), ("ùúủũụưừứửữự", "u"), ("ỳýỷỹỵ", "y"), ("đ", "d"),
        ]
        var latin = [UInt8](repeating: 0, count: 0x01B1 - 0x00C0)
        var extended = [UInt8](repeating: 0, count: 0x1EFA - 0x1EA0)
        for (letters, base) in groups {
            for scalar in letters.unicodeScalars + letters.uppercased().unicodeScalars {
                switch scalar.value {
                case 0x00C0...0x01B0: latin[Int(scalar.value - 0x00C0)] = base.asciiValue!
                case 0x1EA0...0x1EF9: extended[Int(scalar.value - 0x1EA0)] = base.asciiValue!
                default: preconditionFailure("unexpected Vietnamese letter \(scalar)")
                }
            }
        }
        return (latin, extended)
    }()
}
