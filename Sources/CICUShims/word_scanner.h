// Internal to CICUShims (not under include/: Swift never sees it).
#ifndef SUPPORTBOT_WORD_SCANNER_H
#define SUPPORTBOT_WORD_SCANNER_H

#include <stdint.h>

/// The characters of text that ICU's root word-break rules (UAX #29 as CLDR tailors it) split
/// without looking further than one character either way. Text made only of these, which is
/// what almost every message is, can be split by `sb_scan_next_word` instead of the break iterator.
typedef enum {
    /// Breaks on both sides: spaces, controls, and ASCII punctuation not below.
    SB_WORD_OTHER = 0,
    /// Word_Break=ALetter: Latin, Vietnamese, Greek, Cyrillic letters... and `@`, which CLDR adds
    /// so that e-mail addresses hold together.
    SB_WORD_LETTER,
    /// Word_Break=Numeric, of which the scanner only ever sees ASCII digits.
    SB_WORD_DIGIT,
    /// `_` (ExtendNumLet): joins letters and digits on either side.
    SB_WORD_UNDERSCORE,
    /// `.` (MidNumLet) and `'` (Single_Quote): joins two letters or two digits.
    SB_WORD_MID_NUM_LET,
    /// `,` and `;` (MidNum): joins two digits. (`:` is MidLetter in UAX #29 but not in CLDR's root.)
    SB_WORD_MID_NUM,
} sb_word_class;

/// The class of each ASCII character.
extern const uint8_t sb_ascii_word_class[128];

/// Finds the next word at or after `*cursor` in text whose characters have the `classes` given
/// (one per UTF-16 unit): the next segment ICU would give a rule status of a number or a word.
/// Returns 0 when there is none, else its `sb_segment_kind`, with the word at `*start..<*end`
/// and `*cursor` moved past it.
int32_t sb_scan_next_word(const uint8_t *classes, int32_t length, int32_t *cursor, int32_t *start, int32_t *end);

#endif
