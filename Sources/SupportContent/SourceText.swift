/// A pattern or example as written in a content file, with where it was written.
public struct SourceText: Sendable, Hashable {
    public var text: String {
        didSet {
            // The line was stored around the text: keep showing the line as written.
            if lineSplit >= 0 { (lineAround, lineSplit) = (Self.join(lineAround, Int(lineSplit), oldValue), -1) }
        }
    }
    /// `location`, kept in parts: 64 bytes a text instead of 80, at 180,000 texts for 10,000
    /// intents. Lines and columns of content files (at most 4 MB) always fit 32 bits.
    private var file: String
    /// The source line, or when `lineSplit` is not negative only what surrounds `text` in it:
    /// at 10,000 intents a copy of every line was hundreds of thousands of heap strings, while
    /// `        - "` and `"` fit in a string's inline storage.
    private var lineAround: String?
    /// `location`'s line and column, `textOffset` and `lineSplit`, in one vector rather than four
    /// fields: with four, a new value had too many parts for the compiler to build it in place,
    /// and it was copied and the first destroyed (a sixth of making a pattern's value).
    private var numbers: SIMD4<Int32>
    private var line: Int32 {
        get { numbers[0] }
        set { numbers[0] = newValue }
    }
    private var column: Int32 {
        get { numbers[1] }
        set { numbers[1] = newValue }
    }
    private var offset: Int32 {
        get { numbers[2] }
        set { numbers[2] = newValue }
    }
    /// Where `text` goes in `lineAround` (UTF-8 offset); -1 when `lineAround` is the whole line.
    private var lineSplit: Int32 {
        get { numbers[3] }
        set { numbers[3] = newValue }
    }

    public var location: SourceLocation {
        get { SourceLocation(file: file, line: Int(line), column: Int(column)) }
        set {
            file = newValue.file
            line = Int32(clamping: newValue.line)
            column = Int32(clamping: newValue.column)
        }
    }

    /// Columns between `location` and the first character of `text` (1 for a quoted scalar).
    public var textOffset: Int {
        get { Int(offset) }
        set { offset = Int32(clamping: newValue) }
    }

    public init(text: String, location: SourceLocation, sourceLine: String? = nil, textOffset: Int = 0) {
        self.text = text
        file = location.file
        lineAround = sourceLine
        numbers = SIMD4(
            Int32(clamping: location.line), Int32(clamping: location.column), Int32(clamping: textOffset), -1)
    }

    /// A text whose source line is `lineAround` with `text` put back at UTF-8 offset `lineSplit`
    /// (a scalar boundary), or, when `lineSplit` is negative, `lineAround` itself.
    init(text: String, location: SourceLocation, lineAround: String?, lineSplit: Int, textOffset: Int) {
        // Each field set once: delegating to the other initializer and then setting `lineSplit`
        // copied the whole value, for each of 80,000 patterns at 10,000 intents.
        self.text = text
        file = location.file
        self.lineAround = lineAround
        numbers = SIMD4(
            Int32(clamping: location.line), Int32(clamping: location.column), Int32(clamping: textOffset),
            Int32(clamping: lineSplit))
    }

    /// The stored line and where `text` goes in it (-1: the stored line is the whole line).
    var storedLine: (around: String?, split: Int) { (lineAround, Int(lineSplit)) }

    /// The whole source line, for a caret under a problem.
    public var sourceLine: String? {
        get { lineSplit < 0 ? lineAround : Self.join(lineAround, Int(lineSplit), text) }
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
