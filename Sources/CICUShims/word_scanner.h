// Internal to CICUShims (not under include/: Swift never sees it). Header-only, so that the
// scan inlines into the shim's word loop: it runs once per word of almost every message.
//
// ICU's word break restricted to ASCII and letters, where UAX #29 reduces to: letters, digits and
// underscores join (WB5, WB8-10, WB13a-b); `.` and `'` join two letters (WB6-7); `.`, `'`, `,`
// and `;` join two digits (WB11-12); everything else stands alone. The rule status ICU reports
// is that of the last rule the word matched. The test suite checks that this agrees with the
// break iterator on generated and hand-picked text.

#ifndef SUPPORTBOT_WORD_SCANNER_H
#define SUPPORTBOT_WORD_SCANNER_H

#include <stdint.h>

#include "icu_shims.h"

/// The Word_Break values of the characters the scanner meets.
enum {
    /// Breaks on both sides: spaces, controls, and ASCII punctuation not below.
    WORD_OTHER = 0,
    /// ALetter: every unit at or above U+0080, ASCII letters, and `@`, which CLDR adds so that
    /// e-mail addresses hold together.
    WORD_LETTER,
    /// Numeric: ASCII digits.
    WORD_DIGIT,
    /// `_` (ExtendNumLet): joins letters and digits on either side.
    WORD_UNDERSCORE,
    /// `.` (MidNumLet) and `'` (Single_Quote): join two letters or two digits.
    WORD_MID_NUM_LET,
    /// `,` and `;` (MidNum): join two digits. (`:` is MidLetter in UAX #29 but not in CLDR's root.)
    WORD_MID_NUM,
};

static const uint8_t word_class_table[128] = {
    ['A' ... 'Z'] = WORD_LETTER,     ['a' ... 'z'] = WORD_LETTER,  ['@'] = WORD_LETTER,
    ['0' ... '9'] = WORD_DIGIT,      ['_'] = WORD_UNDERSCORE,      ['.'] = WORD_MID_NUM_LET,
    ['\''] = WORD_MID_NUM_LET,       [','] = WORD_MID_NUM,         [';'] = WORD_MID_NUM,
};

static inline uint8_t word_class_of(uint16_t unit) { return unit < 0x80 ? word_class_table[unit] : WORD_LETTER; }

static inline int is_word_part(uint8_t class) { return class >= WORD_LETTER && class <= WORD_UNDERSCORE; }

/// Finds the next word at or after `*cursor` in UTF-16 `units`: the next segment ICU's root
/// word-break rules (UAX #29 as CLDR tailors it) would give a rule status of a number or a word.
/// Returns 0 when there is none, else its `sb_segment_kind`, with the word at `*start..<*end` and
/// `*cursor` moved past it.
///
/// Only for text whose units at or above U+0080 are all letters (Word_Break=ALetter): the
/// caller checks. In such text no rule looks further than one character either way, which is
/// what lets a scan replace the break iterator for almost every message.
static inline int32_t scan_next_word(const uint16_t *units, int32_t length, int32_t *cursor, int32_t *start,
                                      int32_t *end) {
    int32_t index = *cursor;
    while (1) {
        // Nothing joins a character that cannot start a word to the one after it (WB6 needs a
        // letter before the `.`), so words begin at the first letter, digit or underscore.
        while (index < length && !is_word_part(word_class_of(units[index]))) index++;
        if (index >= length) {
            *cursor = length;
            return 0;
        }
        int32_t word_start = index++;
        while (index < length) {
            uint8_t class = word_class_of(units[index]);
            if (is_word_part(class)) {
                index++;
                continue;
            }
            if ((class != WORD_MID_NUM_LET && class != WORD_MID_NUM) || index + 1 >= length) break;
            uint8_t before = word_class_of(units[index - 1]), after = word_class_of(units[index + 1]);
            int joins_letters = class == WORD_MID_NUM_LET && before == WORD_LETTER && after == WORD_LETTER;
            int joins_digits = before == WORD_DIGIT && after == WORD_DIGIT;
            if (!joins_letters && !joins_digits) break;
            index += 2;
        }
        *cursor = index;
        uint8_t last = word_class_of(units[index - 1]);
        if (last == WORD_UNDERSCORE && index - word_start == 1) continue; // `_` alone is no word
        *start = word_start;
        *end = index;
        if (last == WORD_DIGIT) return SB_SEGMENT_NUMBER;
        if (last == WORD_LETTER) return SB_SEGMENT_LETTERS;
        // Ends with an underscore (which only ever follows a word part): a number after a digit,
        // else a word.
        return word_class_of(units[index - 2]) == WORD_DIGIT ? SB_SEGMENT_NUMBER : SB_SEGMENT_LETTERS;
    }
}

#endif
