/// What a window must hold before a pattern is worth evaluating, checked from the window's term
/// table and concept bits alone.
///
/// Each required item gives a group of options (a term that must be in the window, or a concept
/// one of whose plain forms must be), and every group must have one option present. Most candidates
/// found through their anchor word fail on another item; this check drops them for a few table
/// reads instead of an evaluation. A concept with longer forms offers its plain forms and its
/// longer forms' witness terms (`WitnessGroups`): before it did, two thirds of the shipped
/// content's evaluations were sets that failed on such a concept.
///
/// Flattened as `[optionCount, option, option, ..., optionCount, option, ...]`, an option being
/// a term (≥ 0) or `-1 - concept`.
enum PatternRequirements {
    /// Items with more options than this are left to the evaluation.
    static let maximumOptions = 8

    /// The groups of the required items in `items` of `nodes`, in item order, flattened as the
    /// index stores them (`[optionCount, options...]` each), before anchors and costs are known:
    /// what a pattern keeps instead of its nodes until every pattern is compiled.
    ///
    /// `appendConceptOptions(c, &options)` appends the options one of which is in every window
    /// where concept `c` occurs, without repeats, and returns true; false, appending nothing,
    /// when there are none to name.
    static func groups(
        of items: Range<Int>, in nodes: DraftNodes, appendConceptOptions: (Int, inout [Int32]) -> Bool,
        into flat: inout [Int32]
    ) {
        for item in nodes.nodes(in: items) where !nodes.isOptionalOrGap(item) {
            // Most items are a word: its group is that word.
            if nodes.opcode(at: item) == PatternCode.Opcode.term {
                flat.append(1)
                flat.append(nodes.operand(at: item))
                continue
            }
            // The options are worked out in place, after a slot for their count.
            let countSlot = flat.count
            flat.append(0)
            if appendOptions(of: item, in: nodes, appendConceptOptions: appendConceptOptions, to: &flat) {
                flat[countSlot] = Int32(flat.count - countSlot - 1)
            } else {
                flat.removeLast(flat.count - countSlot)
            }
        }
    }

    /// A group kept by ``ordered(_:anchor:cost:into:at:kept:)``: where it starts and what it costs.
    typealias KeptGroup = (start: Int, cost: Int)

    /// `groups` (from ``groups(of:in:appendConceptOptions:into:)``) cheapest first by `cost` (how many
    /// patterns share an option: a proxy for how often a window holds it), written to `flat` from
    /// `end` on, `end` moved past them.
    ///
    /// The group that is exactly the pattern's `anchor` (sorted terms) is left out: the pattern
    /// only becomes a candidate when one of those terms is in the window.
    ///
    /// `kept` is scratch space with room for every group. Through buffer pointers, as this runs for
    /// every pattern: appending to arrays checked that each was unique at every element.
    static func ordered(
        _ groups: UnsafeBufferPointer<Int32>, anchor: UnsafeBufferPointer<Int32>, cost: (Int32) -> Int,
        into flat: UnsafeMutableBufferPointer<Int32>, at end: inout Int, kept: UnsafeMutableBufferPointer<KeptGroup>
    ) {
        var keptCount = 0
        var index = 0
        while index < groups.count {
            let start = index
            let options = (index + 1)..<(index + 1 + Int(groups[index]))
            index = options.upperBound
            // Options are distinct: the group is the anchor when it has its count and every term.
            if options.count == anchor.count, groups[options].allSatisfy({ $0 >= 0 && anchor.contains($0) }) {
                continue
            }
            var total = 0
            for option in options { total += cost(groups[option]) }
            // Put in place as it comes, after those that cost no more: a stable insertion sort, as
            // patterns have a few groups.
            var place = keptCount
            while place > 0, kept[place - 1].cost > total {
                kept[place] = kept[place - 1]
                place -= 1
            }
            kept[place] = (start, total)
            keptCount += 1
        }
        for group in kept[..<keptCount] {
            let groupEnd = group.start + 1 + Int(groups[group.start])
            for index in group.start..<groupEnd {
                flat[end] = groups[index]
                end += 1
            }
        }
    }

    /// Appends the options one of which must be in the window wherever `node` matches, without
    /// repeats, and returns true; returns false, leaving `options` as it was, when they are
    /// unknown.
    ///
    /// The options are built at the end of `options` rather than in an array of their own: this
    /// ran for every required item of 80,000 patterns, and the arrays were most of its cost.
    private static func appendOptions(
        of node: Int, in nodes: DraftNodes, appendConceptOptions: (Int, inout [Int32]) -> Bool,
        to options: inout [Int32]
    ) -> Bool {
        switch nodes.opcode(at: node) {
        case PatternCode.Opcode.term:
            options.append(nodes.operand(at: node))
            return true
        case PatternCode.Opcode.concept:
            return appendConceptOptions(Int(nodes.operand(at: node)), &options)
        case PatternCode.Opcode.alternatives:
            let start = options.count
            for alternative in nodes.nodes(in: nodes.children(of: node)) {
                // Each alternative's options go after those kept so far; the new ones move down.
                let alternativeStart = options.count
                guard
                    appendOptions(of: alternative, in: nodes, appendConceptOptions: appendConceptOptions, to: &options)
                else {
                    options.removeLast(options.count - start)
                    return false
                }
                var kept = alternativeStart
                for index in alternativeStart..<options.count
                where !options[start..<kept].contains(options[index]) {
                    options[kept] = options[index]
                    kept += 1
                }
                options.removeLast(options.count - kept)
                if kept - start > maximumOptions {
                    options.removeLast(options.count - start)
                    return false
                }
            }
            return options.count > start
        case PatternCode.Opcode.sequence:
            // Any required part of a sequence must be there; the first one that can be checked.
            for part in nodes.nodes(in: nodes.children(of: node)) where !nodes.isOptionalOrGap(part) {
                if appendOptions(of: part, in: nodes, appendConceptOptions: appendConceptOptions, to: &options) {
                    return true
                }
            }
            return false
        default:
            return false
        }
    }

    /// Whether every group of `flattened` has an option that `isPresent`. The matcher passes
    /// the index's requirements as raw memory, read without bounds checks.
    @inline(__always)
    static func areMet<Flattened: RandomAccessCollection<Int32>>(
        _ flattened: Flattened, isPresent: (Int32) -> Bool
    ) -> Bool where Flattened.Index == Int {
        var index = flattened.startIndex
        while index < flattened.endIndex {
            let groupEnd = index + 1 + Int(flattened[index])
            guard flattened[(index + 1)..<groupEnd].contains(where: isPresent) else { return false }
            index = groupEnd
        }
        return true
    }
}
