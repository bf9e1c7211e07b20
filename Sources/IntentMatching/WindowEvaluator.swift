/// A concept form of several plain words found in the window: where it starts, how long it
/// is, and the concept's run found before it in the window (-1 for none).
struct ConceptRun {
    var concept: Int32
    var length: Int32
    var starts: WordPositions
    var next: Int32 = -1
}

/// Evaluates flattened patterns (`PatternCode`) over one window of a message.
///
/// Everything it reads is raw memory: the code and concept tables the index owns, and the
/// window's term and concept positions. Concept results from "anywhere in the window" are
/// remembered, because vetoes and unordered items ask for the same concepts pattern after
/// pattern.
///
/// It works in `Positions`: `UInt64` for a window of fewer than 64 words, where a set of
/// positions is one register (a `UInt128` takes two, and its shifts a dozen instructions), and
/// `WordPositions` otherwise. The window's tables hold `WordPositions`; a narrow evaluator reads
/// their low half. Fewer than 64, not 64: a match that ends on the window's last word ends at
/// its position `count`, which must still be a bit of `Positions`.
struct WindowEvaluator<Positions: FixedWidthInteger & UnsignedInteger> {
    let code: UnsafeBufferPointer<Int32>
    /// Per concept: where its forms that are not plain words start in `code`, or -1.
    let conceptLongerForms: UnsafeBufferPointer<Int32>
    let terms: WindowTermPositions
    let scratch: WindowScratch
    /// Per concept: its one-word forms that are crowded words (`WindowScratch.singles`).
    /// Read through a pointer: held by value, its arrays made the evaluator a type to destroy
    /// through its generic value witness, once a window.
    let crowdedSingleTerms: UnsafePointer<PostingLists<Int32>>
    let runs: UnsafeBufferPointer<ConceptRun>
    /// Every word of the window.
    let everywhere: Positions
    /// Whether a match ending on the window's last word still has a bit: always, except in a
    /// window as wide as `Positions`, where a form found there may end nowhere the evaluator sees.
    private var canEndPastEveryWord: Bool { everywhere.leadingZeroBitCount > 0 }

    /// Whether the pattern whose items start at `items` matches in the window, and none of its
    /// vetoes (at `vetoes`, or -1) occurs.
    func matches(items: Int, vetoes: Int) -> Bool {
        ends(items, from: everywhere) != 0 && (vetoes < 0 || !occurs(vetoes))
    }

    /// Where `term` is in the window.
    @inline(__always)
    private func positions(of term: Int32) -> Positions { Positions(truncatingIfNeeded: terms[term]) }

    /// Where the node at `start` can end when it starts at any of `starts`: bit i means "the
    /// next word is i".
    func ends(_ start: Int, from starts: Positions) -> Positions {
        let operand = Int(code[start + 1])
        switch code[start] {
        case PatternCode.Opcode.term:
            return (starts & positions(of: Int32(operand))) << 1
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
            return sequenceEnds(start, from: starts)
        case PatternCode.Opcode.alternatives:
            var positions: Positions = 0
            var child = start + 2
            while child < operand {
                if code[child] == PatternCode.Opcode.sequence {
                    // A run of words among choices ("sign up|signup"), read without a call.
                    positions |= sequenceEnds(child, from: starts)
                    child = Int(code[child + 1])
                } else if code[child] == PatternCode.Opcode.witnessed {
                    // One of a concept's longer forms: most are skipped on their witness groups.
                    positions |= longerFormEnds(child, from: starts)
                    child = Int(code[child + 1])
                } else {
                    let item = itemEnds(child, from: starts)
                    positions |= item.positions
                    child = item.next
                }
            }
            return positions
        case PatternCode.Opcode.optional:
            return starts | ends(start + 2, from: starts)
        case PatternCode.Opcode.all:
            var child = start + 2
            while child < operand {
                // Most items are concepts, and only whether they occur matters here: a plain form in
                // the window answers without working out (and remembering) where the concept ends.
                if code[child] == PatternCode.Opcode.concept, canEndPastEveryWord {
                    guard conceptOccurs(Int(code[child + 1])) else { return 0 }
                    child += 2
                    continue
                }
                let item = itemEnds(child, from: everywhere)
                if item.positions == 0 { return 0 }
                child = item.next
            }
            return starts
        case PatternCode.Opcode.witnessed:
            return longerFormEnds(start, from: starts)
        default:
            let slot = Int(code[start + 2])
            guard starts == everywhere else { return ends(start + 3, from: starts) }
            if scratch.rememberedState[slot] == Self.positionsKnown {
                return Positions(truncatingIfNeeded: scratch.remembered[slot])
            }
            let positions = ends(start + 3, from: starts)
            scratch.remembered[slot] = WordPositions(truncatingIfNeeded: positions)
            scratch.markSlot(slot, Self.positionsKnown)
            return positions
        }
    }

    /// Where the sequence at `start` can end.
    @inline(__always)
    private func sequenceEnds(_ start: Int, from starts: Positions) -> Positions {
        let end = Int(code[start + 1])
        var positions = starts
        var child = start + 2
        while child < end {
            let item = itemEnds(child, from: positions)
            positions = item.positions
            if positions == 0 { return 0 }
            child = item.next
        }
        return positions
    }

