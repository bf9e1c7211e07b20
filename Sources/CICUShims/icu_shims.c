// The only file that includes ICU headers. Everything here works on UTF-16 inside and UTF-8 at
// the boundary, because building Swift strings from UTF-16 costs more than ICU itself.
//
// Per message: UTF-8 → UTF-16 once, one word-break pass, and for each word its NFKC case fold
// and its diacritic-free fold. Folding a word through unorm2_normalize costs more than breaking
// it, so the folds of the code points that fold alone (no composition with a neighbour, one unit
// in, at most one out: ASCII, Latin, precomposed Vietnamese, Greek, Cyrillic, full-width forms)
// are asked of ICU once at start-up and kept in a table. Words with anything else (combining
// marks, as in NFD input; Hangul; symbols that expand) take the full ICU path.
//
// The word break goes the same way: the break iterator costs more than the rest of the call, and
// text made only of ASCII and of the letters the table knows (almost every message) breaks by
// rules simple enough to scan for directly (word_scanner.h). The table records which code
// points ICU calls letters; the tests compare the scanner with the break iterator.

#include "icu_shims.h"

#include "word_scanner.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

enum { STACK_UNITS = 512 };

/// A UTF-16 buffer on the stack that moves to the heap when a message is long.
typedef struct {
    UChar *units;
    int32_t capacity;
    UChar stack[STACK_UNITS];
} scratch;

static void scratch_init(scratch *s) {
    s->units = s->stack;
    s->capacity = STACK_UNITS;
}

static int scratch_reserve(scratch *s, int32_t needed) {
    if (needed <= s->capacity) return 1;
    UChar *grown = malloc(sizeof(UChar) * (size_t)needed);
    if (grown == NULL) return 0;
    if (s->units != s->stack) free(s->units);
    s->units = grown;
    s->capacity = needed;
    return 1;
}

static void scratch_free(scratch *s) {
    if (s->units != s->stack) free(s->units);
}

static const UNormalizer2 *casefold_instance;
static const UNormalizer2 *nfd_instance;
static const UNormalizer2 *nfc_instance;
static UBreakIterator *word_break_prototype;
/// ICU folds every printable ASCII character alone to one printable ASCII character (checked at
/// set-up), so ASCII words can take `fold_ascii_word`.
static int ascii_folds_alone;
static pthread_key_t word_break_key;
static pthread_once_t setup_once = PTHREAD_ONCE_INIT;
static int setup_failed;

// MARK: - Folds of single code points

/// Code points below this, and the half-width and full-width forms, have a table entry.
enum { FAST_LIMIT = 0x2000, WIDE_START = 0xFF00, WIDE_END = 0xFFF0 };

/// One entry: bits 0-15 the case fold of the code point, bits 16-31 its diacritic-free fold (0
/// when the fold removes it), then the ENTRY_ bits; 0 when the code point does not fold alone.
static uint64_t fast_fold[FAST_LIMIT + (WIDE_END - WIDE_START)];

enum {
    ENTRY_VALID = 32,
    ENTRY_NOT_ASCII = 33,
    ENTRY_UPPER = 34,
    ENTRY_LOWER = 35,
    ENTRY_CHANGED = 36, /* the case fold differs from the code point */
    ENTRY_MARKED = 37,  /* the two folds differ */
    ENTRY_LETTER = 38,  /* Word_Break=ALetter: the word scanner's SB_WORD_LETTER */
};

#define ENTRY_BIT(name) ((uint64_t)1 << (name))

static uint64_t *fast_entry(UChar c) {
    if (c < FAST_LIMIT) return &fast_fold[c];
    if (c >= WIDE_START && c < WIDE_END) return &fast_fold[FAST_LIMIT + (c - WIDE_START)];
    return NULL;
}

static int32_t strip_marks_in_place(UChar *units, int32_t length);

/// The full ICU fold of one piece of UTF-16: case fold, then NFD, drop marks, đ → d, NFC.
static int fold_with_icu(const UChar *source, int32_t length, scratch *folded, scratch *plain, int32_t *folded_length,
                         int32_t *plain_length);

/// Whether `c` never combines with what comes before it. When every code point of a word has
/// that property under both normalizations, the word folds code point by code point.
static int has_boundaries(const UNormalizer2 *normalizer, UChar32 c) {
    return unorm2_hasBoundaryBefore(normalizer, c);
}

