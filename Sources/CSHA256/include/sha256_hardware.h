#ifndef GRAPHPERM_SHA256_HARDWARE_H
#define GRAPHPERM_SHA256_HARDWARE_H

#include <stddef.h>
#include <stdint.h>

/// 1 when this processor has SHA-256 instructions this file can use (x86-64 SHA extensions), else 0.
int graphperm_sha256_hardware_available(void);

/// Runs the SHA-256 compression function over `blocks` 64-byte blocks at `data`, updating the eight state
/// words `state` (FIPS 180-4 H0...H7) with the 64 `round_constants` (K0...K63). Call only when
/// graphperm_sha256_hardware_available() is 1.
void graphperm_sha256_hardware_blocks(uint32_t state[8], const uint8_t *data, size_t blocks, const uint32_t round_constants[64]);

#endif
