/*
 * One-shot EBU R128 measurements of a mono float buffer with libebur128 (ebur128.c, unmodified
 * upstream v1.2.6): the whole buffer goes to libebur128 in one ebur128_add_frames_float call.
 * Compiled with ebur128.c to ebur128.wasm by build.sh; called from src/audio/codec/loudnessMeter.ts.
 */
#include <stdlib.h>

#include "ebur128.h"

/* What a failed measurement returns (NaN: the caller throws). */
static double failed(void) { return __builtin_nan(""); }

static double measure(unsigned int rate, const float* samples, size_t frames, int mode) {
  ebur128_state* state = ebur128_init(1, rate, mode);
  double out;
  if (!state) return failed();
  if (ebur128_add_frames_float(state, samples, frames) != EBUR128_SUCCESS) out = failed();
  else if (mode == EBUR128_MODE_I) out = ebur128_loudness_global(state, &out) == EBUR128_SUCCESS ? out : failed();
  else out = ebur128_true_peak(state, 0, &out) == EBUR128_SUCCESS ? out : failed();
  ebur128_destroy(&state);
  return out;
}

/* Integrated (gated) loudness, LUFS; -HUGE_VAL for silence. */
double integrated_mono(unsigned int rate, const float* samples, size_t frames) {
  return measure(rate, samples, frames, EBUR128_MODE_I);
}

/* True peak (4x oversampled below 96 kHz), linear full scale. */
double true_peak_mono(unsigned int rate, const float* samples, size_t frames) {
  return measure(rate, samples, frames, EBUR128_MODE_TRUE_PEAK);
}

void* buffer_alloc(size_t bytes) { return malloc(bytes); }
void buffer_free(void* p) { free(p); }
