// Internal to CICUShims (not under include/: Swift never sees it).
#ifndef SUPPORTBOT_WORD_SCANNER_H
#define SUPPORTBOT_WORD_SCANNER_H

#include <stdint.h>

/// Finds the next word at or after `*cursor` in UTF-16 `units`: the next segment ICU's root
/// word-break rules (UAX #29 as CLDR tailors it) would give a rule status of a number or a word.
/// Returns 0 when there is none, else its `sb_segment_kind`, with the word at `*start..<*end` and
/// `*cursor` moved past it.
///
/// Only for text whose units at or above U+0080 are all letters (Word_Break=ALetter): the
/// caller checks. In such text no rule looks further than one character either way, which is
/// what lets a scan replace the break iterator for almost every message.
int32_t sb_scan_next_word(const uint16_t *units, int32_t length, int32_t *cursor, int32_t *start, int32_t *end);

#endif