static void fill_fast_entry(UChar c) {
    uint64_t *entry = fast_entry(c);
    if (entry == NULL || c == 0 || U16_IS_SURROGATE(c)) return;
    *entry = 0;
    if (!has_boundaries(casefold_instance, c) || !has_boundaries(nfc_instance, c)) return;
    scratch folded, plain;
    scratch_init(&folded);
    scratch_init(&plain);
    int32_t folded_length = 0, plain_length = 0;
    if (fold_with_icu(&c, 1, &folded, &plain, &folded_length, &plain_length) && folded_length <= 1 &&
        plain_length <= 1) {
        UChar folded_unit = folded_length == 1 ? folded.units[0] : 0;
        UChar plain_unit = plain_length == 1 ? plain.units[0] : 0;
        int independent =
            (folded_unit == 0 || (!U16_IS_SURROGATE(folded_unit) && has_boundaries(nfc_instance, folded_unit))) &&
            (plain_unit == 0 || (!U16_IS_SURROGATE(plain_unit) && has_boundaries(nfc_instance, plain_unit)));
        if (independent) {
            uint64_t value = (uint64_t)folded_unit | ((uint64_t)plain_unit << 16) | ENTRY_BIT(ENTRY_VALID);
            if (c >= 0x80) value |= ENTRY_BIT(ENTRY_NOT_ASCII);
            if (c >= 'A' && c <= 'Z') value |= ENTRY_BIT(ENTRY_UPPER);
            if (c >= 'a' && c <= 'z') value |= ENTRY_BIT(ENTRY_LOWER);
            if (folded_unit != c) value |= ENTRY_BIT(ENTRY_CHANGED);
            if (folded_unit != plain_unit) value |= ENTRY_BIT(ENTRY_MARKED);
            if (u_getIntPropertyValue(c, UCHAR_WORD_BREAK) == U_WB_ALETTER) value |= ENTRY_BIT(ENTRY_LETTER);
            *entry = value;
        }
    }
    scratch_free(&folded);
    scratch_free(&plain);
}

static void close_word_break(void *iterator) { ubrk_close((UBreakIterator *)iterator); }

static void setup(void) {
    UErrorCode status = U_ZERO_ERROR;
    casefold_instance = unorm2_getNFKCCasefoldInstance(&status);
    nfd_instance = unorm2_getNFDInstance(&status);
    nfc_instance = unorm2_getNFCInstance(&status);
    word_break_prototype = ubrk_open(UBRK_WORD, "", NULL, 0, &status);
    if (U_FAILURE(status) || pthread_key_create(&word_break_key, close_word_break) != 0) {
        setup_failed = 1;
        return;
    }
    for (UChar c = 1; c < FAST_LIMIT; c++) fill_fast_entry(c);
    for (UChar c = WIDE_START; c < WIDE_END; c++) fill_fast_entry(c);
    ascii_folds_alone = 1;
    for (UChar c = 0x21; c < 0x7F; c++) {
        uint64_t value = fast_fold[c];
        UChar folded = (UChar)(value & 0xFFFF), plain = (UChar)((value >> 16) & 0xFFFF);
        int printable = folded > 0x20 && folded < 0x7F && plain > 0x20 && plain < 0x7F;
        if (!(value & ENTRY_BIT(ENTRY_VALID)) || !printable) ascii_folds_alone = 0;
    }
}

/// Break iterators keep state, so each thread gets its own clone of one prototype.
static UBreakIterator *thread_word_break(void) {
    UBreakIterator *iterator = pthread_getspecific(word_break_key);
    if (iterator != NULL) return iterator;
    UErrorCode status = U_ZERO_ERROR;
    iterator = ubrk_clone(word_break_prototype, &status);
    if (U_FAILURE(status)) return NULL;
    pthread_setspecific(word_break_key, iterator);
    return iterator;
}

// MARK: - ICU folds

static int32_t normalize_into(const UNormalizer2 *normalizer, const UChar *source, int32_t length, scratch *into) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t written = unorm2_normalize(normalizer, source, length, into->units, into->capacity, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        if (!scratch_reserve(into, written)) return -1;
        status = U_ZERO_ERROR;
        written = unorm2_normalize(normalizer, source, length, into->units, into->capacity, &status);
    }
    return U_FAILURE(status) ? -1 : written;
}

