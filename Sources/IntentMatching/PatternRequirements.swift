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

    /// The groups of `items`' required items, flattened; `isPlainConcept(c)` tells whether the
    /// window's concept bits fully describe where concept `c` can start.
    static func flattened(_ items: [PatternNode], isPlainConcept: (Int) -> Bool) -> [Int32] {
        var groups: [Int32] = []
        for item in items where !item.isOptionalOrGap {
            guard let options = options(of: item, isPlainConcept: isPlainConcept) else { continue }
            groups.append(Int32(options.count))
            groups += options
        }
        return groups
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
}
