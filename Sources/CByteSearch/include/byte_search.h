#ifndef PARLEY_BYTE_SEARCH_H
#define PARLEY_BYTE_SEARCH_H

#include <stddef.h>

/// Whether `needle` occurs in `haystack` (the C library's memmem, a GNU extension that Swift's
/// Glibc module does not declare).
int parley_contains_bytes(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

/// Whether `needle` (lowercase ASCII) occurs in `haystack` with ASCII letters in any case.
int parley_contains_bytes_any_case(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

#endif
