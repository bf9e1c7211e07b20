/// What a window must hold before a pattern is worth evaluating, checked from the window's term
/// table and concept bits alone.
///
/// Each required item gives a group of options (a term that must be in the window, or a concept
/// one of whose forms must be), and every group must have one option present. Most candidates
/// found through their anchor word fail on another item; this check drops them for a few table
/// reads instead of an evaluation.
///
/// Flattened as `[optionCount, option, option, ..., optionCount, option, ...]`, an option being
/// a term (≥ 0) or `-1 - concept`.
enum PatternRequirements {
    /// Items with more options than this are left to the evaluation.
    static let maximumOptions = 8

    /// The groups of `items`' required items, in item order, flattened as the index stores them
    /// (`[optionCount, options...]` each), before anchors and costs are known: what a pattern
    /// keeps instead of its nodes until every pattern is compiled.
    ///
    /// `isPlainConcept(c)` tells whether the window's concept bits fully describe where concept
    /// `c` can start.
    static func groups(of items: [PatternNode], isPlainConcept: (Int) -> Bool, into flat: inout [Int32]) {
        for item in items where !item.isOptionalOrGap {
            guard let options = options(of: item, isPlainConcept: isPlainConcept) else { continue }
            flat.append(Int32(options.count))
            flat += options
        }
    }

    /// `groups` (from ``groups(of:isPlainConcept:into:)``) cheapest first by `cost` (how many
    /// patterns share an option: a proxy for how often a window holds it), appended to `flat`.
    ///
    /// The group that is exactly the pattern's `anchor` (sorted terms) is left out: the pattern
    /// only becomes a candidate when one of those terms is in the window.
    ///
    /// `kept` is scratch space, reused from pattern to pattern so that ordering allocates nothing.
    static func ordered(
        _ groups: ArraySlice<Int32>, anchor: ArraySlice<Int32>, cost: (Int32) -> Int, into flat: inout [Int32],
        kept: inout [(range: Range<Int>, cost: Int)]
    ) {
        kept.removeAll(keepingCapacity: true)
        var index = groups.startIndex
        while index < groups.endIndex {
            let options = (index + 1)..<(index + 1 + Int(groups[index]))
            index = options.upperBound
            // Options are distinct: the group is the anchor when it has its count and every term.
            if options.count == anchor.count, groups[options].allSatisfy({ $0 >= 0 && anchor.contains($0) }) {
                continue
            }
            kept.append((options, groups[options].reduce(0) { $0 + cost($1) }))
        }
        // A stable insertion sort by cost: patterns have a few groups.
        for next in kept.indices.dropFirst() {
            let group = kept[next]
            var place = next
            while place > 0, kept[place - 1].cost > group.cost {
                kept[place] = kept[place - 1]
                place -= 1
            }
            kept[place] = group
        }
        for group in kept {
            flat.append(Int32(group.range.count))
            flat += groups[group.range]
        }
    }

    /// Options one of which must be in the window wherever `node` matches; nil when unknown.
    private static func options(of node: PatternNode, isPlainConcept: (Int) -> Bool) -> [Int32]? {
        switch node {
        case .term(let term):
            return [term]
        case .concept(let concept):
            return isPlainConcept(concept) ? [-1 - Int32(concept)] : nil
        case .alternatives(let alternatives):
            var all: [Int32] = []
            for alternative in alternatives {
                guard let options = options(of: alternative, isPlainConcept: isPlainConcept) else { return nil }
                for option in options where !all.contains(option) { all.append(option) }
                if all.count > maximumOptions { return nil }
            }
            return all.isEmpty ? nil : all
        case .sequence(let nodes):
            // Any required part of a sequence must be there; the first one that can be checked.
            for part in nodes where !part.isOptionalOrGap {
                if let options = options(of: part, isPlainConcept: isPlainConcept) { return options }
            }
            return nil
        case .optional, .gap:
            return nil
        }
    }

    /// Whether every group of `flattened` has an option that `isPresent`.
    @inline(__always)
    static func areMet(_ flattened: ArraySlice<Int32>, isPresent: (Int32) -> Bool) -> Bool {
        var index = flattened.startIndex
        while index < flattened.endIndex {
            let groupEnd = index + 1 + Int(flattened[index])
            guard flattened[(index + 1)..<groupEnd].contains(where: isPresent) else { return false }
            index = groupEnd
        }
        return true
    }
}
