import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The memory one window's evaluation works in: a slot per concept, remembered node and
/// pattern of the index, so that matching a message allocates nothing per concept or pattern.
///
/// It is as large as the index (megabytes at 10,000 intents), so it is not made per window:
/// `Pool` keeps it between messages, and a window clears only the entries it touched. Clearing
/// all of it per window had been a fifth of the cost of a message at 10,000 intents.
struct WindowScratch {
    /// Per term of the index: where it is in the window (0 when it is not); cleared through the
    /// window's terms. One read where a hash table over the window's terms took a probe loop.
    let terms: WindowTermPositions
    /// Per concept: where its one-word forms are in the window (read only under `hasSingles`,
    /// complete under `singlesKnown`).
    let conceptSingles: UnsafeMutableBufferPointer<WordPositions>
    /// Per concept: where it ends when it may start anywhere, once asked.
    let conceptAnywhere: UnsafeMutableBufferPointer<WordPositions>
    /// Per concept that has runs: its last run in the window's runs, which chain to the others.
    let conceptFirstRun: UnsafeMutableBufferPointer<Int32>
    /// Per concept: `hasRuns`, `remembered`, `hasSingles` and `singlesKnown` bits; set through
    /// `markConcept`.
    let conceptState: UnsafeMutableBufferPointer<UInt8>
    /// Per `remembered` slot of the code: its result and whether it is known yet; the state is
    /// set through `markSlot`.
    let remembered: UnsafeMutableBufferPointer<WordPositions>
    let rememberedState: UnsafeMutableBufferPointer<UInt8>
    /// One bit per pattern: already a candidate in this window; set through `markSeen`.
    let seenPatterns: UnsafeMutableBufferPointer<UInt8>
    /// What the window set, to clear: concepts, slots and bytes of `seenPatterns`, each listed
    /// once (when it leaves zero), so no list outgrows its table.
    private let touchedConcepts: UnsafeMutableBufferPointer<Int32>
    private let touchedSlots: UnsafeMutableBufferPointer<Int32>
    private let touchedSeenBytes: UnsafeMutableBufferPointer<Int32>
    /// How many entries each touched list holds.
    private let touchedCounts: UnsafeMutablePointer<Int>
    /// The lists one message fills (its words and terms, each window's terms, runs and
    /// candidates), kept with their memory between messages.
    let lists: UnsafeMutablePointer<MessageLists>

    static let hasRuns: UInt8 = 1
    static let remembered: UInt8 = 2
    static let hasSingles: UInt8 = 4
    static let singlesKnown: UInt8 = 8

    /// Whether one of the concept's plain forms (a word, or a run of words) is in the window.
    @inline(__always)
    func hasPlainForm(_ concept: Int, _ crowdedSingleTerms: PostingLists<Int32>) -> Bool {
        let state = conceptState[concept]
        if state & (Self.hasRuns | Self.hasSingles) != 0 { return true }
        if state & Self.singlesKnown != 0 || !crowdedSingleTerms.hasElements { return false }
        return lookUpCrowdedSingles(concept, crowdedSingleTerms) != 0
    }

    /// Where the concept's one-word forms are in the window: those `addSingles` marked, and its
    /// forms that are crowded words (`crowdedSingleTerms`, by concept), looked up the first time
    /// the window asks. A crowded word is a form of so many concepts (at 10,000 intents, of
    /// hundreds of choices lifted out of patterns) that marking them all up front cost more
    /// than the few dozen the window asks about.
    @inline(__always)
    func singles(of concept: Int, _ crowdedSingleTerms: PostingLists<Int32>) -> WordPositions {
        let state = conceptState[concept]
        if state & Self.singlesKnown != 0 || !crowdedSingleTerms.hasElements {
            return state & Self.hasSingles != 0 ? conceptSingles[concept] : 0
        }
        return lookUpCrowdedSingles(concept, crowdedSingleTerms)
    }

    /// Adds the concept's crowded words in the window to its marked one-word forms, once.
    @inline(__always)
    private func lookUpCrowdedSingles(_ concept: Int, _ crowdedSingleTerms: PostingLists<Int32>) -> WordPositions {
        let state = conceptState[concept]
        var mask: WordPositions = state & Self.hasSingles != 0 ? conceptSingles[concept] : 0
        crowdedSingleTerms.forEach(Int32(concept)) { mask |= terms[$0] }
        markConcept(concept, mask != 0 ? Self.singlesKnown | Self.hasSingles : Self.singlesKnown)
        conceptSingles[concept] = mask
        return mask
    }

