/// A word the author wrote with diacritics (in a pattern or in a concept it uses): its term and
/// its folded form (in `IntentIndex.markedForms`), to reward a user's diacritics that agree and
/// penalise ones that do not. A pattern's marks are a run of these, sorted by term then form.
///
/// A negative `term` refers to a concept's marks, kept once however many patterns use it: they
/// are the run of `form` marks from `-1 - term` (references sort first).
struct PatternMark: Sendable, Comparable {
    var term: Int32
    var form: Int32

    static func < (lhs: PatternMark, rhs: PatternMark) -> Bool {
        (lhs.term, lhs.form) < (rhs.term, rhs.form)
    }
}

/// What a built index keeps of a pattern besides its code and its `PatternEntry`: what
/// explanations and diacritic scoring read. A plain struct in one array: 80,000 objects, each
/// with its own dictionary of marked forms, were a tenth of the index.
struct PatternDetail: Sendable {
    /// Items that must match (optional items and gaps excluded): how specific the pattern is.
    var requiredItemCount: Int32
    /// Its marks in `IntentIndex.marks`.
    var marksStart: Int32
    var marksCount: Int32
    /// The pattern as written: item `sourceItem` of `IntentIndex.sourceLists[sourceList]`.
    var sourceList: Int32
    var sourceItem: Int32
}