/// Drops nonspacing marks from decomposed text in place and maps đ/ð to d: the Vietnamese
/// diacritic fold. Returns the new length.
static int32_t strip_marks_in_place(UChar *units, int32_t length) {
    int32_t read = 0, write = 0;
    while (read < length) {
        UChar32 c;
        int32_t start = read;
        U16_NEXT(units, read, length, c);
        if (u_charType(c) == U_NON_SPACING_MARK) continue;
        if (c == 0x0111 || c == 0x0110 || c == 0x00F0 || c == 0x00D0) c = 'd';
        if (c == 'd' || read - start == 1) {
            units[write++] = (UChar)c;
        } else {
            units[write++] = units[start];
            units[write++] = units[start + 1];
        }
    }
    return write;
}

static int fold_with_icu(const UChar *source, int32_t length, scratch *folded, scratch *plain, int32_t *folded_length,
                         int32_t *plain_length) {
    int32_t case_folded = normalize_into(casefold_instance, source, length, folded);
    if (case_folded < 0) return 0;
    int32_t decomposed = normalize_into(nfd_instance, folded->units, case_folded, plain);
    if (decomposed < 0) return 0;
    int32_t stripped = strip_marks_in_place(plain->units, decomposed);
    // Stripping only removes marks, so the result is already composed except for rare
    // compatibility leftovers; recompose to be sure.
    scratch composed;
    scratch_init(&composed);
    int32_t recomposed = normalize_into(nfc_instance, plain->units, stripped, &composed);
    if (recomposed < 0 || !scratch_reserve(plain, recomposed)) {
        scratch_free(&composed);
        return 0;
    }
    memcpy(plain->units, composed.units, sizeof(UChar) * (size_t)recomposed);
    scratch_free(&composed);
    *folded_length = case_folded;
    *plain_length = recomposed;
    return 1;
}

// MARK: - UTF-8 out

/// Appends one BMP unit (never a surrogate) as UTF-8, counting the room even when it does not fit.
static inline void put_unit(UChar c, char *buffer, int32_t capacity, int32_t *used) {
    int32_t at = *used;
    if (c < 0x80) {
        if (at < capacity) buffer[at] = (char)c;
        *used = at + 1;
    } else if (c < 0x800) {
        if (at + 2 <= capacity) {
            buffer[at] = (char)(0xC0 | (c >> 6));
            buffer[at + 1] = (char)(0x80 | (c & 0x3F));
        }
        *used = at + 2;
    } else {
        if (at + 3 <= capacity) {
            buffer[at] = (char)(0xE0 | (c >> 12));
            buffer[at + 1] = (char)(0x80 | ((c >> 6) & 0x3F));
            buffer[at + 2] = (char)(0x80 | (c & 0x3F));
        }
        *used = at + 3;
    }
}

/// Appends UTF-16 as UTF-8; an unpaired surrogate becomes U+FFFD.
static void append_utf8(const UChar *units, int32_t length, char *buffer, int32_t capacity, int32_t *used) {
    int32_t index = 0;
    while (index < length) {
        UChar c = units[index++];
        if (!U16_IS_SURROGATE(c)) {
            put_unit(c, buffer, capacity, used);
            continue;
        }
        if (U16_IS_LEAD(c) && index < length && U16_IS_TRAIL(units[index])) {
            UChar32 scalar = U16_GET_SUPPLEMENTARY(c, units[index]);
            index++;
            int32_t at = *used;
            if (at + 4 <= capacity) {
                buffer[at] = (char)(0xF0 | (scalar >> 18));
                buffer[at + 1] = (char)(0x80 | ((scalar >> 12) & 0x3F));
                buffer[at + 2] = (char)(0x80 | ((scalar >> 6) & 0x3F));
                buffer[at + 3] = (char)(0x80 | (scalar & 0x3F));
            }
            *used = at + 4;
        } else {
            put_unit(0xFFFD, buffer, capacity, used);
        }
    }
}

