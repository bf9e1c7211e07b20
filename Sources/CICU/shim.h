// Intentionally empty: this module exists for ICU's link flags and the apt install hint.
// No Swift module may see an ICU header (see README, "System ICU"); CICUShims holds the calls.
