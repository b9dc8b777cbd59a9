#define _GNU_SOURCE
#include <string.h>
#include "byte_search.h"

int parley_contains_bytes(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length) {
    return memmem(haystack, haystack_length, needle, needle_length) != NULL;
}

int parley_contains_bytes_any_case(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length) {
    const unsigned char *h = haystack, *n = needle;
    if (needle_length == 0) return 1;
    if (haystack_length < needle_length) return 0;
    for (size_t i = 0; i + needle_length <= haystack_length; i++) {
        size_t j = 0;
        while (j < needle_length) {
            unsigned char c = h[i + j];
            if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
            if (c != n[j]) break;
            j++;
        }
        if (j == needle_length) return 1;
    }
    return 0;
}