    /// Adds `mask` to where each of `concepts` has a one-word form. Runs before the window asks
    /// about any concept. The touched count stays in a register meanwhile.
    @inline(__always)
    func addSingles(_ concepts: UnsafeBufferPointer<Int32>, at mask: WordPositions) {
        // The tables in locals: read through `self`, their addresses were loaded again after
        // every store (a message marks dozens of concepts here).
        let (states, singles, touchedList) = (conceptState, conceptSingles, touchedConcepts)
        var touched = touchedCounts[0]
        for concept in concepts {
            let index = Int(concept)
            let state = states[index]
            // Masks are only read once the state bit says so: a new concept's is set, not added to.
            if state & Self.hasSingles == 0 {
                if state == 0 {
                    touchedList[touched] = concept
                    touched &+= 1
                }
                states[index] = state | Self.hasSingles
                singles[index] = mask
            } else {
                singles[index] |= mask
            }
        }
        touchedCounts[0] = touched
    }

    /// Sets `bits` in a concept's state.
    @inline(__always)
    func markConcept(_ concept: Int, _ bits: UInt8) {
        if conceptState[concept] == 0 {
            touchedConcepts[touchedCounts[0]] = Int32(concept)
            touchedCounts[0] += 1
        }
        conceptState[concept] |= bits
    }

    /// Sets a remembered slot's state (never 0).
    @inline(__always)
    func markSlot(_ slot: Int, _ state: UInt8) {
        if rememberedState[slot] == 0 {
            touchedSlots[touchedCounts[1]] = Int32(slot)
            touchedCounts[1] += 1
        }
        rememberedState[slot] = state
    }

    /// Marks a pattern seen in this window; false when it already was.
    @inline(__always)
    func markSeen(_ pattern: Int32) -> Bool {
        let (byte, bit) = (Int(pattern) >> 3, UInt8(1) << UInt8(pattern & 7))
        let current = seenPatterns[byte]
        guard current & bit == 0 else { return false }
        if current == 0 {
            touchedSeenBytes[touchedCounts[2]] = Int32(byte)
            touchedCounts[2] += 1
        }
        seenPatterns[byte] = current | bit
        return true
    }

    /// Clears what the window set, so the next window starts from zero.
    func clearTouched() {
        // Each table in a local, as in `addSingles`: its address stays in a register.
        let positions = terms.positions
        for term in lists.pointee.windowTerms.elements { positions[Int(term)] = 0 }
        let (states, concepts) = (conceptState, touchedConcepts)
        for index in 0..<touchedCounts[0] { states[Int(concepts[index])] = 0 }
        let (slotStates, slots) = (rememberedState, touchedSlots)
        for index in 0..<touchedCounts[1] { slotStates[Int(slots[index])] = 0 }
        let (seen, seenBytes) = (seenPatterns, touchedSeenBytes)
        for index in 0..<touchedCounts[2] { seen[Int(seenBytes[index])] = 0 }
        touchedCounts.update(repeating: 0, count: 3)
    }

    /// Scratch for one index, kept between messages; one per thread that matches at a time.
    final class Pool: @unchecked Sendable {
        /// The storage given back last: with one thread matching at a time, the common case, it
        /// is taken and given back with one atomic operation each, without the lock (which, with
        /// the retain and release of the storage, had cost some 350 instructions a message).
        /// Held unretained: `all` keeps every storage alive.
        private let latest = Atomic<Unmanaged<Storage>?>(nil)
        private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        // Both only read and written under `lock`: the runtime's exclusivity checks had cost
        // more than the lock itself.
        /// Storage given back while `latest` was taken.
        @exclusivity(unchecked) private var idle: [Unmanaged<Storage>] = []
        /// Every storage made, which the pool owns.
        @exclusivity(unchecked) private var all: [Storage] = []

        init() {
            pthread_mutex_init(lock, nil)
        }

        deinit {
            pthread_mutex_destroy(lock)
            lock.deallocate()
        }