/// The `sb_segment_flag` bits that describe the input of a word.
static int32_t input_flags(const UChar *source, int32_t length) {
    int32_t flags = SB_SEGMENT_ASCII;
    for (int32_t i = 0; i < length; i++) {
        UChar c = source[i];
        if (c >= 0x80) flags &= ~SB_SEGMENT_ASCII;
        if (c >= 'A' && c <= 'Z') flags |= SB_SEGMENT_UPPER;
        if (c >= 'a' && c <= 'z') flags |= SB_SEGMENT_LOWER;
    }
    return flags;
}

/// The `sb_segment_flag` bits of a word whose table entries, or-ed together, are `seen`.
static int32_t entry_flags(uint64_t seen) {
    int32_t flags = 0;
    if (!(seen & ENTRY_BIT(ENTRY_NOT_ASCII))) flags |= SB_SEGMENT_ASCII;
    if (seen & ENTRY_BIT(ENTRY_UPPER)) flags |= SB_SEGMENT_UPPER;
    if (seen & ENTRY_BIT(ENTRY_LOWER)) flags |= SB_SEGMENT_LOWER;
    if (!(seen & ENTRY_BIT(ENTRY_CHANGED))) flags |= SB_SEGMENT_FOLDED_AS_TYPED;
    if (seen & ENTRY_BIT(ENTRY_MARKED)) flags |= SB_SEGMENT_MARKED;
    return flags;
}

/// `fold_word` for a word of printable ASCII when `ascii_folds_alone`: a table load and two byte
/// stores a character. Returns -1, having written nothing, when the buffers lack the room.
static int32_t fold_ascii_word(const UChar *source, int32_t length, sb_segment_output *output) {
    if (output->folded_length + length > output->folded_capacity ||
        output->plain_length + length > output->plain_capacity) {
        return -1;
    }
    char *folded = output->folded + output->folded_length, *plain = output->plain + output->plain_length;
    uint64_t seen = 0;
    for (int32_t i = 0; i < length; i++) {
        uint64_t value = fast_fold[source[i]];
        seen |= value;
        folded[i] = (char)(value & 0x7F);
        plain[i] = (char)((value >> 16) & 0x7F);
    }
    output->folded_length += length;
    output->plain_length += length;
    return entry_flags(seen);
}

/// Folds one word straight into the output buffers: through the table when every unit has an
/// entry, else through ICU. Returns the word's `sb_segment_flag` bits, or -1 on an ICU error.
static int32_t fold_word(const UChar *source, int32_t length, sb_segment_output *output, scratch *folded,
                         scratch *plain) {
    int32_t folded_start = output->folded_length, plain_start = output->plain_length;
    int32_t flags;
    uint64_t seen = 0;
    // The buffers in locals: a store through a `char *` may alias `*output`, which would make the
    // compiler reload them after every byte.
    char *folded_bytes = output->folded, *plain_bytes = output->plain;
    int32_t folded_capacity = output->folded_capacity, plain_capacity = output->plain_capacity;
    int32_t folded_length = folded_start, plain_length = plain_start;
    for (int32_t i = 0; i < length; i++) {
        uint64_t *entry = fast_entry(source[i]);
        if (entry == NULL || *entry == 0) goto slow;
        uint64_t value = *entry;
        seen |= value;
        UChar folded_unit = (UChar)(value & 0xFFFF), plain_unit = (UChar)((value >> 16) & 0xFFFF);
        if (folded_unit != 0) put_unit(folded_unit, folded_bytes, folded_capacity, &folded_length);
        if (plain_unit != 0) put_unit(plain_unit, plain_bytes, plain_capacity, &plain_length);
    }
    output->folded_length = folded_length;
    output->plain_length = plain_length;
    return entry_flags(seen);
slow:
    output->folded_length = folded_start;
    output->plain_length = plain_start;
    int32_t folded_units = 0, plain_units = 0;
    if (!fold_with_icu(source, length, folded, plain, &folded_units, &plain_units)) return -1;
    flags = input_flags(source, length);
    if (folded_units == length && memcmp(folded->units, source, sizeof(UChar) * (size_t)length) == 0) {
        flags |= SB_SEGMENT_FOLDED_AS_TYPED;
    }
    if (folded_units != plain_units || memcmp(folded->units, plain->units, sizeof(UChar) * (size_t)plain_units) != 0) {
        flags |= SB_SEGMENT_MARKED;
    }
    append_utf8(folded->units, folded_units, output->folded, output->folded_capacity, &output->folded_length);
    append_utf8(plain->units, plain_units, output->plain, output->plain_capacity, &output->plain_length);
    return flags;
}

