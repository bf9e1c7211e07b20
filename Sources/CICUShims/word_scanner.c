// ICU's word break restricted to ASCII and letters, where UAX #29 reduces to: letters, digits and
// underscores join (WB5, WB8-10, WB13a-b); `.` and `'` join two letters (WB6-7); `.`, `'`, `,`
// and `;` join two digits (WB11-12); everything else stands alone. The rule status ICU reports
// is that of the last rule the word matched. The test suite checks that this agrees with the
// break iterator on generated and hand-picked text.

#include "word_scanner.h"

#include "icu_shims.h"

/// The Word_Break values of the characters the scanner meets.
enum {
    /// Breaks on both sides: spaces, controls, and ASCII punctuation not below.
    OTHER = 0,
    /// ALetter: every unit at or above U+0080, ASCII letters, and `@`, which CLDR adds so that
    /// e-mail addresses hold together.
    LETTER,
    /// Numeric: ASCII digits.
    DIGIT,
    /// `_` (ExtendNumLet): joins letters and digits on either side.
    UNDERSCORE,
    /// `.` (MidNumLet) and `'` (Single_Quote): join two letters or two digits.
    MID_NUM_LET,
    /// `,` and `;` (MidNum): join two digits. (`:` is MidLetter in UAX #29 but not in CLDR's root.)
    MID_NUM,
};

static const uint8_t ascii_class[128] = {
    ['A' ... 'Z'] = LETTER, ['a' ... 'z'] = LETTER, ['@'] = LETTER,      ['0' ... '9'] = DIGIT,
    ['_'] = UNDERSCORE,     ['.'] = MID_NUM_LET,    ['\''] = MID_NUM_LET, [','] = MID_NUM,
    [';'] = MID_NUM,
};

static inline uint8_t class_of(uint16_t unit) { return unit < 0x80 ? ascii_class[unit] : LETTER; }

static inline int is_word_part(uint8_t class) { return class >= LETTER && class <= UNDERSCORE; }

int32_t sb_scan_next_word(const uint16_t *units, int32_t length, int32_t *cursor, int32_t *start, int32_t *end) {
    int32_t index = *cursor;
    while (1) {
        // Nothing joins a character that cannot start a word to the one after it (WB6 needs a
        // letter before the `.`), so words begin at the first letter, digit or underscore.
        while (index < length && !is_word_part(class_of(units[index]))) index++;
        if (index >= length) {
            *cursor = length;
            return 0;
        }
        int32_t word_start = index++;
        while (index < length) {
            uint8_t class = class_of(units[index]);
            if (is_word_part(class)) {
                index++;
                continue;
            }
            if ((class != MID_NUM_LET && class != MID_NUM) || index + 1 >= length) break;
            uint8_t before = class_of(units[index - 1]), after = class_of(units[index + 1]);
            int joins_letters = class == MID_NUM_LET && before == LETTER && after == LETTER;
            int joins_digits = before == DIGIT && after == DIGIT;
            if (!joins_letters && !joins_digits) break;
            index += 2;
        }
        *cursor = index;
        uint8_t last = class_of(units[index - 1]);
        if (last == UNDERSCORE && index - word_start == 1) continue; // `_` alone is no word
        *start = word_start;
        *end = index;
        if (last == DIGIT) return SB_SEGMENT_NUMBER;
        if (last == LETTER) return SB_SEGMENT_LETTERS;
        // Ends with an underscore (which only ever follows a word part): a number after a digit,
        // else a word.
        return class_of(units[index - 2]) == DIGIT ? SB_SEGMENT_NUMBER : SB_SEGMENT_LETTERS;
    }
}