        /// Calls `body` with cleared scratch (its lists emptied) for an index of `termCount` terms,
        /// `conceptCount` concepts,
        /// `rememberedCount` remembered slots and `patternCount` patterns.
        func withScratch<Result>(
            termCount: Int, conceptCount: Int, rememberedCount: Int, patternCount: Int,
            _ body: (WindowScratch) -> Result
        ) -> Result {
            let shape = Storage.Shape(
                terms: termCount, concepts: conceptCount, slots: rememberedCount, patterns: patternCount)
            var storage = latest.exchange(nil, ordering: .acquiring) ?? takeIdle(shape)
            if storage.takeUnretainedValue().shape != shape { storage = replace(storage, shape) }
            let scratch = storage.takeUnretainedValue().scratch
            scratch.lists.pointee.removeAll()
            defer {
                if !latest.compareExchange(expected: nil, desired: storage, ordering: .releasing).exchanged {
                    pthread_mutex_lock(lock)
                    idle.append(storage)
                    pthread_mutex_unlock(lock)
                }
            }
            return body(scratch)
        }

        /// Storage for a thread that found `latest` taken: one given back meanwhile, or a new one.
        private func takeIdle(_ shape: Storage.Shape) -> Unmanaged<Storage> {
            pthread_mutex_lock(lock)
            defer { pthread_mutex_unlock(lock) }
            if let reused = idle.popLast() { return reused }
            let made = Storage(shape)
            all.append(made)
            return Unmanaged.passUnretained(made)
        }

        /// New storage of `shape` in place of `old`, which no other thread holds.
        private func replace(_ old: Unmanaged<Storage>, _ shape: Storage.Shape) -> Unmanaged<Storage> {
            pthread_mutex_lock(lock)
            defer { pthread_mutex_unlock(lock) }
            let made = Storage(shape)
            all.removeAll { $0 === old.takeUnretainedValue() }
            all.append(made)
            return Unmanaged.passUnretained(made)
        }
    }

    /// One zero-filled allocation carved into a `WindowScratch`.
    final class Storage {
        struct Shape: Equatable {
            var terms: Int
            var concepts: Int
            var slots: Int
            var patterns: Int
        }

        let shape: Shape
        let scratch: WindowScratch
        private let memory: UnsafeMutableRawBufferPointer
        private let lists: UnsafeMutablePointer<MessageLists>

        init(_ shape: Shape) {
            self.shape = shape
            let seenBytes = (shape.patterns + 7) / 8
            let wide = shape.terms + 2 * shape.concepts + shape.slots
            let narrow = shape.concepts + shape.concepts + shape.slots + seenBytes + 3 * 2
            let bytes = 2 * shape.concepts + shape.slots + seenBytes
            let byteCount =
                wide * MemoryLayout<WordPositions>.stride + narrow * MemoryLayout<Int32>.stride + bytes
            memory = .allocate(byteCount: byteCount, alignment: MemoryLayout<WordPositions>.alignment)
            memory.initializeMemory(as: UInt8.self, repeating: 0)
            // Widest elements first, so every part stays aligned.
            var rest = memory
            func carve<Element>(_ count: Int) -> UnsafeMutableBufferPointer<Element> {
                let size = count * MemoryLayout<Element>.stride
                let part = UnsafeMutableRawBufferPointer(rebasing: rest[..<size]).bindMemory(to: Element.self)
                rest = UnsafeMutableRawBufferPointer(rebasing: rest[size...])
                return part
            }
            let termPositions: UnsafeMutableBufferPointer<WordPositions> = carve(shape.terms)
            let conceptSingles: UnsafeMutableBufferPointer<WordPositions> = carve(shape.concepts)
            let conceptAnywhere: UnsafeMutableBufferPointer<WordPositions> = carve(shape.concepts)
            let remembered: UnsafeMutableBufferPointer<WordPositions> = carve(shape.slots)
            let counts: UnsafeMutableBufferPointer<Int> = carve(3)
            let conceptFirstRun: UnsafeMutableBufferPointer<Int32> = carve(shape.concepts)
            let touchedConcepts: UnsafeMutableBufferPointer<Int32> = carve(shape.concepts)
            let touchedSlots: UnsafeMutableBufferPointer<Int32> = carve(shape.slots)
            let touchedSeenBytes: UnsafeMutableBufferPointer<Int32> = carve(seenBytes)
            let conceptState: UnsafeMutableBufferPointer<UInt8> = carve(shape.concepts)
            let rememberedState: UnsafeMutableBufferPointer<UInt8> = carve(shape.slots)
            let seenPatterns: UnsafeMutableBufferPointer<UInt8> = carve(seenBytes)
            lists = .allocate(capacity: 1)
            lists.initialize(to: MessageLists())
            scratch = WindowScratch(
                terms: WindowTermPositions(positions: termPositions), conceptSingles: conceptSingles,
                conceptAnywhere: conceptAnywhere, conceptFirstRun: conceptFirstRun,
                conceptState: conceptState, remembered: remembered, rememberedState: rememberedState,
                seenPatterns: seenPatterns, touchedConcepts: touchedConcepts, touchedSlots: touchedSlots,
                touchedSeenBytes: touchedSeenBytes, touchedCounts: counts.baseAddress!, lists: lists)
        }

