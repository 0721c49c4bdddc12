// SHA-256 compression with the x86-64 SHA extensions: four rounds per pair of sha256rnds2 instructions and the
// message schedule with sha256msg1/sha256msg2. On other processors both functions are inert and Swift's own
// implementation is used.
#include "sha256_hardware.h"

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>

int graphperm_sha256_hardware_available(void) {
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    int ssse3 = (ecx >> 9) & 1, sse41 = (ecx >> 19) & 1;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
    int sha = (ebx >> 29) & 1;
    return ssse3 && sse41 && sha;
}

__attribute__((target("sha,sse4.1,ssse3")))
void graphperm_sha256_hardware_blocks(uint32_t state[8], const uint8_t *data, size_t blocks, const uint32_t round_constants[64]) {
    // Big-endian words: reverse the bytes of each 32-bit lane.
    const __m128i byte_swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    // The instructions keep the state as ABEF and CDGH, A in the highest lane (comments list lanes low to high).
    __m128i abcd = _mm_loadu_si128((const __m128i *)&state[0]);  // a, b, c, d
    __m128i efgh = _mm_loadu_si128((const __m128i *)&state[4]);  // e, f, g, h
    __m128i badc = _mm_shuffle_epi32(abcd, 0xB1);                // b, a, d, c
    __m128i hgfe = _mm_shuffle_epi32(efgh, 0x1B);                // h, g, f, e
    __m128i abef = _mm_alignr_epi8(badc, hgfe, 8);               // f, e, b, a
    __m128i cdgh = _mm_blend_epi16(hgfe, badc, 0xF0);            // h, g, d, c

    for (; blocks > 0; blocks--, data += 64) {
        const __m128i abef_before = abef, cdgh_before = cdgh;
        __m128i words[4];
        for (int group = 0; group < 16; group++) {
            __m128i w;
            if (group < 4) {
                w = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16 * group)), byte_swap);
            } else {
                // W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16], four words at a time.
                __m128i oldest = words[group % 4], older = words[(group + 1) % 4];
                __m128i newer = words[(group + 2) % 4], newest = words[(group + 3) % 4];
                w = _mm_add_epi32(_mm_sha256msg1_epu32(oldest, older), _mm_alignr_epi8(newest, newer, 4));
                w = _mm_sha256msg2_epu32(w, newest);
            }
            words[group % 4] = w;
            __m128i wk = _mm_add_epi32(w, _mm_loadu_si128((const __m128i *)&round_constants[4 * group]));
            // Two rounds each: the first returns the new ABEF, and the old ABEF becomes the next CDGH.
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, wk);
            abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(wk, 0x0E));
        }
        abef = _mm_add_epi32(abef, abef_before);
        cdgh = _mm_add_epi32(cdgh, cdgh_before);
    }

    __m128i lanes_abef = _mm_shuffle_epi32(abef, 0x1B);  // a, b, e, f
    __m128i lanes_ghcd = _mm_shuffle_epi32(cdgh, 0xB1);  // g, h, c, d
    _mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(lanes_abef, lanes_ghcd, 0xF0));  // a, b, c, d
    _mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(lanes_ghcd, lanes_abef, 8));    // e, f, g, h
}

#else

int graphperm_sha256_hardware_available(void) { return 0; }

void graphperm_sha256_hardware_blocks(uint32_t state[8], const uint8_t *data, size_t blocks, const uint32_t round_constants[64]) {
    (void)state; (void)data; (void)blocks; (void)round_constants;
}

#endif
