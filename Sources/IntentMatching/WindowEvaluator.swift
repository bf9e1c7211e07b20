/// Evaluates flattened patterns (`PatternCode`) over one window of a message.
///
/// Everything it reads is raw memory: the code and concept tables the index owns, and the
/// window's term and concept positions. Concept results from "anywhere in the window" are
/// remembered, because vetoes and unordered items ask for the same concepts pattern after
/// pattern.
struct WindowEvaluator {
    /// A concept form of several plain words found in the window: where it starts, how long it is.
    struct ConceptRun {
        var concept: Int32
        var length: Int32
        var starts: WordPositions
    }

    let code: UnsafeBufferPointer<Int32>
    /// Per concept: where its forms that are not plain words start in `code`, or -1.
    let conceptLongerForms: UnsafeBufferPointer<Int32>
    let terms: TermPositionTable
    /// Per concept: where its one-word forms are in the window (read only under `hasSingles`).
    let conceptSingles: UnsafeMutableBufferPointer<WordPositions>
    /// Per concept: where it ends when it may start anywhere, once asked.
    let conceptAnywhere: UnsafeMutableBufferPointer<WordPositions>
    /// Per concept: `hasRuns`, `remembered` and `hasSingles` bits.
    let conceptState: UnsafeMutableBufferPointer<UInt8>
    /// Per concept that has runs: where they start in `runs`, sorted by concept.
    let conceptFirstRun: UnsafeMutableBufferPointer<Int32>
    let runs: UnsafeBufferPointer<ConceptRun>
    /// Per `remembered` slot: its result and whether it is known yet.
    let remembered: UnsafeMutableBufferPointer<WordPositions>
    let rememberedState: UnsafeMutableBufferPointer<UInt8>
    /// Every word of the window.
    let everywhere: WordPositions

    static let hasRuns: UInt8 = 1
    static let remembered: UInt8 = 2
    static let hasSingles: UInt8 = 4

    /// Where the node at `start` can end when it starts at any of `starts`: bit i means "the
    /// next word is i".
    func ends(_ start: Int, from starts: WordPositions) -> WordPositions {
        let operand = Int(code[start + 1])
        switch code[start] {
        case PatternCode.Opcode.term:
            return (starts & terms[Int32(operand)]) << 1
        case PatternCode.Opcode.concept:
            return conceptEnds(operand, from: starts)
        case PatternCode.Opcode.gap:
            var positions = starts
            var shifted = starts
            for _ in 0..<operand {
                shifted <<= 1
                positions |= shifted
            }
            return positions
        case PatternCode.Opcode.sequence:
            var positions = starts
            var child = start + 2
            while child < operand {
                positions = ends(child, from: positions)
                if positions == 0 { return 0 }
                child = next(after: child)
            }
            return positions
        case PatternCode.Opcode.alternatives:
            var positions: WordPositions = 0
            var child = start + 2
            while child < operand {
                positions |= ends(child, from: starts)
                child = next(after: child)
            }
            return positions
        case PatternCode.Opcode.optional:
            return starts | ends(start + 2, from: starts)
        case PatternCode.Opcode.all:
            var child = start + 2
            while child < operand {
                if ends(child, from: everywhere) == 0 { return 0 }
                child = next(after: child)
            }
            return starts
        default:
            let slot = Int(code[start + 2])
            guard starts == everywhere else { return ends(start + 3, from: starts) }
            if rememberedState[slot] != 0 { return remembered[slot] }
            let positions = ends(start + 3, from: starts)
            remembered[slot] = positions
            rememberedState[slot] = 1
            return positions
        }
    }

    private func next(after start: Int) -> Int {
        switch code[start] {
        case PatternCode.Opcode.term, PatternCode.Opcode.concept, PatternCode.Opcode.gap: return start + 2
        default: return Int(code[start + 1])
        }
    }

    private func conceptEnds(_ concept: Int, from starts: WordPositions) -> WordPositions {
        let anywhere = starts == everywhere
        if anywhere, conceptState[concept] & Self.remembered != 0 { return conceptAnywhere[concept] }
        var positions: WordPositions =
            conceptState[concept] & Self.hasSingles != 0 ? (starts & conceptSingles[concept]) << 1 : 0
        if conceptState[concept] & Self.hasRuns != 0 {
            var number = Int(conceptFirstRun[concept])
            while number < runs.count, Int(runs[number].concept) == concept {
                positions |= (starts & runs[number].starts) << WordPositions(runs[number].length)
                number += 1
            }
        }
        let longer = Int(conceptLongerForms[concept])
        if longer >= 0 { positions |= ends(longer, from: starts) }
        if anywhere {
            conceptAnywhere[concept] = positions
            conceptState[concept] |= Self.remembered
        }
        return positions
    }
}
