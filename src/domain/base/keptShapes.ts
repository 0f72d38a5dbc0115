/**
 * The latest object of each class a review makes afresh every time (readers, parsers, writers),
 * kept alive between reviews.
 *
 * V8 keeps the hidden class ("map") of such objects only while some object has it, and the code
 * it optimised for them refers to the map weakly. When a full garbage collection finds no object
 * of a class alive (between two reviews in the task pane, between the workbooks of a batch, after
 * anything else that made garbage), the map goes, every function optimised for it is thrown away,
 * and the next review runs unoptimised while V8 compiles it all again: a 10,000-row review after
 * a full collection took 560–650 ms where a warm one takes 300–400 ms. An object kept per class
 * keeps its map, and with it the code (390–540 ms).
 *
 * A kept object holds on to what it refers to: objects that refer to a sheet's worth of data let
 * go of it when they are done (letGo), so that only the objects themselves stay.
 */

const kept = new Map<unknown, object>();

/** Keeps `o` as its class's latest object (call it in the constructor). */
export function keepShape(o: object): void {
  kept.set(o.constructor, o);
}

/**
 * `o` is done: its text fields become '' and its object and function fields null, which leaves
 * its map as it was (numbers and booleans stay), so that as its class's kept object it holds
 * nothing else alive.
 */
export function letGo(o: object): void {
  const fields = o as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    const v = fields[key];
    if (typeof v === 'string') fields[key] = '';
    else if (typeof v === 'function' || (typeof v === 'object' && v !== null)) fields[key] = null;
  }
}
