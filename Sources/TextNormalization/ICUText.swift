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
            withSegments(of: bytes) { raw in
                var result: [WordSegment] = []
                result.reserveCapacity(raw.count)
                for index in 0..<raw.count {
                    let segment = raw.segments[index]
                    result.append(
                        WordSegment(
                            text: Substring(raw.text(of: segment)), folded: raw.folded(of: segment),
                            plain: raw.plain(of: segment), isNumeric: segment.kind == Int32(SB_SEGMENT_NUMBER.rawValue))
                    )
                }
                return result
            }
        }
    }

    /// The result of one ICU call, valid only inside ``withSegments(of:_:)``.
    struct RawSegments {
        let input: UnsafeBufferPointer<UInt8>
        let foldedBytes: UnsafeRawBufferPointer
        let plainBytes: UnsafeRawBufferPointer
        let segments: UnsafeBufferPointer<sb_segment>

        var count: Int { segments.count }

        /// The segment as typed (its fold when the C side could not map it back to the input).
        func text(of segment: sb_segment) -> String {
            guard segment.text_start >= 0 else { return folded(of: segment) }
            return String(decoding: UnsafeBufferPointer(rebasing: input[textRange(of: segment)]), as: UTF8.self)
        }

        /// The segment's byte range in the input; empty when it cannot be known.
        func textRange(of segment: sb_segment) -> Range<Int> {
            segment.text_start >= 0 ? Int(segment.text_start)..<Int(segment.text_end) : 0..<0
        }

        func folded(of segment: sb_segment) -> String {
            String(decoding: foldedView(of: segment), as: UTF8.self)
        }

        func plain(of segment: sb_segment) -> String {
            String(decoding: plainView(of: segment), as: UTF8.self)
        }

        func foldedView(of segment: sb_segment) -> UnsafeRawBufferPointer {
            UnsafeRawBufferPointer(rebasing: foldedBytes[Int(segment.folded_start)..<Int(segment.folded_end)])
        }

        func plainView(of segment: sb_segment) -> UnsafeRawBufferPointer {
            UnsafeRawBufferPointer(rebasing: plainBytes[Int(segment.plain_start)..<Int(segment.plain_end)])
        }
    }

    /// Word break and both folds of UTF-8 `bytes` in one C call, into buffers that live on the
    /// stack for short messages; `body` sees them in place, without a copy.
    ///
    /// Pure-ASCII text takes the C side's shortcut past the break iterator unless
    /// `alwaysUsingICU`, which the tests set to check that the shortcut agrees with ICU.
    static func withSegments<R>(
        of bytes: UnsafeBufferPointer<UInt8>, alwaysUsingICU: Bool = false, _ body: (RawSegments) -> R
    ) -> R {
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            return body(
                RawSegments(
                    input: bytes, foldedBytes: .init(start: nil, count: 0),
                    plainBytes: .init(start: nil, count: 0), segments: .init(start: nil, count: 0)))
        }
        let length = Int32(clamping: bytes.count)
        var foldedCapacity = bytes.count + bytes.count / 2 + 32
        var plainCapacity = foldedCapacity
        // Word segments are separated or at least two bytes long in practice, so half the bytes
        // is room enough, and keeps more messages' buffers on the stack; a message that needs
        // more says so and is segmented again with room for all.
        var segmentCapacity = min(bytes.count + 1, bytes.count / 2 + 8)
        while true {
            let byteCount = foldedCapacity + plainCapacity
            let attempt: R? = withUnsafeTemporaryAllocation(byteCount: byteCount, alignment: 1) { text in
                withUnsafeTemporaryAllocation(of: sb_segment.self, capacity: segmentCapacity) { rawSegments in
                    let folded = text.baseAddress!.assumingMemoryBound(to: CChar.self)
                    let plain = folded + foldedCapacity
                    var output = sb_segment_output(
                        folded: folded, folded_capacity: Int32(foldedCapacity), folded_length: 0,
                        plain: plain, plain_capacity: Int32(plainCapacity), plain_length: 0,
                        segments: rawSegments.baseAddress, segment_capacity: Int32(segmentCapacity), segment_count: 0)
                    let status = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                        alwaysUsingICU
                            ? sb_segment_and_fold_with_icu($0, length, &output)
                            : sb_segment_and_fold($0, length, &output)
                    }
                    if status == SB_STATUS_BUFFER_TOO_SMALL {
                        foldedCapacity = max(foldedCapacity, Int(output.folded_length) + 16)
                        plainCapacity = max(plainCapacity, Int(output.plain_length) + 16)
                        segmentCapacity = max(segmentCapacity, Int(output.segment_count) + 1)
                        return nil
                    }
                    let ok = status == SB_STATUS_OK
                    return body(
                        RawSegments(
                            input: bytes,
                            foldedBytes: UnsafeRawBufferPointer(
                                start: folded, count: ok ? Int(output.folded_length) : 0),
                            plainBytes: UnsafeRawBufferPointer(start: plain, count: ok ? Int(output.plain_length) : 0),
                            segments: UnsafeBufferPointer(
                                start: rawSegments.baseAddress, count: ok ? Int(output.segment_count) : 0)))
                }
            }
            if let attempt { return attempt }
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