// MARK: - UTF-8 in

/// Code points that ICU's fold deletes but that separate words for a reader, and the
/// apostrophes phones type, unified so that `can’t` and `can't` fold alike.
static inline UChar separator_replacement(UChar c) {
    if (c < 0x2BC) return c;
    switch (c) {
    case 0x200B: /* zero-width space */
    case 0x2028: /* line separator */
    case 0x2029: /* paragraph separator */
        return 0x20;
    case 0x20AB: /* dong sign */
        return 0x0111;
    case 0x2018: /* left single quotation mark, typed for an apostrophe */
    case 0x2019: /* right single quotation mark: the apostrophe of phone keyboards */
    case 0x02BC: /* modifier letter apostrophe */
    case 0xFF07: /* full-width apostrophe */
        return 0x27;
    default:
        return c;
    }
}

/// Converts UTF-8 to UTF-16 with the separator replacements. Valid input (all of Swift's) takes
/// a direct loop; anything invalid goes through ICU, which substitutes U+FFFD, and sets
/// `*repaired` (when given).
static int32_t to_utf16(const char *utf8, int32_t length, scratch *into, int *repaired) {
    if (!scratch_reserve(into, length)) return -1;
    const unsigned char *bytes = (const unsigned char *)utf8;
    UChar *out = into->units;
    int32_t read = 0, written = 0;
    while (read < length) {
        unsigned char lead = bytes[read];
        if (lead < 0x80) {
            out[written++] = lead;
            read += 1;
        } else if (lead >= 0xC2 && lead < 0xE0 && read + 1 < length && (bytes[read + 1] & 0xC0) == 0x80) {
            out[written++] = separator_replacement((UChar)(((lead & 0x1F) << 6) | (bytes[read + 1] & 0x3F)));
            read += 2;
        } else if (lead >= 0xE0 && lead < 0xF0 && read + 2 < length && (bytes[read + 1] & 0xC0) == 0x80 &&
                   (bytes[read + 2] & 0xC0) == 0x80) {
            UChar c = (UChar)(((lead & 0x0F) << 12) | ((bytes[read + 1] & 0x3F) << 6) | (bytes[read + 2] & 0x3F));
            if (c < 0x800 || U16_IS_SURROGATE(c)) goto invalid;
            out[written++] = separator_replacement(c);
            read += 3;
        } else if (lead >= 0xF0 && lead < 0xF5 && read + 3 < length && (bytes[read + 1] & 0xC0) == 0x80 &&
                   (bytes[read + 2] & 0xC0) == 0x80 && (bytes[read + 3] & 0xC0) == 0x80) {
            UChar32 c = ((lead & 0x07) << 18) | ((bytes[read + 1] & 0x3F) << 12) | ((bytes[read + 2] & 0x3F) << 6) |
                        (bytes[read + 3] & 0x3F);
            if (c < 0x10000 || c > 0x10FFFF) goto invalid;
            out[written++] = U16_LEAD(c);
            out[written++] = U16_TRAIL(c);
            read += 4;
        } else {
            goto invalid;
        }
    }
    return written;
invalid:;
    if (repaired != NULL) *repaired = 1;
    UErrorCode status = U_ZERO_ERROR;
    int32_t units = 0;
    u_strFromUTF8WithSub(into->units, into->capacity, &units, utf8, length, 0xFFFD, NULL, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        if (!scratch_reserve(into, units)) return -1;
        status = U_ZERO_ERROR;
        u_strFromUTF8WithSub(into->units, into->capacity, &units, utf8, length, 0xFFFD, NULL, &status);
    }
    if (U_FAILURE(status)) return -1;
    for (int32_t i = 0; i < units; i++) into->units[i] = separator_replacement(into->units[i]);
    return units;
}

static int all_ascii(const char *utf8, int32_t length) {
    unsigned char seen = 0;
    for (int32_t i = 0; i < length; i++) seen |= (unsigned char)utf8[i];
    return seen < 0x80;
}

