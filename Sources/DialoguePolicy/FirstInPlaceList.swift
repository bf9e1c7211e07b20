/// A list of strings whose first entry is stored in place: a list of one, the most common in a
/// conversation (its first message, its first intent), allocates nothing. An array of one had
/// cost every new conversation two allocations (and two frees).
struct FirstInPlaceList: Sendable, Hashable {
    /// Nil exactly when the list is empty, so that equal lists have equal fields.
    private var first: String?
    private var rest: [String] = []

    init() {}

    init(_ strings: [String]) {
        first = strings.first
        rest = Array(strings.dropFirst())
    }

    /// The list as an array. A list of one is an array literal: `[first] + rest` had grown it by
    /// a generic append even when `rest` was empty (a hand-off reads two lists).
    var strings: [String] {
        guard let first else { return [] }
        if rest.isEmpty { return [first] }
        var strings: [String] = []
        strings.reserveCapacity(1 + rest.count)
        strings.append(first)
        strings.append(contentsOf: rest)
        return strings
    }

    var isEmpty: Bool { first == nil }

    var count: Int { first == nil ? 0 : 1 + rest.count }

    func contains(_ string: String) -> Bool {
        first == string || rest.contains(string)
    }

    /// Appends `string`; the entries after the first are given room for `expectedCount` in all
    /// when they start, so that a list kept short grows without copying.
    mutating func append(_ string: String, expectedCount: Int) {
        if first == nil {
            first = string
            return
        }
        if rest.isEmpty { rest.reserveCapacity(expectedCount - 1) }
        rest.append(string)
    }

    mutating func removeFirst() {
        first = rest.isEmpty ? nil : rest.removeFirst()
    }
}

/// Coded as the list of strings it holds.
extension FirstInPlaceList: Codable {
    init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode([String].self))
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(strings)
    }
}
