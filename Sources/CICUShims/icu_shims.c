// The only file that includes ICU headers. Everything here works on UTF-16 inside and UTF-8 at
// the boundary, because building Swift strings from UTF-16 costs more than ICU itself.

#include "icu_shims.h"

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
static pthread_key_t word_break_key;
static pthread_once_t setup_once = PTHREAD_ONCE_INIT;
static int setup_failed;

static void close_word_break(void *iterator) { ubrk_close((UBreakIterator *)iterator); }

static void setup(void) {
    UErrorCode status = U_ZERO_ERROR;
    casefold_instance = unorm2_getNFKCCasefoldInstance(&status);
    nfd_instance = unorm2_getNFDInstance(&status);
    nfc_instance = unorm2_getNFCInstance(&status);
    word_break_prototype = ubrk_open(UBRK_WORD, "", NULL, 0, &status);
    if (U_FAILURE(status) || pthread_key_create(&word_break_key, close_word_break) != 0) setup_failed = 1;
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

/// Appends UTF-16 as UTF-8 to `buffer`, counting the room needed even when it does not fit.
static int append_utf8(const UChar *units, int32_t length, char *buffer, int32_t capacity, int32_t *used) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t room = *used < capacity ? capacity - *used : 0;
    int32_t written = 0;
    u_strToUTF8(room > 0 ? buffer + *used : NULL, room, &written, units, length, &status);
    if (U_FAILURE(status) && status != U_BUFFER_OVERFLOW_ERROR) return 0;
    if (status == U_STRING_NOT_TERMINATED_WARNING) status = U_ZERO_ERROR;
    *used += written;
    return 1;
}

/// Folds UTF-16 into `folded` (case fold) and `plain` (case fold without marks).
static int fold_units(const UChar *source, int32_t length, scratch *folded, scratch *plain, int32_t *folded_length,
                      int32_t *plain_length) {
    int ascii = 1;
    for (int32_t i = 0; i < length; i++) {
        if (source[i] >= 0x80) {
            ascii = 0;
            break;
        }
    }
    if (ascii) {
        if (!scratch_reserve(folded, length) || !scratch_reserve(plain, length)) return 0;
        for (int32_t i = 0; i < length; i++) {
            UChar c = source[i];
            if (c >= 'A' && c <= 'Z') c += 32;
            folded->units[i] = c;
            plain->units[i] = c;
        }
        *folded_length = length;
        *plain_length = length;
        return 1;
    }
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

/// Code points that ICU's fold deletes but that separate words for a reader.
static UChar separator_replacement(UChar c) {
    switch (c) {
    case 0x200B: /* zero-width space */
    case 0x2028: /* line separator */
    case 0x2029: /* paragraph separator */
        return 0x20;
    case 0x20AB: /* dong sign */
        return 0x0111;
    default:
        return c;
    }
}

static int32_t to_utf16(const char *utf8, int32_t length, scratch *into) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t units = 0;
    u_strFromUTF8WithSub(into->units, into->capacity, &units, utf8, length, 0xFFFD, NULL, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        if (!scratch_reserve(into, units)) return -1;
        status = U_ZERO_ERROR;
        u_strFromUTF8WithSub(into->units, into->capacity, &units, utf8, length, 0xFFFD, NULL, &status);
    }
    return U_FAILURE(status) ? -1 : units;
}

static int32_t segment_kind(int32_t rule_status) {
    if (rule_status < UBRK_WORD_NUMBER_LIMIT) return SB_SEGMENT_NUMBER;
    if (rule_status < UBRK_WORD_LETTER_LIMIT) return SB_SEGMENT_LETTERS;
    if (rule_status < UBRK_WORD_KANA_LIMIT) return SB_SEGMENT_KANA;
    return SB_SEGMENT_IDEOGRAPHS;
}

