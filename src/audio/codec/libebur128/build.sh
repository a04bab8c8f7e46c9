#!/bin/sh
# Rebuilds ebur128.wasm from ebur128.c (libebur128 v1.2.6, unmodified) and measure.c.
# Needs Debian 12's clang 14 and WASI libc: apt-get install -y clang-14 lld-14 wasi-libc libclang-rt-14-dev-wasm32
# The build is reproducible: the printed sha256 is the committed file's (README.md here).
set -eu
cd "$(dirname "$0")"
clang-14 --target=wasm32-wasi --sysroot=/usr -isystem /usr/include/wasm32-wasi -L/usr/lib/wasm32-wasi \
  -O2 -Wno-cpp -nostartfiles -Wl,--no-entry \
  -Wl,--export=integrated_mono -Wl,--export=true_peak_mono -Wl,--export=buffer_alloc -Wl,--export=buffer_free \
  -I. -Iqueue -o ebur128.wasm ebur128.c measure.c -lm
sha256sum ebur128.wasm
