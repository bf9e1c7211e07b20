/// Pattern nodes flattened into one array of integers, so the matcher walks them without
/// touching a reference count.
///
/// The tree form (`PatternNode`, an indirect enum of arrays) cost a retain and a release per node
/// visited: more than half of the matcher's time. Here a node is an opcode and its operands:
/// - `term t`, `concept c`, `gap n`: two slots;
/// - `sequence end children…`, `alternatives end children…`, `optional end child`,
///   `all end children…`: `end` is where the next node starts.
///
/// `all` is what an unordered pattern compiles to: every child must occur somewhere.
struct PatternCode: Sendable {
    enum Opcode: Int32 {
        case term
        case concept
        case gap
        case sequence
        case alternatives
        case optional
        case all
    }

    private(set) var words: [Int32] = []

    /// Appends `node` and returns where it starts.
    @discardableResult
    mutating func append(_ node: PatternNode) -> Int32 {
        let start = Int32(words.count)
        switch node {
        case .term(let term): words += [Opcode.term.rawValue, term]
        case .concept(let index): words += [Opcode.concept.rawValue, Int32(index)]
        case .gap(let maximum): words += [Opcode.gap.rawValue, Int32(maximum)]
        case .sequence(let nodes): appendList(.sequence, nodes)
        case .alternatives(let nodes): appendList(.alternatives, nodes)
        case .optional(let inner): appendList(.optional, [inner])
        }
        return start
    }

    /// Appends a node that holds `nodes` in the way `opcode` says and returns where it starts.
    @discardableResult
    mutating func appendList(_ opcode: Opcode, _ nodes: [PatternNode]) -> Int32 {
        let start = words.count
        words += [opcode.rawValue, 0]
        for node in nodes { append(node) }
        words[start + 1] = Int32(words.count)
        return Int32(start)
    }
}
