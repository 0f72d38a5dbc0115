/**
 * Empty arrays that V8 already holds as arrays of any value, for lists that a hot loop grows
 * with strings or objects (a list of fractions is better left to start as `[]`: this kind
 * would box each one).
 *
 * A literal `[]` starts as an array of small integers and changes kind at its first other
 * value. Code V8 optimised while an earlier review ran has only seen the changed kind, so a
 * fresh `[]` grown by that code throws it away (a deoptimisation), and the loop runs
 * unoptimised until it is compiled again. Every list made once per review and grown per row
 * did this in the second and third reviews of one process (the task pane, a batch, the bench).
 */

/** An empty list, filled in order (push). */
export function listOf<T>(): T[] {
  const list = [undefined] as T[];
  list.length = 0;
  return list;
}

/** An empty list written at any index (a cache by column number): holey from the start. */
export function sparseListOf<T>(): T[] {
  // eslint-disable-next-line no-sparse-arrays
  const list = [, undefined] as T[];
  list.length = 0;
  return list;
}

/**
 * `xs.map(f)` as a list of one kind whether or not V8 has optimised the caller: its own map()
 * gives a packed array when it runs unoptimised and a holey one when optimised code inlines it,
 * and code that reads such lists (a summary table's columns, a row's styles) is thrown away
 * each time it meets the other kind.
 */
export function mapped<T, U>(xs: readonly T[], f: (x: T, i: number) => U): U[] {
  const out = new Array<U>(xs.length);
  for (let i = 0; i < xs.length; i++) out[i] = f(xs[i], i);
  return out;
}
