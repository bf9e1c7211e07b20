/// A pattern or example as written in a content file, with where it was written.
public struct SourceText: Sendable, Hashable {
    public var text: String {
        didSet {
            // The line was stored around the text: keep showing the line as written.
            if lineSplit >= 0 { (lineAround, lineSplit) = (Self.join(lineAround, lineSplit, oldValue), -1) }
        }
    }
    public var location: SourceLocation
    /// Columns between `location` and the first character of `text` (1 for a quoted scalar).
    public var textOffset: Int
    /// The source line, or when `lineSplit` is not negative only what surrounds `text` in it:
    /// at 10,000 intents a copy of every line was hundreds of thousands of heap strings, while
    /// `        - "` and `"` fit in a string's inline storage.
    private var lineAround: String?
    /// Where `text` goes in `lineAround` (UTF-8 offset); -1 when `lineAround` is the whole line.
    private var lineSplit: Int

    public init(text: String, location: SourceLocation, sourceLine: String? = nil, textOffset: Int = 0) {
        self.text = text
        self.location = location
        self.textOffset = textOffset
        lineAround = sourceLine
        lineSplit = -1
    }

    /// A text read from `line` of a file, written from `textStart` (a scalar boundary) on.
    ///
    /// When the line holds the text as is (no escapes, one line), only what surrounds it is
    /// kept; otherwise the whole line.
    init(text: String, location: SourceLocation, line: Substring, textStart: String.Index, textOffset: Int) {
        self.text = text
        self.location = location
        self.textOffset = textOffset
        let bytes = line.utf8
        if let end = bytes.index(textStart, offsetBy: text.utf8.count, limitedBy: bytes.endIndex),
            bytes[textStart..<end].elementsEqual(text.utf8)
        {
            let scalars = line.unicodeScalars
            lineAround = String(scalars[..<textStart]) + String(scalars[end...])
            lineSplit = bytes.distance(from: bytes.startIndex, to: textStart)
        } else {
            lineAround = String(line)
            lineSplit = -1
        }
    }

    /// The whole source line, for a caret under a problem.
    public var sourceLine: String? {
        get { lineSplit < 0 ? lineAround : Self.join(lineAround, lineSplit, text) }
        set { (lineAround, lineSplit) = (newValue, -1) }
    }

    private static func join(_ around: String?, _ split: Int, _ text: String) -> String {
        let around = around ?? ""
        let scalars = around.unicodeScalars
        let middle = around.utf8.index(around.startIndex, offsetBy: split)
        return String(scalars[..<middle]) + text + String(scalars[middle...])
    }

    /// The location of the character `offset` characters into `text`.
    public func location(ofCharacterAt offset: Int) -> SourceLocation {
        location.advanced(by: textOffset + offset)
    }

    // Equality and hashing by value, as when the line was a stored string.
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