    /// Where the item at `child` of a list can end, and where the next item starts. Words and
    /// concepts, the most common items, are read here rather than through a recursive `ends`.
    @inline(__always)
    private func itemEnds(_ child: Int, from starts: Positions) -> (positions: Positions, next: Int) {
        switch code[child] {
        case PatternCode.Opcode.term: ((starts & positions(of: code[child + 1])) << 1, child + 2)
        case PatternCode.Opcode.concept: (conceptEnds(Int(code[child + 1]), from: starts), child + 2)
        default: (ends(child, from: starts), next(after: child))
        }
    }

    /// Whether the node at `start` matches anywhere in the window: all a veto asks. Cheaper than
    /// `ends(_:from: everywhere)`: a term, or a concept of plain words only, answers from the
    /// window's tables, and a list of vetoes stops at its first hit.
    func occurs(_ start: Int) -> Bool {
        let operand = Int(code[start + 1])
        switch code[start] {
        case PatternCode.Opcode.term:
            return positions(of: Int32(operand)) != 0
        case PatternCode.Opcode.concept:
            return conceptOccurs(operand)
        case PatternCode.Opcode.alternatives:
            // Words and concepts of plain words, most of a veto list, answer here without a call.
            var child = start + 2
            while child < operand {
                let opcode = code[child]
                let childOperand = Int(code[child + 1])
                if opcode == PatternCode.Opcode.term {
                    if positions(of: Int32(childOperand)) != 0 { return true }
                } else if opcode == PatternCode.Opcode.concept {
                    if conceptOccurs(childOperand) { return true }
                } else if occurs(child) {
                    return true
                }
                child = next(after: child)
            }
            return false
        case PatternCode.Opcode.remembered:
            let slot = Int(code[start + 2])
            // Positions, when known, answer too: they are empty exactly when the node never matches.
            if scratch.rememberedState[slot] != 0 { return scratch.remembered[slot] != 0 }
            let found = occurs(start + 3)
            scratch.remembered[slot] = found ? 1 : 0
            scratch.markSlot(slot, Self.occurrenceKnown)
            return found
        default:
            return ends(start, from: everywhere) != 0
        }
    }

    /// `rememberedState` values: the slot holds the node's positions, or only whether it occurs
    /// (0 or 1, which `ends` must not take for positions).
    private static var positionsKnown: UInt8 { 1 }
    private static var occurrenceKnown: UInt8 { 2 }

    private func next(after start: Int) -> Int {
        switch code[start] {
        case PatternCode.Opcode.term, PatternCode.Opcode.concept, PatternCode.Opcode.gap: return start + 2
        default: return Int(code[start + 1])
        }
    }

    /// Whether `concept` occurs anywhere in the window. Its one-word forms and word runs set its
    /// state bits when they occur, so one of them answers before its longer forms are walked.
    /// Inlined into the loops that ask it, as the checks it replaced were.
    @inline(__always)
    private func conceptOccurs(_ concept: Int) -> Bool {
        if scratch.hasPlainForm(concept, crowdedSingleTerms.pointee) { return true }
        return conceptLongerForms[concept] >= 0 && conceptEnds(concept, from: everywhere) != 0
    }

    /// Where the concept can end from `starts`. Its result from anywhere, once worked out, is
    /// read in place, without a call: vetoes and unordered items ask for it pattern after pattern.
    @inline(__always)
    private func conceptEnds(_ concept: Int, from starts: Positions) -> Positions {
        if starts == everywhere, scratch.conceptState[concept] & WindowScratch.remembered != 0 {
            return Positions(truncatingIfNeeded: scratch.conceptAnywhere[concept])
        }
        return workOutConceptEnds(concept, from: starts)
    }

    /// Where a concept's longer forms (at `start`) end. A `witnessed` node is read here, without a
    /// call through `ends`: most windows lack the terms of one of its groups, and the walk it
    /// skips (the costliest part of a veto) is not made.
    @inline(__always)
    private func longerFormEnds(_ start: Int, from starts: Positions) -> Positions {
        guard code[start] == PatternCode.Opcode.witnessed else { return ends(start, from: starts) }
        let child = start + 3 + Int(code[start + 2])
        var group = start + 3
        while group < child {
            let groupEnd = group + 1 + Int(code[group])
            var index = group + 1
            while index < groupEnd, positions(of: code[index]) == 0 { index += 1 }
            if index == groupEnd { return 0 }
            group = groupEnd
        }
        return ends(child, from: starts)
    }

    private func workOutConceptEnds(_ concept: Int, from starts: Positions) -> Positions {
        let anywhere = starts == everywhere
        var positions =
            (starts & Positions(truncatingIfNeeded: scratch.singles(of: concept, crowdedSingleTerms.pointee))) << 1
        if scratch.conceptState[concept] & WindowScratch.hasRuns != 0 {
            var number = Int(scratch.conceptFirstRun[concept])
            while number >= 0 {
                positions |= (starts & Positions(truncatingIfNeeded: runs[number].starts)) << runs[number].length
                number = Int(runs[number].next)
            }
        }
        let longer = Int(conceptLongerForms[concept])
        if longer >= 0 { positions |= longerFormEnds(longer, from: starts) }
        if anywhere {
            scratch.conceptAnywhere[concept] = WordPositions(truncatingIfNeeded: positions)
            scratch.markConcept(concept, WindowScratch.remembered)
        }
        return positions
    }
}
