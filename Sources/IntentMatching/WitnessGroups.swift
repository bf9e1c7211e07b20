/// The witness terms of a concept's longer form, one group per required item: a window without
/// a term of every group cannot hold the form, and its walk is skipped.
///
/// One group for the whole form (the item with the fewest terms) had let through every window
/// holding a common word: `(send|move|transfer) [my|the] (crypto|coins) to (wallet|bank)` was
/// witnessed by "to" alone and walked in most English messages. Every required item must match,
/// so each names a group; the form is walked only when all are there.
///
/// Typos need no care: a typed word's typo terms are among the window's terms.
struct WitnessGroups {
    /// Sorted, without repeats; smallest group first, the cheapest to check.
    private(set) var groups: [[Int32]] = []

    /// The most terms all groups hold together: past that, checking them costs about what the
    /// walk they might skip does.
    static let termLimit = 48

    /// The groups of `form`. `witnessTerms(node)` gives terms one of which every match of `node`
    /// holds (sorted, without repeats), or nil when there are none to name: such an item names
    /// no group, and a form with none is always walked.
    init(_ form: PatternNode, witnessTerms: (PatternNode) -> [Int32]?) {
        var found: [[Int32]] = []
        if case .sequence(let items) = form {
            for item in items {
                if case .optional = item { continue }
                if case .gap = item { continue }
                if let terms = witnessTerms(item), !found.contains(terms) { found.append(terms) }
            }
        } else if let terms = witnessTerms(form) {
            found.append(terms)
        }
        found.sort { $0.count < $1.count }
        var total = 0
        for group in found where total + group.count <= Self.termLimit {
            groups.append(group)
            total += group.count
        }
    }

    /// The smallest group of each of `forms` together, sorted, without repeats: every match of
    /// one of the forms holds one of them. Nil when they are more than `termLimit`.
    static func union(of forms: [WitnessGroups]) -> [Int32]? {
        let terms = Array(Set(forms.flatMap { $0.groups.first ?? [] })).sorted()
        return terms.count <= termLimit ? terms : nil
    }

    /// The groups as the code stores them: `[count, terms…]` one after the other.
    var flattened: [Int32] {
        var words: [Int32] = []
        for group in groups {
            words.append(Int32(group.count))
            words += group
        }
        return words
    }
}
