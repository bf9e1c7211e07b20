#ifndef SUPPORTBOT_ICU_SHIMS_H
#define SUPPORTBOT_ICU_SHIMS_H

// The ICU-free face of the ICU calls. Swift sees only these types: no ICU header may reach a
// Swift module, because Foundation carries its own, different ICU (see README, "System ICU").

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// What ICU's word-break rules said a segment is.
typedef enum {
    SB_SEGMENT_NUMBER = 1,
    SB_SEGMENT_LETTERS = 2,
    SB_SEGMENT_KANA = 3,
    SB_SEGMENT_IDEOGRAPHS = 4,
} sb_segment_kind;

/// One word segment: byte ranges in the input, the folded buffer and the plain buffer. The input
/// range is -1..-1 when the input was not valid UTF-8 (it was read with U+FFFD substitutes).
typedef struct {
    int32_t text_start;
    int32_t text_end;
    int32_t folded_start;
    int32_t folded_end;
    int32_t plain_start;
    int32_t plain_end;
    int32_t kind;
    /// `sb_segment_flag` bits.
    int32_t flags;
} sb_segment;

/// What the fold saw in a segment.
typedef enum {
    /// The input is ASCII.
    SB_SEGMENT_ASCII = 1,
    /// The input has an ASCII capital letter.
    SB_SEGMENT_UPPER = 2,
    /// The input has an ASCII small letter.
    SB_SEGMENT_LOWER = 4,
    /// `folded` and `plain` differ: the fold removed marks or mapped đ.
    SB_SEGMENT_MARKED = 8,
    /// `folded` is the input unchanged (meaningful with SB_SEGMENT_ASCII).
    SB_SEGMENT_FOLDED_AS_TYPED = 16,
} sb_segment_flag;

/// Caller-owned buffers. On return the lengths and the count say what was written, or, when the
/// call returns `SB_STATUS_BUFFER_TOO_SMALL`, how much room a second call needs.
typedef struct {
    char *folded;
    int32_t folded_capacity;
    int32_t folded_length;
    char *plain;
    int32_t plain_capacity;
    int32_t plain_length;
    sb_segment *segments;
    int32_t segment_capacity;
    int32_t segment_count;
} sb_segment_output;

enum {
    SB_STATUS_OK = 0,
    SB_STATUS_BUFFER_TOO_SMALL = 1,
    SB_STATUS_ICU_ERROR = -1,
};

/// Splits UTF-8 into words (ICU word break, root rules) and gives each word its NFKC case fold
/// (`folded`) and that fold without combining marks and with đ → d (`plain`). Segments that
/// are not words (spaces, punctuation, emoji) are left out. U+200B, U+2028 and U+2029 separate
/// words; typographic apostrophes read as `'`; ₫ reads as đ.
///
/// Text whose characters are all ASCII or letters (nearly every message) is split without the
/// break iterator, by a scanner that gives the same segments (word_scanner.h).
int32_t sb_segment_and_fold(const char *utf8, int32_t length, sb_segment_output *output);

/// `sb_segment_and_fold` with ICU's break iterator whatever the text: what the scanner is tested
/// against.
int32_t sb_segment_and_fold_with_icu(const char *utf8, int32_t length, sb_segment_output *output);

/// Whether `sb_segment_and_fold` splits `utf8` with the scanner rather than the break iterator:
/// 1 or 0, or -1 on an ICU error. For the tests that compare the two.
int32_t sb_segment_scanner_handles(const char *utf8, int32_t length);

/// Folds one UTF-8 string: NFKC case fold, then, if `strip_marks` is non-zero, drops combining
/// marks and maps đ → d. Returns the folded length in bytes (which may exceed `capacity`: call
/// again with more room), or -1 on an ICU error.
int32_t sb_fold(const char *utf8, int32_t length, char *output, int32_t capacity, int32_t strip_marks);

/// Converts UTF-8 to UTF-16 and back, doing nothing else: the cost floor of any ICU call.
int32_t sb_round_trip(const char *utf8, int32_t length);

#ifdef __cplusplus
}
#endif

#endif
