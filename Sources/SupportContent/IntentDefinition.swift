import TextNormalization

/// One intent as the content describes it.
public struct IntentDefinition: Sendable {
    public var id: String
    public var route: IntentRoute
    /// A security intent that also hands the conversation to a human after its warning.
    public var escalates: Bool
    public var priority: Int
    /// Whether an answer ends with "did this help?" (off for small talk).
    public var asksSatisfaction = true
    public var titles: [Language: String]
    public var patterns: [Language: [SourceText]]
    /// Examples by language. Read by lint only, so kept packed and unpacked on each read
    /// (see ``PackedSourceTexts``): read it once and keep the value.
    public var examples: [Language: [SourceText]] {
        get { packedExamples.unpacked() }
        set { packedExamples = PackedSourceTexts(newValue) }
    }
    var packedExamples: PackedSourceTexts
    public var location: SourceLocation

    public init(
        id: String, route: IntentRoute, escalates: Bool = false, priority: Int = 0, titles: [Language: String] = [:],
        patterns: [Language: [SourceText]] = [:], examples: [Language: [SourceText]] = [:],
        location: SourceLocation
    ) {
        self.id = id
        self.route = route
        self.escalates = escalates
        self.priority = priority
        self.titles = titles
        self.patterns = patterns
        // The loader adds examples after: nothing to pack for it.
        packedExamples = examples.isEmpty ? PackedSourceTexts() : PackedSourceTexts(examples)
        self.location = location
    }

    /// Whether a match hands the conversation to a human.
    public var handsOver: Bool { route == .escalate || escalates }
}
