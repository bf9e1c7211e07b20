// ICU's word break restricted to the classes of word_scanner.h, where UAX #29 reduces to: letters,
// digits and underscores join (WB5, WB8-10, WB13a-b); `.` and `'` join two letters (WB6-7); `.`,
// `'`, `,` and `;` join two digits (WB11-12); everything else stands alone. The rule status ICU
// reports is that of the last rule the word matched. The test suite checks that this agrees with
// the break iterator on generated and hand-picked text.

#include "word_scanner.h"

#include "icu_shims.h"

const uint8_t sb_ascii_word_class[128] = {
    ['A' ... 'Z'] = SB_WORD_LETTER,    ['a' ... 'z'] = SB_WORD_LETTER,     ['@'] = SB_WORD_LETTER,
    ['0' ... '9'] = SB_WORD_DIGIT,     ['_'] = SB_WORD_UNDERSCORE,         ['.'] = SB_WORD_MID_NUM_LET,
    ['\''] = SB_WORD_MID_NUM_LET,      [','] = SB_WORD_MID_NUM,            [';'] = SB_WORD_MID_NUM,
};

static inline int is_word_part(uint8_t class) { return class >= SB_WORD_LETTER && class <= SB_WORD_UNDERSCORE; }

int32_t sb_scan_next_word(const uint8_t *classes, int32_t length, int32_t *cursor, int32_t *start, int32_t *end) {
    int32_t index = *cursor;
    while (1) {
        // Nothing joins a character that cannot start a word to the one after it (WB6 needs a
        // letter before the `.`), so words begin at the first letter, digit or underscore.
        while (index < length && !is_word_part(classes[index])) index++;
        if (index >= length) {
            *cursor = length;
            return 0;
        }
        int32_t word_start = index;
        uint8_t last = classes[index], before_last = SB_WORD_OTHER;
        index++;
        while (index < length) {
            uint8_t class = classes[index];
            if (is_word_part(class)) {
                before_last = last;
                last = class;
                index++;
                continue;
            }
            if (class != SB_WORD_MID_NUM_LET && class != SB_WORD_MID_NUM) break;
            if (index + 1 >= length) break;
            uint8_t next = classes[index + 1];
            int joins_letters = class == SB_WORD_MID_NUM_LET && last == SB_WORD_LETTER && next == SB_WORD_LETTER;
            int joins_digits = last == SB_WORD_DIGIT && next == SB_WORD_DIGIT;
            if (!joins_letters && !joins_digits) break;
            before_last = class;
            last = next;
            index += 2;
        }
        *cursor = index;
        if (last == SB_WORD_UNDERSCORE && index - word_start == 1) continue;  // `_` alone is no word
        *start = word_start;
        *end = index;
        if (last == SB_WORD_DIGIT) return SB_SEGMENT_NUMBER;
        if (last == SB_WORD_LETTER) return SB_SEGMENT_LETTERS;
        // Ends with an underscore: a number after a digit, else a word.
        return before_last == SB_WORD_DIGIT ? SB_SEGMENT_NUMBER : SB_SEGMENT_LETTERS;
    }
}