int32_t sb_segment_and_fold(const char *utf8, int32_t length, sb_segment_output *output) {
    pthread_once(&setup_once, setup);
    output->folded_length = 0;
    output->plain_length = 0;
    output->segment_count = 0;
    if (setup_failed) return SB_STATUS_ICU_ERROR;
    UBreakIterator *iterator = thread_word_break();
    if (iterator == NULL) return SB_STATUS_ICU_ERROR;

    scratch text, folded, plain;
    scratch_init(&text);
    scratch_init(&folded);
    scratch_init(&plain);
    int32_t result = SB_STATUS_OK;
    int32_t units = to_utf16(utf8, length, &text);
    if (units < 0) {
        result = SB_STATUS_ICU_ERROR;
        goto done;
    }
    for (int32_t i = 0; i < units; i++) text.units[i] = separator_replacement(text.units[i]);

    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(iterator, text.units, units, &status);
    if (U_FAILURE(status)) {
        result = SB_STATUS_ICU_ERROR;
        goto done;
    }
    // Word boundaries are UTF-16 offsets; walk the UTF-8 input alongside to report byte offsets.
    int32_t byte_cursor = 0, unit_cursor = 0;
    int32_t start = ubrk_first(iterator);
    for (int32_t end = ubrk_next(iterator); end != UBRK_DONE; start = end, end = ubrk_next(iterator)) {
        int32_t rule_status = ubrk_getRuleStatus(iterator);
        if (rule_status < UBRK_WORD_NONE_LIMIT) continue;
        while (unit_cursor < start && byte_cursor < length) {
            unsigned char lead = (unsigned char)utf8[byte_cursor];
            int32_t width = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
            byte_cursor += width;
            unit_cursor += width == 4 ? 2 : 1;
        }
        int32_t text_start = byte_cursor;
        while (unit_cursor < end && byte_cursor < length) {
            unsigned char lead = (unsigned char)utf8[byte_cursor];
            int32_t width = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
            byte_cursor += width;
            unit_cursor += width == 4 ? 2 : 1;
        }
        int32_t folded_units = 0, plain_units = 0;
        if (!fold_units(text.units + start, end - start, &folded, &plain, &folded_units, &plain_units)) {
            result = SB_STATUS_ICU_ERROR;
            goto done;
        }
        if (folded_units == 0) continue;
        sb_segment segment;
        segment.text_start = text_start;
        segment.text_end = byte_cursor;
        segment.kind = segment_kind(rule_status);
        segment.folded_start = output->folded_length;
        if (!append_utf8(folded.units, folded_units, output->folded, output->folded_capacity,
                         &output->folded_length)) {
            result = SB_STATUS_ICU_ERROR;
            goto done;
        }
        segment.folded_end = output->folded_length;
        segment.plain_start = output->plain_length;
        if (!append_utf8(plain.units, plain_units, output->plain, output->plain_capacity, &output->plain_length)) {
            result = SB_STATUS_ICU_ERROR;
            goto done;
        }
        segment.plain_end = output->plain_length;
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

int32_t sb_fold(const char *utf8, int32_t length, char *output, int32_t capacity, int32_t strip_marks) {
    pthread_once(&setup_once, setup);
    if (setup_failed) return -1;
    scratch text, folded, plain;
    scratch_init(&text);
    scratch_init(&folded);
    scratch_init(&plain);
    int32_t result = -1;
    int32_t units = to_utf16(utf8, length, &text);
    int32_t folded_units = 0, plain_units = 0;
    if (units >= 0) {
        for (int32_t i = 0; i < units; i++) text.units[i] = separator_replacement(text.units[i]);
        if (fold_units(text.units, units, &folded, &plain, &folded_units, &plain_units)) {
            int32_t used = 0;
            scratch *chosen = strip_marks ? &plain : &folded;
            if (append_utf8(chosen->units, strip_marks ? plain_units : folded_units, output, capacity, &used)) {
                result = used;
            }
        }
    }
    scratch_free(&text);
    scratch_free(&folded);
    scratch_free(&plain);
    return result;
}

int32_t sb_round_trip(const char *utf8, int32_t length) {
    scratch text;
    scratch_init(&text);
    int32_t units = to_utf16(utf8, length, &text);
    int32_t used = 0;
    char bytes[STACK_UNITS * 3];
    if (units >= 0) append_utf8(text.units, units, bytes, (int32_t)sizeof(bytes), &used);
    scratch_free(&text);
    return used;
}
