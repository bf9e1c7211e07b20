/// The memory one window's evaluation works in, carved from one temporary allocation (on the
/// stack when small) so that matching a message allocates nothing per concept or pattern.
struct WindowScratch {
    /// The window's term table (`TermPositionTable`).
    var keys: UnsafeMutableBufferPointer<Int32>
    var termPositions: UnsafeMutableBufferPointer<WordPositions>
    /// Per concept: where its one-word forms are in the window (read only under `hasSingles`).
    var conceptSingles: UnsafeMutableBufferPointer<WordPositions>
    /// Per concept: where it ends when it may start anywhere, once asked.
    var conceptAnywhere: UnsafeMutableBufferPointer<WordPositions>
    /// Per concept that has runs: where they start in the window's runs, sorted by concept.
    var conceptFirstRun: UnsafeMutableBufferPointer<Int32>
    /// Per concept: `hasRuns`, `remembered` and `hasSingles` bits.
    var conceptState: UnsafeMutableBufferPointer<UInt8>
    /// Per `remembered` slot of the code: its result and whether it is known yet.
    var remembered: UnsafeMutableBufferPointer<WordPositions>
    var rememberedState: UnsafeMutableBufferPointer<UInt8>
    /// One bit per pattern: already a candidate in this window.
    var seenPatterns: UnsafeMutableBufferPointer<UInt8>

    static let hasRuns: UInt8 = 1
    static let remembered: UInt8 = 2
    static let hasSingles: UInt8 = 4

    /// Calls `body` with scratch for a window of `termCapacity` table slots, over an index of
    /// `conceptCount` concepts, `rememberedCount` remembered slots and `patternCount` patterns.
    /// Nothing is initialised: `startWindow` clears what must start at zero.
    static func withScratch<Result>(
        termCapacity: Int, conceptCount: Int, rememberedCount: Int, patternCount: Int,
        _ body: (WindowScratch) -> Result
    ) -> Result {
        let wide = termCapacity + 2 * conceptCount + rememberedCount
        let narrow = termCapacity + conceptCount
        let bytes = 2 * conceptCount + rememberedCount + (patternCount + 7) / 8
        let byteCount =
            wide * MemoryLayout<WordPositions>.stride + narrow * MemoryLayout<Int32>.stride + bytes
        return withUnsafeTemporaryAllocation(byteCount: byteCount, alignment: MemoryLayout<WordPositions>.alignment) {
            raw in
            // Widest elements first, so every part stays aligned.
            var rest = raw
            func carve<Element>(_ count: Int) -> UnsafeMutableBufferPointer<Element> {
                let size = count * MemoryLayout<Element>.stride
                let part = UnsafeMutableRawBufferPointer(rebasing: rest[..<size]).bindMemory(to: Element.self)
                rest = UnsafeMutableRawBufferPointer(rebasing: rest[size...])
                return part
            }
            let termPositions: UnsafeMutableBufferPointer<WordPositions> = carve(termCapacity)
            let conceptSingles: UnsafeMutableBufferPointer<WordPositions> = carve(conceptCount)
            let conceptAnywhere: UnsafeMutableBufferPointer<WordPositions> = carve(conceptCount)
            let remembered: UnsafeMutableBufferPointer<WordPositions> = carve(rememberedCount)
            let keys: UnsafeMutableBufferPointer<Int32> = carve(termCapacity)
            let conceptFirstRun: UnsafeMutableBufferPointer<Int32> = carve(conceptCount)
            let conceptState: UnsafeMutableBufferPointer<UInt8> = carve(conceptCount)
            let rememberedState: UnsafeMutableBufferPointer<UInt8> = carve(rememberedCount)
            let seenPatterns: UnsafeMutableBufferPointer<UInt8> = carve((patternCount + 7) / 8)
            return body(
                WindowScratch(
                    keys: keys, termPositions: termPositions, conceptSingles: conceptSingles,
                    conceptAnywhere: conceptAnywhere, conceptFirstRun: conceptFirstRun, conceptState: conceptState,
                    remembered: remembered, rememberedState: rememberedState, seenPatterns: seenPatterns))
        }
    }

    /// Clears the state a window starts from; masks are read only once their state bit is set.
    func startWindow() {
        conceptState.update(repeating: 0)
        rememberedState.update(repeating: 0)
        seenPatterns.update(repeating: 0)
    }
}
