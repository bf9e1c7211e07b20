/// A light English suffix stripper, so `withdraw`, `withdraws`, `withdrawing` and `withdrawal`
/// meet at one key without listing every form. Applied the same way to pattern words and
/// message words, only to ASCII words of four letters or more.
///
/// Vietnamese syllables never end in -s, -ed, -ing or -al, so they pass through unchanged.
enum EnglishStemmer {
    static func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        guard bytes.count >= 4, bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
        var strippedSuffix = false
        if bytes.hasSuffix("ies") && bytes.count > 4 || bytes.hasSuffix("ied") && bytes.count > 4 {
            bytes.removeLast(3)
            bytes.append(0x79)  // y
        } else if bytes.hasSuffix("sses") {
            bytes.removeLast(2)
        } else if bytes.hasSuffix("ss") || bytes.hasSuffix("us") || bytes.hasSuffix("is") {
            // class, status, analysis: not plurals
        } else if bytes.hasSuffix("ing") && bytes.count >= 6 {
            bytes.removeLast(3)
            strippedSuffix = true
        } else if bytes.hasSuffix("ed") && bytes.count >= 5 {
            bytes.removeLast(2)
            strippedSuffix = true
        } else if bytes.hasSuffix("es") && bytes.count >= 5 && endsWithSibilantBeforeES(bytes) {
            bytes.removeLast(2)
        } else if bytes.last == 0x73 {  // s
            bytes.removeLast()
        }
        if strippedSuffix { undouble(&bytes) }
        if bytes.hasSuffix("al") && bytes.count >= 7 {
            bytes.removeLast(2)
        }
        if bytes.last == 0x65 && bytes.count >= 5 {  // e
            bytes.removeLast()
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func endsWithSibilantBeforeES(_ bytes: [UInt8]) -> Bool {
        let beforeES = bytes[bytes.count - 3]
        if beforeES == 0x73 || beforeES == 0x78 || beforeES == 0x7A { return true }  // s x z
        let twoBefore = bytes[bytes.count - 4]
        return beforeES == 0x68 && (twoBefore == 0x73 || twoBefore == 0x63)  // sh ch
    }

    /// `stopp` → `stop`, but not `call` or `pass` (as Porter's stemmer does).
    private static func undouble(_ bytes: inout [UInt8]) {
        guard bytes.count >= 3, let last = bytes.last, last == bytes[bytes.count - 2] else { return }
        let vowels: Set<UInt8> = [0x61, 0x65, 0x69, 0x6F, 0x75]
        if vowels.contains(last) || last == 0x6C || last == 0x73 || last == 0x7A { return }
        bytes.removeLast()
    }
}

extension Array where Element == UInt8 {
    fileprivate func hasSuffix(_ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard self.count >= count else { return false }
        let start = suffix.utf8Start
        for offset in 0..<count where self[self.count - count + offset] != start[offset] {
            return false
        }
        return true
    }
}
