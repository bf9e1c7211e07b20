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

    /// Per concept: whether a signature may hold its bit, as the single option of a group of
    /// some pattern's flattened `requirements`.
    static func signedConcepts(
        _ entries: [IntentIndex.PatternEntry], requirements: [Int32], conceptCount: Int
    ) -> [Bool] {
        var isSigned = [Bool](repeating: false, count: conceptCount)
        for entry in entries {
            var index = Int(entry.requirementsStart)
            let end = index + Int(entry.requirementsCount)
            while index < end {
                let count = Int(requirements[index])
                if count == 1, requirements[index + 1] < 0 { isSigned[Int(-1 - requirements[index + 1])] = true }
                index += 1 + count
            }
        }
        return isSigned
    }

    /// Whether a pattern of `signature` may meet its requirements in a window of `window`.
    @inline(__always)
    static func mayBeMet(_ signature: UInt64, in window: UInt64) -> Bool {
        signature & ~window == 0
    }
}

extension IntentIndex {
    /// A pattern in its anchor's posting list, with its `RequirementSignature` (split in halves,
    /// so that an entry takes 20 bytes, not 24) and the options of its first requirement group
    /// when there are one or two: the rarest group, the one most candidates fail on, checked
    /// without reading the pattern's requirements.
    struct AnchoredPattern: Sendable {
        /// The pattern's number, and in the top bit whether the requirements kept here (the
        /// first group, or none) are all it has: such a candidate, once that group is met, is
        /// kept without reading its entry and its requirements.
        private var patternAndFlag: UInt32
        private var signatureLow: UInt32
        private var signatureHigh: UInt32
        /// The first group's options, `none` where absent; both `none` when it has more than two.
        private var firstOption: Int32
        private var secondOption: Int32

        private static let none = Int32.min
        private static let requirementsAreHere: UInt32 = 1 << 31

        /// `requirementGroupCount`: how many groups the pattern's requirements have in all; the
        /// default, more than one, makes the matcher read them.
        init(pattern: Int32, signature: UInt64, firstGroup: ArraySlice<Int32>, requirementGroupCount: Int = 2) {
            signatureLow = UInt32(truncatingIfNeeded: signature)
            signatureHigh = UInt32(truncatingIfNeeded: signature >> 32)
            let inlined = (1...2).contains(firstGroup.count)
            firstOption = inlined ? firstGroup[firstGroup.startIndex] : Self.none
            secondOption = inlined && firstGroup.count == 2 ? firstGroup[firstGroup.startIndex + 1] : Self.none
            let isComplete = requirementGroupCount == 0 || (requirementGroupCount == 1 && inlined)
            patternAndFlag = UInt32(pattern) | (isComplete ? Self.requirementsAreHere : 0)
        }

        var pattern: Int32 { Int32(bitPattern: patternAndFlag & ~Self.requirementsAreHere) }

        var signature: UInt64 { UInt64(signatureHigh) << 32 | UInt64(signatureLow) }

        /// Whether the first group, when met, is all the pattern requires (or it requires nothing).
        var requirementsAreComplete: Bool { patternAndFlag & Self.requirementsAreHere != 0 }

        /// Whether the first requirement group is kept here, so that the requirements still to
        /// check start after it.
        var hasInlineFirstGroup: Bool { firstOption != Self.none }

        /// The first requirement group's options when they are kept here (one or two).
        var inlineFirstGroup: (first: Int32, second: Int32?)? {
            guard firstOption != Self.none else { return nil }
            return (firstOption, secondOption == Self.none ? nil : secondOption)
        }

        /// False when the first requirement group is kept here and none of its options `isPresent`.
        @inline(__always)
        func mayMeetFirstGroup(_ isPresent: (Int32) -> Bool) -> Bool {
            guard firstOption != Self.none else { return true }
            return isPresent(firstOption) || (secondOption != Self.none && isPresent(secondOption))
        }
    }

    /// `anchors` (term → pattern) with each pattern's signature, worked out from its entry's
    /// flattened requirements.
    static func anchoredPatterns(
        _ anchors: [(key: Int32, element: Int32)], entries: [PatternEntry], requirements: [Int32]
    ) -> [(key: Int32, element: AnchoredPattern)] {
        let summaries = entries.map { entry in
            let start = Int(entry.requirementsStart)
            let flattened = requirements[start..<start + Int(entry.requirementsCount)]
            let firstGroup = flattened.isEmpty ? [] : flattened.dropFirst().prefix(Int(flattened.first!))
            // No group, one, or more: all the posting needs to know.
            let groupCount = flattened.isEmpty ? 0 : firstGroup.count + 1 == flattened.count ? 1 : 2
            return (signature: RequirementSignature.of(flattened), firstGroup: firstGroup, groupCount: groupCount)
        }
        return anchors.map { anchor in
            let summary = summaries[Int(anchor.element)]
            return (
                anchor.key,
                AnchoredPattern(
                    pattern: anchor.element, signature: summary.signature, firstGroup: summary.firstGroup,
                    requirementGroupCount: summary.groupCount)
            )
        }
    }
}
