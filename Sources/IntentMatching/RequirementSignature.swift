/// A pattern's requirements folded into 64 bits, kept beside it in its anchor's posting list,
/// so that most candidates are dropped without reading their requirements.
///
/// Each group of `PatternRequirements` with a single option (a term, or `-1 - concept`) sets
/// one bit; a window sets the bits of every term and concept it holds. A pattern whose bits are
/// not all among the window's lacks something it requires. Groups of several options set no
/// bit: the requirements check itself still decides them. At 10,000 intents reading every
/// candidate's requirements, scattered over megabytes, had been half the cost of a message.
enum RequirementSignature {
    /// The bit of an option.
    @inline(__always)
    static func bit(_ option: Int32) -> UInt64 {
        1 << UInt64((UInt32(bitPattern: option) &* 0x9E37_79B1) >> 26)
    }

    /// The bits of the single-option groups of flattened `requirements`.
    static func of(_ requirements: ArraySlice<Int32>) -> UInt64 {
        var signature: UInt64 = 0
        var index = requirements.startIndex
        while index < requirements.endIndex {
            let count = Int(requirements[index])
            if count == 1 { signature |= bit(requirements[index + 1]) }
            index += 1 + count
        }
        return signature
    }

    /// Whether a pattern of `signature` may meet its requirements in a window of `window`.
    @inline(__always)
    static func mayBeMet(_ signature: UInt64, in window: UInt64) -> Bool {
        signature & ~window == 0
    }
}

extension IntentIndex {
    /// A pattern in its anchor's posting list, with its `RequirementSignature` split in halves
    /// so that an entry takes 12 bytes, not 16.
    struct AnchoredPattern: Sendable {
        var pattern: Int32
        private var signatureLow: UInt32
        private var signatureHigh: UInt32

        init(pattern: Int32, signature: UInt64) {
            self.pattern = pattern
            signatureLow = UInt32(truncatingIfNeeded: signature)
            signatureHigh = UInt32(truncatingIfNeeded: signature >> 32)
        }

        var signature: UInt64 { UInt64(signatureHigh) << 32 | UInt64(signatureLow) }
    }

    /// `anchors` (term → pattern) with each pattern's signature, worked out from its entry's
    /// flattened requirements.
    static func anchoredPatterns(
        _ anchors: [(key: Int32, element: Int32)], entries: [PatternEntry], requirements: [Int32]
    ) -> [(key: Int32, element: AnchoredPattern)] {
        let signatures = entries.map { entry in
            let start = Int(entry.requirementsStart)
            return RequirementSignature.of(requirements[start..<start + Int(entry.requirementsCount)])
        }
        return anchors.map { ($0.key, AnchoredPattern(pattern: $0.element, signature: signatures[Int($0.element)])) }
    }
}