        deinit {
            lists.pointee.deallocate()
            lists.deinitialize(count: 1)
            lists.deallocate()
            memory.deallocate()
        }
    }
}

/// The lists a message fills while it is matched. Their memory stays with the pooled scratch,
/// so a message allocates none of them: growing them from empty had been dozens of allocations
/// and frees per message.
struct MessageLists {
    /// The message's words; each word's terms are a run of `terms`.
    var words = ScratchList<IntentIndex.MessageWord>(capacity: 64)
    var terms = ScratchList<Int32>(capacity: 128)
    /// How many of the words are content words without a term, counted as the words are made.
    var unmatchedWordCount = 0
    /// Per window: its distinct terms, the concept runs found in it and the patterns to evaluate.
    var windowTerms = ScratchList<Int32>(capacity: 64)
    var runs = ScratchList<ConceptRun>(capacity: 32)
    var candidates = ScratchList<Int32>(capacity: 256)
    /// The best patterns' list, lent to each message's `BestPatterns`.
    var found: [BestPatterns.Found] = []

    mutating func removeAll() {
        words.count = 0
        terms.count = 0
        unmatchedWordCount = 0
        windowTerms.count = 0
        runs.count = 0
        candidates.count = 0
    }

    func deallocate() {
        words.deallocate()
        terms.deallocate()
        windowTerms.deallocate()
        runs.deallocate()
        candidates.deallocate()
    }
}

/// A growable list of plain values over memory it manages itself: no reference counting, no
/// uniqueness checks, and the memory is kept when the list is emptied.
struct ScratchList<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var capacity: Int
    var count = 0

    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 1)
        base = .allocate(capacity: self.capacity)
    }

    var elements: UnsafeMutableBufferPointer<Element> { UnsafeMutableBufferPointer(start: base, count: count) }

    @inline(__always)
    subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow(to: 2 * capacity) }
        (base + count).initialize(to: element)
        count += 1
    }

    /// Makes room for `minimum` elements in all.
    mutating func reserve(_ minimum: Int) {
        if minimum > capacity { grow(to: Swift.max(minimum, 2 * capacity)) }
    }

    @inline(never)
    private mutating func grow(to newCapacity: Int) {
        let grown = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        grown.initialize(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = newCapacity
    }

    func deallocate() {
        base.deallocate()
    }
}

extension ScratchList where Element: Comparable {
    /// Inserts `element` in its place in a list kept sorted: for short lists, cheaper than
    /// sorting them once they are complete.
    @inline(__always)
    mutating func insertSorted(_ element: Element) {
        append(element)
        var index = count - 1
        while index > 0, base[index - 1] > element {
            base[index] = base[index - 1]
            index -= 1
        }
        base[index] = element
    }
}

/// Where each term of the index is in a window, read and set in place.
struct WindowTermPositions {
    let positions: UnsafeMutableBufferPointer<WordPositions>

    /// Where `term` occurs; none when it does not.
    @inline(__always)
    subscript(term: Int32) -> WordPositions { positions[Int(term)] }

    /// Adds `newPositions` (not empty) to what `term` already has; true when `term` is new.
    @inline(__always)
    func insert(_ term: Int32, _ newPositions: WordPositions) -> Bool {
        let current = positions[Int(term)]
        positions[Int(term)] = current | newPositions
        return current == 0
    }
}