/// `to_utf16` for ASCII (most messages): a loop the compiler vectorizes.
static int32_t widen_ascii(const char *utf8, int32_t length, scratch *into) {
    if (!scratch_reserve(into, length)) return -1;
    for (int32_t i = 0; i < length; i++) into->units[i] = (unsigned char)utf8[i];
    return length;
}

/// The UTF-8 width of the character starting with `lead`, as `to_utf16` reads it.
static inline int32_t utf8_width(unsigned char lead) { return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4; }

// MARK: - Entry points

static int32_t segment_kind(int32_t rule_status) {
    if (rule_status < UBRK_WORD_NUMBER_LIMIT) return SB_SEGMENT_NUMBER;
    if (rule_status < UBRK_WORD_LETTER_LIMIT) return SB_SEGMENT_LETTERS;
    if (rule_status < UBRK_WORD_KANA_LIMIT) return SB_SEGMENT_KANA;
    return SB_SEGMENT_IDEOGRAPHS;
}

/// Whether every unit at or above U+0080 is a letter the table folds, as the word scanner needs
/// (emoji, combining marks, CJK, symbols... need the break iterator).
static int scanner_handles(const UChar *units, int32_t length) {
    for (int32_t i = 0; i < length; i++) {
        if (units[i] < 0x80) continue;
        uint64_t *entry = fast_entry(units[i]);
        if (entry == NULL || !(*entry & ENTRY_BIT(ENTRY_LETTER))) return 0;
    }
    return 1;
}

/// Where the words of a message come from: the scanner when it knows the class of every unit,
/// else ICU's break iterator.
typedef struct {
    UBreakIterator *iterator; /* NULL when scanning */
    const UChar *units;
    int32_t length;
    int32_t cursor; /* the scanner's position, or the iterator's last boundary */
} word_source;

/// The next word: its `sb_segment_kind` and its unit range, or 0 at the end.
static int32_t next_word(word_source *source, int32_t *start, int32_t *end) {
    if (source->iterator == NULL) {
        return scan_next_word(source->units, source->length, &source->cursor, start, end);
    }
    for (int32_t boundary = ubrk_next(source->iterator); boundary != UBRK_DONE;
         boundary = ubrk_next(source->iterator)) {
        *start = source->cursor;
        *end = source->cursor = boundary;
        int32_t rule_status = ubrk_getRuleStatus(source->iterator);
        if (rule_status >= UBRK_WORD_NONE_LIMIT) return segment_kind(rule_status);
    }
    return 0;
}

