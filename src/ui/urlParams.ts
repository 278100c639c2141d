/** A comma-separated URL parameter as a list: trimmed, without empty or repeated values. */
export function parseListParam(value: string | null): string[] {
  return value
    ? [
        ...new Set(
          value
            .split(',')
            .map((v) => v.trim())
            .filter(Boolean),
        ),
      ]
    : [];
}
