/// The patterns of crowded anchor terms, found by their anchor and a word of their first
/// requirement group together, so that a window reads only those whose second word it holds.
///
/// At 10,000 intents a common word anchors hundreds of patterns, and walking its posting list
/// (a signature and a requirement check per entry) grew with the content: the scan the index is
/// there to avoid. A pattern whose first requirement group is one or two words (kept inline in
/// its ``IntentIndex/AnchoredPattern``) cannot become a candidate unless one of them is in the
/// window, so for an anchor with a long list those patterns move here, under each word, and the
/// window asks for the pairs of the anchor and each of its own words. Which patterns become
/// candidates does not change, only how they are found.
///
/// Groups with a concept stay in the posting list: a window at 10,000 intents touches hundreds
/// of concepts, and asking for a pair per concept cost more than the list.
struct AnchorPairs: Sendable {
    /// Posting lists at least this long are split into pairs: probing a pair per word of the
    /// window (about a dozen) costs about what checking this many entries does.
    static let crowdedListLength = 24

    /// By term: the `RequirementSignature` bits of the words it is paired with (0: not paired),
    /// so that most words of a window are passed over without a probe.
    private var pairedWordBits: [UInt64]
    /// Open addressing over `slotKeys`; `empty` marks a free slot.
    private var slotKeys: [UInt64]
    private var slotStarts: [Int32]
    private var slotEnds: [Int32]
    private var elements: [IntentIndex.AnchoredPattern]
    private var slotMask: Int

    private static let empty = UInt64.max

    /// Splits `anchored` (term → pattern, in posting order): patterns of crowded terms whose
    /// inline first group is words go into the pairs, the rest is returned for the posting lists.
    static func split(
        _ anchored: [(key: Int32, element: IntentIndex.AnchoredPattern)], termCount: Int
    ) -> (pairs: AnchorPairs, unpaired: [(key: Int32, element: IntentIndex.AnchoredPattern)]) {
        var listLengths = [Int32](repeating: 0, count: termCount)
        for entry in anchored where entry.key >= 0 && Int(entry.key) < termCount {
            listLengths[Int(entry.key)] += 1
        }
        let isCrowded = listLengths.map { $0 >= Int32(crowdedListLength) }
        var unpaired: [(key: Int32, element: IntentIndex.AnchoredPattern)] = []
        unpaired.reserveCapacity(anchored.count)
        var paired: [(key: UInt64, element: IntentIndex.AnchoredPattern)] = []
        for entry in anchored {
            guard entry.key >= 0, Int(entry.key) < termCount, isCrowded[Int(entry.key)],
                let options = entry.element.inlineFirstGroup, options.first >= 0, (options.second ?? 0) >= 0
            else {
                unpaired.append(entry)
                continue
            }
            paired.append((key(entry.key, options.first), entry.element))
            if let second = options.second, second != options.first {
                paired.append((key(entry.key, second), entry.element))
            }
        }
        return (AnchorPairs(termCount: termCount, paired), unpaired)
    }

    private init(termCount: Int, _ paired: [(key: UInt64, element: IntentIndex.AnchoredPattern)]) {
        pairedWordBits = [UInt64](repeating: 0, count: termCount)
        for (key, _) in paired {
            pairedWordBits[Int(key >> 32)] |= RequirementSignature.bit(Int32(truncatingIfNeeded: key))
        }
        // Stable: within a pair, patterns stay in posting order. Both halves of a key are terms,
        // so two counting passes sort it (the option, then the anchor) without comparing keys.
        func option(_ key: UInt64) -> Int { Int(UInt32(truncatingIfNeeded: key)) }
        let optionCount = paired.reduce(0) { max($0, option($1.key) + 1) }
        let byOption = Self.stablySorted(paired, bucketCount: optionCount) { option($0.key) }
        let sorted = Self.stablySorted(byOption, bucketCount: termCount) { Int($0.key >> 32) }
        elements = sorted.map { $0.element }
        var distinctKeys = 0
        for (index, entry) in sorted.enumerated() where index == 0 || sorted[index - 1].key != entry.key {
            distinctKeys += 1
        }
        var capacity = 16
        while capacity < distinctKeys * 2 { capacity *= 2 }
        slotMask = capacity - 1
        slotKeys = [UInt64](repeating: Self.empty, count: capacity)
        slotStarts = [Int32](repeating: 0, count: capacity)
        slotEnds = [Int32](repeating: 0, count: capacity)
        var start = 0
        while start < sorted.count {
            let key = sorted[start].key
            var end = start + 1
            while end < sorted.count && sorted[end].key == key { end += 1 }
            var slot = Self.slot(of: key) & slotMask
            while slotKeys[slot] != Self.empty { slot = (slot + 1) & slotMask }
            slotKeys[slot] = key
            slotStarts[slot] = Int32(start)
            slotEnds[slot] = Int32(end)
            start = end
        }
    }

    /// `items` ordered by `bucket` (from 0 to `bucketCount - 1`), items of a bucket in the
    /// order given.
    ///
    /// - Complexity: O(`items.count` + `bucketCount`).
    private static func stablySorted<Item>(
        _ items: [Item], bucketCount: Int, by bucket: (Item) -> Int
    ) -> [Item] {
        var next = [Int](repeating: 0, count: bucketCount + 1)
        for item in items { next[bucket(item) + 1] += 1 }
        for index in 0..<bucketCount { next[index + 1] += next[index] }
        return [Item](unsafeUninitializedCapacity: items.count) { buffer, initialized in
            for item in items {
                let place = bucket(item)
                buffer.initializeElement(at: next[place], to: item)
                next[place] += 1
            }
            initialized = items.count
        }
    }

    /// Whether some of `term`'s patterns are found through pairs.
    @inline(__always)
    func isPaired(_ term: Int32) -> Bool {
        term >= 0 && Int(term) < pairedWordBits.count && pairedWordBits[Int(term)] != 0
    }

    /// The patterns anchored on `anchor` whose first requirement group has the word `option`.
    subscript(anchor: Int32, option: Int32) -> ArraySlice<IntentIndex.AnchoredPattern> {
        elements[range(anchor: anchor, option: option)]
    }

    /// Calls `body` with the patterns of each pair of `anchor` (a paired term) and a word of
    /// `words`, read in place.
    @inline(__always)
    func forEachPair(
        anchor: Int32, words: UnsafeBufferPointer<Int32>, _ body: (IntentIndex.AnchoredPattern) -> Void
    ) {
        let wordBits = pairedWordBits[Int(anchor)]
        elements.withUnsafeBufferPointer { elements in
            for word in words where wordBits & RequirementSignature.bit(word) != 0 {
                for index in range(anchor: anchor, option: word) { body(elements[index]) }
            }
        }
    }

    @inline(__always)
    private func range(anchor: Int32, option: Int32) -> Range<Int> {
        let key = Self.key(anchor, option)
        var slot = Self.slot(of: key) & slotMask
        while true {
            let found = slotKeys[slot]
            if found == key { return Int(slotStarts[slot])..<Int(slotEnds[slot]) }
            if found == Self.empty { return 0..<0 }
            slot = (slot + 1) & slotMask
        }
    }

    /// The number of pattern entries held here (a pattern counts once per option).
    var count: Int { elements.count }

    @inline(__always)
    private static func key(_ anchor: Int32, _ option: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: anchor)) << 32 | UInt64(UInt32(bitPattern: option))
    }

    @inline(__always)
    private static func slot(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40)
    }
}
