/** Human-readable tables go to stderr: a bench's stdout stays one JSON object per line. */
export function table(rows: unknown[]): void {
  const original = console.log
  console.log = console.error
  try {
    console.table(rows)
  } finally {
    console.log = original
  }
}