/// Both entry points: `may_scan` lets messages the word scanner knows skip the break iterator.
static int32_t segment_and_fold(const char *utf8, int32_t length, sb_segment_output *output, int may_scan) {
    pthread_once(&setup_once, setup);
    output->folded_length = 0;
    output->plain_length = 0;
    output->segment_count = 0;
    if (setup_failed) return SB_STATUS_ICU_ERROR;

    scratch text, folded, plain;
    scratch_init(&text);
    scratch_init(&folded);
    scratch_init(&plain);
    int32_t result = SB_STATUS_OK;
    int repaired = 0;
    int32_t units =
        all_ascii(utf8, length) ? widen_ascii(utf8, length, &text) : to_utf16(utf8, length, &text, &repaired);
    if (units < 0) {
        result = SB_STATUS_ICU_ERROR;
        goto done;
    }
    // Byte offsets come from walking the input alongside the UTF-16; invalid input (which ICU
    // repaired) would not line up, so its segments report no text range (-1). Valid input with
    // as many units as bytes is ASCII: the offsets are the same, and the scanner takes it.
    int offsets_valid = !repaired;
    int is_ascii = !repaired && units == length;

    word_source source = {.iterator = NULL, .units = text.units, .length = units, .cursor = 0};
    if (!may_scan || (!is_ascii && !scanner_handles(text.units, units))) {
        source.iterator = thread_word_break();
        UErrorCode status = U_ZERO_ERROR;
        if (source.iterator != NULL) ubrk_setText(source.iterator, text.units, units, &status);
        if (source.iterator == NULL || U_FAILURE(status)) {
            result = SB_STATUS_ICU_ERROR;
            goto done;
        }
        source.cursor = ubrk_first(source.iterator);
    }

    int32_t byte_cursor = 0, unit_cursor = 0;
    int32_t start = 0, end = 0, kind;
    while ((kind = next_word(&source, &start, &end)) != 0) {
        int32_t text_start = start, text_end = end;
        if (offsets_valid && !is_ascii) {
            while (unit_cursor < start && byte_cursor < length) {
                int32_t width = utf8_width((unsigned char)utf8[byte_cursor]);
                byte_cursor += width;
                unit_cursor += width == 4 ? 2 : 1;
            }
            text_start = byte_cursor;
            while (unit_cursor < end && byte_cursor < length) {
                int32_t width = utf8_width((unsigned char)utf8[byte_cursor]);
                byte_cursor += width;
                unit_cursor += width == 4 ? 2 : 1;
            }
            text_end = byte_cursor;
        }
        int32_t folded_start = output->folded_length, plain_start = output->plain_length;
        const UChar *word = text.units + start;
        int32_t flags = is_ascii && ascii_folds_alone ? fold_ascii_word(word, end - start, output) : -1;
        if (flags < 0) flags = fold_word(word, end - start, output, &folded, &plain);
        if (flags < 0) {
            result = SB_STATUS_ICU_ERROR;
            goto done;
        }
        if (output->folded_length == folded_start) {
            output->plain_length = plain_start;
            continue;
        }
        sb_segment segment;
        segment.text_start = text_start;
        segment.text_end = text_end;
        segment.kind = kind;
        segment.flags = flags;
        segment.folded_start = folded_start;
        segment.folded_end = output->folded_length;
        segment.plain_start = plain_start;
        segment.plain_end = output->plain_length;
        if (!offsets_valid) segment.text_start = segment.text_end = -1;
        if (output->segment_count < output->segment_capacity) output->segments[output->segment_count] = segment;
        output->segment_count += 1;
    }
    if (output->folded_length > output->folded_capacity || output->plain_length > output->plain_capacity ||
        output->segment_count > output->segment_capacity) {
        result = SB_STATUS_BUFFER_TOO_SMALL;
    }
done:
    scratch_free(&text);
    scratch_free(&folded);
    scratch_free(&plain);
    return result;
}

int32_t sb_segment_and_fold(const char *utf8, int32_t length, sb_segment_output *output) {
    return segment_and_fold(utf8, length, output, 1);
}

int32_t sb_segment_and_fold_with_icu(const char *utf8, int32_t length, sb_segment_output *output) {
    return segment_and_fold(utf8, length, output, 0);
}

int32_t sb_segment_scanner_handles(const char *utf8, int32_t length) {
    pthread_once(&setup_once, setup);
    if (setup_failed) return -1;
    scratch text;
    scratch_init(&text);
    int32_t units = to_utf16(utf8, length, &text, NULL);
    int32_t result = units < 0 ? -1 : scanner_handles(text.units, units);
    scratch_free(&text);
    return result;
}

int32_t sb_fold(const char *utf8, int32_t length, char *output, int32_t capacity, int32_t strip_marks) {
    pthread_once(&setup_once, setup);
    if (setup_failed) return -1;
    scratch text, folded, plain;
    scratch_init(&text);
    scratch_init(&folded);
    scratch_init(&plain);
    int32_t result = -1;
    int32_t units = to_utf16(utf8, length, &text, NULL);
    int32_t folded_units = 0, plain_units = 0;
    if (units >= 0 && fold_with_icu(text.units, units, &folded, &plain, &folded_units, &plain_units)) {
        int32_t used = 0;
        if (strip_marks) {
            append_utf8(plain.units, plain_units, output, capacity, &used);
        } else {
            append_utf8(folded.units, folded_units, output, capacity, &used);
        }
        result = used;
    }
    scratch_free(&text);
    scratch_free(&folded);
    scratch_free(&plain);
    return result;
}

int32_t sb_round_trip(const char *utf8, int32_t length) {
    scratch text;
    scratch_init(&text);
    int32_t units = to_utf16(utf8, length, &text, NULL);
    int32_t used = 0;
    char bytes[STACK_UNITS * 3];
    if (units >= 0) append_utf8(text.units, units, bytes, (int32_t)sizeof(bytes), &used);
    scratch_free(&text);
    return used;
}
