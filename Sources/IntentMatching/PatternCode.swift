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
/// `remembered end slot child` is a node always evaluated from anywhere in the window (a
/// pattern's vetoes): its result is kept in `slot` for the rest of the window, and identical
/// nodes share one copy and one slot, so a veto list pasted into fifty patterns is worked out
/// once per message.
/// `witnessed end length groups… child` is a concept's longer form (`child`) behind its
/// `WitnessGroups`, `length` words of `[count, terms…]`: any match of the form holds a term of
/// every group, so a window that lacks one group's terms skips the walk.
struct PatternCode: Sendable {
    /// Opcodes as plain integers: the evaluator switches on them without a conversion call.
    enum Opcode {
        static let term: Int32 = 0
        static let concept: Int32 = 1
        static let gap: Int32 = 2
        static let sequence: Int32 = 3
        static let alternatives: Int32 = 4
        static let optional: Int32 = 5
        static let all: Int32 = 6
        static let remembered: Int32 = 7
        static let witnessed: Int32 = 8
    }

    private(set) var words: [Int32] = []
    /// How many `remembered` slots the code uses.
    private(set) var rememberedCount = 0
    /// Remembered nodes by their code (slot and position left out), while building.
    private var shared: [[Int32]: Int32] = [:]

    /// Appends `node` and returns where it starts.
    @discardableResult
    mutating func append(_ node: PatternNode) -> Int32 {
        let start = Int32(words.count)
        // Two appends rather than `+= [a, b]`: the literal would allocate an array per node.
        switch node {
        case .term(let term): appendPair(Opcode.term, term)
        case .concept(let index): appendPair(Opcode.concept, Int32(index))
        case .gap(let maximum): appendPair(Opcode.gap, Int32(maximum))
        case .sequence(let nodes): appendList(Opcode.sequence, nodes)
        case .alternatives(let nodes): appendList(Opcode.alternatives, nodes)
        case .optional(let inner): appendList(Opcode.optional, [inner])
        }
        return start
    }

    /// Appends a node that holds `nodes` in the way `opcode` says and returns where it starts.
    @discardableResult
    mutating func appendList(_ opcode: Int32, _ nodes: [PatternNode]) -> Int32 {
        let start = words.count
        appendPair(opcode, 0)
        for node in nodes { append(node) }
        words[start + 1] = Int32(words.count)
        return Int32(start)
    }

    private mutating func appendPair(_ first: Int32, _ second: Int32) {
        words.append(first)
        words.append(second)
    }

    /// Appends a concept's longer `forms`, each behind its witness groups (a `witnessed` node)
    /// when it has any, and returns where they start: the one form, or an `alternatives` node.
    /// Several forms go behind one more group, the smallest of each: a window that holds none
    /// of them skips them all with one check.
    mutating func appendLongerForms(_ forms: [PatternNode], witnessGroups: [WitnessGroups]) -> Int32 {
        guard forms.count > 1 else { return appendLongerForm(forms[0], witnessGroups[0]) }
        let start = words.count
        let union = witnessGroups.allSatisfy { !$0.groups.isEmpty } ? WitnessGroups.union(of: witnessGroups) : nil
        if let union {
            appendPair(Opcode.witnessed, 0)
            words.append(Int32(1 + union.count))
            words.append(Int32(union.count))
            words += union
        }
        let alternatives = words.count
        appendPair(Opcode.alternatives, 0)
        for (form, groups) in zip(forms, witnessGroups) { appendLongerForm(form, groups) }
        words[alternatives + 1] = Int32(words.count)
        if union != nil { words[start + 1] = Int32(words.count) }
        return Int32(start)
    }

    @discardableResult
    private mutating func appendLongerForm(_ form: PatternNode, _ witnessGroups: WitnessGroups) -> Int32 {
        guard !witnessGroups.groups.isEmpty else { return append(form) }
        let start = words.count
        appendPair(Opcode.witnessed, 0)
        let groups = witnessGroups.flattened
        words.append(Int32(groups.count))
        words += groups
        append(form)
        words[start + 1] = Int32(words.count)
        return Int32(start)
    }

    /// Appends a node that holds the draft nodes of `range` in the way `opcode` says and returns
    /// where it starts: what a pattern's items become.
    @discardableResult
    mutating func appendList(_ opcode: Int32, _ range: Range<Int>, of nodes: DraftNodes) -> Int32 {
        let start = words.count
        appendPair(opcode, 0)
        nodes.appendNodes(in: range, to: &words)
        words[start + 1] = Int32(words.count)
        return Int32(start)
    }

    /// Appends a `remembered` node holding the draft nodes of `range` as `opcode` says, or finds
    /// an identical one, and returns where it starts.
    mutating func appendRemembered(_ opcode: Int32, _ range: Range<Int>, of nodes: DraftNodes) -> Int32 {
        var local = PatternCode()
        local.words = [Opcode.remembered, 0, 0]
        local.appendList(opcode, range, of: nodes)
        local.words[1] = Int32(local.words.count)
        if let start = shared[local.words] { return start }
        let key = local.words
        let base = Int32(words.count)
        // `end` operands are positions: move them to where the node lands.
        var position = 0
        while position < local.words.count {
            switch local.words[position] {
            case Opcode.term, Opcode.concept, Opcode.gap:
                position += 2
            case Opcode.remembered:
                local.words[position + 1] += base
                position += 3
            case Opcode.witnessed:
                local.words[position + 1] += base
                position += 3 + Int(local.words[position + 2])
            default:
                local.words[position + 1] += base
                position += 2
            }
        }
        local.words[2] = Int32(rememberedCount)
        rememberedCount += 1
        words += local.words
        shared[key] = base
        return base
    }

    /// Drops what only building needed.
    mutating func finish() {
        shared = [:]
    }
}
