import CYaml
import Yams

/// Builds a ``YAMLTree`` from libyaml's events, or from a Yams `Node` when Yams had to decide.
///
/// The event loop takes the common case only: one document without anchors, aliases or
/// explicit tags, whose mappings have distinct scalar keys. Anything else (a syntax error
/// included) returns nil, and the caller asks Yams, whose answers and messages stay the rule.
enum YAMLTreeBuilder {
    /// The tree of `bytes` (UTF-8), or nil when Yams must compose the file.
    static func build(_ bytes: UnsafeBufferPointer<UInt8>, maximumNodes: Int) -> YAMLTree? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)

        var tree = YAMLTree.Builder()
        // Children of the open collections, innermost last; `open` holds each one's node and
        // where its children start in `pending`, so no collection allocates a list of its own.
        var pending: [Int32] = []
        var open: [(node: Int32, firstChild: Int)] = []
        var documents = 0
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1
            let column = Int(event.start_mark.column) + 1
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return documents == 1 ? tree.build() : nil
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 { return nil }
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                guard scalar.anchor == nil, scalar.tag == nil else { return nil }
                let text = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
                pending.append(tree.addScalar(text, style: UInt8(scalar.style.rawValue), line: line, column: column))
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isSequence = event.type == YAML_SEQUENCE_START_EVENT
                let anchor = isSequence ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
                let implicit = isSequence ? event.data.sequence_start.implicit : event.data.mapping_start.implicit
                guard anchor == nil, implicit != 0 else { return nil }
                let node = tree.addCollection(isSequence ? .sequence : .mapping, line: line, column: column)
                pending.append(node)
                open.append((node, pending.count))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let (node, firstChild) = open.removeLast()
                let list = pending[firstChild...]
                if event.type == YAML_MAPPING_END_EVENT,
                    !list.withUnsafeBufferPointer({ list in
                        tree.entries.withUnsafeBufferPointer { entries in
                            tree.bytes.withUnsafeBufferPointer {
                                hasDistinctScalarKeys(list, entries: entries, bytes: $0)
                            }
                        }
                    })
                {
                    return nil
                }
                tree.setChildren(of: node, list)
                pending.removeSubrange(firstChild...)
            case YAML_ALIAS_EVENT:
                return nil
            default:
                break
            }
            if tree.entries.count > maximumNodes { return nil }
        }
    }

    /// Whether a mapping's keys (every other item of `list`) are scalars with different texts:
    /// then Yams, which compares texts and resolved tags, finds no duplicate either. Scalars'
    /// texts are in `bytes`, as in ``YAMLTree``.
    static func hasDistinctScalarKeys(
        _ list: UnsafeBufferPointer<Int32>, entries: UnsafeBufferPointer<YAMLTree.Entry>,
        bytes: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        let keys = stride(from: list.startIndex, to: list.endIndex, by: 2)
        guard keys.allSatisfy({ entries[Int(list[$0])].kind == .scalar }) else { return false }
        func text(_ position: Int) -> UnsafeBufferPointer<UInt8> {
            let entry = entries[Int(list[position])]
            return UnsafeBufferPointer(rebasing: bytes[Int(entry.first)..<Int(entry.first + entry.count)])
        }
        if list.count <= 32 {
            for position in keys {
                let name = text(position)
                for other in stride(from: position + 2, to: list.endIndex, by: 2)
                where YAMLTree.sameText(text(other), name) {
                    return false
                }
            }
            return true
        }
        let names = keys.map { String(decoding: text($0), as: UTF8.self) }
        return Set(names).count == names.count
    }

    /// The tree of a document Yams composed, with its tags, for files the event loop left to it.
    static func tree(of root: Node) -> YAMLTree {
        var tree = YAMLTree.Builder(tagged: true)
        _ = add(root, to: &tree)
        return tree.build()
    }

    private static func add(_ node: Node, to tree: inout YAMLTree.Builder) -> Int32 {
        let line = node.mark?.line ?? 0
        let column = node.mark?.column ?? 0
        let index: Int32
        switch node {
        case .scalar(let scalar):
            index = tree.addScalar(scalar.string, style: UInt8(scalar.style.rawValue), line: line, column: column)
            tree.setTag(of: index, scalar.tag.rawValue)
        case .mapping(let mapping):
            index = tree.addCollection(.mapping, line: line, column: column)
            tree.setTag(of: index, mapping.tag.rawValue)
            let list = mapping.flatMap { [add($0.key, to: &tree), add($0.value, to: &tree)] }
            tree.setChildren(of: index, list[...])
        case .sequence(let sequence):
            index = tree.addCollection(.sequence, line: line, column: column)
            tree.setTag(of: index, sequence.tag.rawValue)
            let list = sequence.map { add($0, to: &tree) }
            tree.setChildren(of: index, list[...])
        case .alias:
            // Only a file with aliases composes to one, and such a file is refused first.
            index = tree.addScalar("", style: 0, line: line, column: column)
        }
        return index
    }
}
