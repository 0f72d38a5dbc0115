/**
 * Text into and out of XML. Escaping itself is one thing (`escapeText`, `escapeAttr`); the
 * characters XML 1.0 cannot carry at all (C0 controls other than tab/LF/CR, lone surrogates,
 * U+FFFE, U+FFFF) need a choice, made by the caller:
 *   - `encodeXstring`: lossless, Excel's `_xHHHH_` form for cell text (ST_Xstring). The patch
 *     writer uses it: a department's text comes back exactly as it was.
 *   - `replaceUnencodable` (and `safeText`/`safeAttr`): each such character becomes U+FFFD. For
 *     parts written from scratch where `_xHHHH_` is not read back (attributes, titles, shared
 *     strings of the summary).
 */

const UNENCODABLE_CLASS = '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
const UNENCODABLE = new RegExp(UNENCODABLE_CLASS, 'g');
const ANY_UNENCODABLE = new RegExp(UNENCODABLE_CLASS);
/** as UNENCODABLE, plus CR, which XML parsers would normalise away in text */
const XSTRING_ENCODED = new RegExp(UNENCODABLE_CLASS + '|\\r', 'g');
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const MAY_NEED_XSTRING = /[&<>_\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

// most text needs no escaping: test once instead of running every replace (the summary escapes 100,000s)
const TEXT_SPECIAL = /[&<>]/;
const ATTR_SPECIAL = /[&<>"\t\n\r]/;

export function escapeText(s: string): string {
  if (!TEXT_SPECIAL.test(s)) return s;
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(s: string): string {
  if (!ATTR_SPECIAL.test(s)) return s;
  return escapeText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/** Lossy: every character XML cannot carry becomes U+FFFD. */
export function replaceUnencodable(s: string): string {
  return ANY_UNENCODABLE.test(s) ? s.replace(UNENCODABLE, '\uFFFD') : s;
}

/** Element text written from scratch: unencodable characters replaced, then escaped. */
export function safeText(s: string): string {
  return escapeText(replaceUnencodable(s));
}

/** Attribute value written from scratch: unencodable characters replaced, then escaped. */
export function safeAttr(s: string): string {
  return escapeAttr(replaceUnencodable(s));
}

/**
 * Lossless, for an OOXML ST_Xstring (cell text): characters XML 1.0 cannot carry and CR are
 * written as `_xHHHH_` like Excel does, a literal `_xHHHH_` is protected as `_x005F_xHHHH_`,
 * then XML escaping.
 */
export function encodeXstring(s: string): string {
  if (!MAY_NEED_XSTRING.test(s)) return s;
  const protectedText = s.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
  const encoded = protectedText.replace(XSTRING_ENCODED, (ch) => '_x' + ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0') + '_');
  return escapeText(encoded);
}

/** Cell text as Excel reads it: `_xHHHH_` stands for U+HHHH (`_x000D_` is a carriage return). */
export function decodeXstring(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Resolves character and the five predefined entity references; anything else is kept as written. */
export function unescapeXml(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return NAMED[e] ?? m;
  });
}
