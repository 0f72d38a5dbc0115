/**
 * How wide a text is on a sheet, in Excel's column unit (the width of a digit of the body font):
 * East Asian wide and full-width characters count 2, and so do the "ambiguous" ones that Japanese
 * fonts draw full-width (①, ★, ※, Ⅲ, ■, ×, —, …); capitals and m/w count a little more than a
 * digit. Erring wide keeps text from being cut. Linear in the text, no allocation: the summary
 * measures every cell of a 100,000-row list.
 */

function codeWidth(c: number): number {
  if (c < 0x7f) {
    if (c < 0x20) return 0;
    // capitals, m and w are wider than a digit in proportional fonts
    return (c >= 0x41 && c <= 0x5a) || c === 0x6d || c === 0x77 ? 1.3 : 1;
  }
  if (c < 0x1100) return c === 0xa7 || c === 0xb0 || c === 0xb1 || c === 0xb6 || c === 0xd7 || c === 0xf7 ? 2 : c >= 0x300 && c <= 0x36f ? 0 : 1;
  if (c <= 0x115f) return 2;
  if (c < 0x2010) return 1;
  if (c <= 0x203b) return 2; // dashes, quotes, …, ‰, ※
  if (c < 0x2100) return 1;
  if (c <= 0x2bff) return 2; // letterlike, Ⅰ–Ⅻ, arrows, maths, ①, box drawing, shapes, ★☆
  if (c < 0x2e80) return 1;
  if (c <= 0xa4cf) return c === 0x3099 || c === 0x309a ? 0 : 2; // CJK, kana, punctuation 、。「」
  if (c >= 0xac00 && c <= 0xd7a3) return 2;
  if (c >= 0xd800 && c <= 0xdbff) return 2; // a surrogate pair: ext-B kanji, emoji
  if (c >= 0xdc00 && c <= 0xdfff) return 0;
  if (c >= 0xf900 && c <= 0xfaff) return 2;
  if (c >= 0xfe30 && c <= 0xfe4f) return 2;
  if (c >= 0xff00 && c <= 0xff60) return 2;
  if (c >= 0xffe0 && c <= 0xffe6) return 2;
  return 1;
}

/** The width of one line of text (line breaks count nothing). */
export function displayWidth(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) w += codeWidth(text.charCodeAt(i));
  return w;
}

/** The width of the widest line of a text that may hold line breaks. */
export function widestLine(text: string): number {
  let widest = 0;
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      if (w > widest) widest = w;
      w = 0;
    } else w += codeWidth(c);
  }
  return w > widest ? w : widest;
}

/**
 * Lines a text takes when wrapped in `width` units: each line break starts a line, and a line
 * wider than the width breaks. Word wrapping of Latin words wastes part of a line: `width` is
 * taken a unit narrower for a line with Latin letters.
 */
export function wrappedLines(text: string, width: number): number {
  const room = Math.max(1, width);
  let lines = 0;
  let w = 0;
  let latin = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      lines += lineCount(w, latin, room);
      w = 0;
      latin = false;
    } else {
      if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin = true;
      w += codeWidth(c);
    }
  }
  return lines + lineCount(w, latin, room);
}

/** lines one line of `w` units takes in `room` */
function lineCount(w: number, latin: boolean, room: number): number {
  return w <= room ? 1 : Math.ceil(w / (latin ? Math.max(1, room - 1) : room));
}
