import CICUShims

/// One word as ICU's word-break rules found it, with its two folds.
public struct WordSegment: Sendable, Hashable {
    /// The word as typed, for values whose case matters (addresses, codes).
    public var text: Substring
    /// NFKC case fold: lower case, compatibility forms unified, diacritics kept.
    public var folded: String
    /// `folded` without combining marks and with đ → d.
    public var plain: String
    /// Whether ICU classified the segment as a number.
    public var isNumeric: Bool
}

/// The ICU calls the normalizer needs, behind the ICU-free C shim.
public enum ICUText {
    /// Splits `text` into words with both folds, dropping spaces, punctuation and emoji.
    public static func segments(of text: String) -> [WordSegment] {
        var text = text
        return text.withUTF8 { bytes -> [WordSegment] in
            guard let base = bytes.baseAddress, bytes.count > 0 else { return [] }
            let length = Int32(clamping: bytes.count)
            var foldedCapacity = bytes.count * 2 + 64
            var plainCapacity = bytes.count * 2 + 64
            let segmentCapacity = bytes.count + 1
            while true {
                let folded = UnsafeMutablePointer<CChar>.allocate(capacity: foldedCapacity)
                let plain = UnsafeMutablePointer<CChar>.allocate(capacity: plainCapacity)
                let rawSegments = UnsafeMutablePointer<sb_segment>.allocate(capacity: segmentCapacity)
                defer {
                    folded.deallocate()
                    plain.deallocate()
                    rawSegments.deallocate()
                }
                var output = sb_segment_output(
                    folded: folded, folded_capacity: Int32(foldedCapacity), folded_length: 0,
                    plain: plain, plain_capacity: Int32(plainCapacity), plain_length: 0,
                    segments: rawSegments, segment_capacity: Int32(segmentCapacity), segment_count: 0)
                let status = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    sb_segment_and_fold($0, length, &output)
                }
                if status == SB_STATUS_BUFFER_TOO_SMALL {
                    foldedCapacity = Int(output.folded_length) + 16
                    plainCapacity = Int(output.plain_length) + 16
                    continue
                }
                guard status == SB_STATUS_OK else { return [] }
                let foldedBytes = UnsafeRawBufferPointer(start: folded, count: Int(output.folded_length))
                let plainBytes = UnsafeRawBufferPointer(start: plain, count: Int(output.plain_length))
                let textBytes = UnsafeRawBufferPointer(bytes)
                var result: [WordSegment] = []
                result.reserveCapacity(Int(output.segment_count))
                for index in 0..<Int(output.segment_count) {
                    let raw = rawSegments[index]
                    result.append(
                        WordSegment(
                            text: Substring(
                                decoding: textBytes[Int(raw.text_start)..<Int(raw.text_end)], as: UTF8.self),
                            folded: String(
                                decoding: foldedBytes[Int(raw.folded_start)..<Int(raw.folded_end)], as: UTF8.self),
                            plain: String(
                                decoding: plainBytes[Int(raw.plain_start)..<Int(raw.plain_end)], as: UTF8.self),
                            isNumeric: raw.kind == Int32(SB_SEGMENT_NUMBER.rawValue)))
                }
                return result
            }
        }
    }

    /// Case-folds `text` as a whole (NFKC case fold), optionally without diacritics.
    public static func fold(_ text: String, strippingMarks: Bool) -> String {
        var text = text
        return text.withUTF8 { bytes -> String in
            guard let base = bytes.baseAddress, bytes.count > 0 else { return "" }
            var capacity = bytes.count * 2 + 16
            while true {
                let output = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
                defer { output.deallocate() }
                let written = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    sb_fold($0, Int32(clamping: bytes.count), output, Int32(capacity), strippingMarks ? 1 : 0)
                }
                if written < 0 { return "" }
                if Int(written) > capacity {
                    capacity = Int(written) + 16
                    continue
                }
                return String(
                    decoding: UnsafeRawBufferPointer(start: output, count: Int(written)), as: UTF8.self)
            }
        }
    }

    /// Passes `text` to C and converts it to UTF-16 and back: the floor under any ICU call.
    public static func roundTrip(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return 0 }
            return Int(
                base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    sb_round_trip($0, Int32(clamping: bytes.count))
                })
        }
    }
}
