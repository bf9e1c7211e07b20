/// A pattern or example as written in a content file, with where it was written.
public struct SourceText: Sendable, Hashable {
    public var text: String
    public var location: SourceLocation
    /// Columns between `location` and the first character of `text` (1 for a quoted scalar).
    public var textOffset: Int
    /// The file text that holds the source line, shared with the file's other texts.
    private var lineFile: SourceFileText?
    /// The line of `lineFile` that `sourceLine` shows; kept apart from `location`, which a
    /// caller may move without changing the line shown.
    private var lineNumber: Int

    public init(text: String, location: SourceLocation, sourceLine: String? = nil, textOffset: Int = 0) {
        self.text = text
        self.location = location
        self.textOffset = textOffset
        lineFile = sourceLine.map(SourceFileText.init)
        lineNumber = 1
    }

    /// A text whose source line is line `lineNumber` of `file`, read only when a diagnostic needs it.
    init(text: String, location: SourceLocation, file: SourceFileText, lineNumber: Int, textOffset: Int) {
        self.text = text
        self.location = location
        self.textOffset = textOffset
        lineFile = file
        self.lineNumber = lineNumber
    }

    /// The whole source line, for a caret under a problem.
    public var sourceLine: String? {
        get { lineFile?.line(lineNumber) }
        set {
            lineFile = newValue.map(SourceFileText.init)
            lineNumber = 1
        }
    }

    /// The location of the character `offset` characters into `text`.
    public func location(ofCharacterAt offset: Int) -> SourceLocation {
        location.advanced(by: textOffset + offset)
    }

    // Equality and hashing by value, as when the line was a stored string: two texts from
    // different loads of the same file are equal.
    public static func == (lhs: SourceText, rhs: SourceText) -> Bool {
        lhs.text == rhs.text && lhs.location == rhs.location && lhs.textOffset == rhs.textOffset
            && lhs.sourceLine == rhs.sourceLine
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
        hasher.combine(location)
        hasher.combine(sourceLine)
        hasher.combine(textOffset)
    }
}
