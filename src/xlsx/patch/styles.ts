/**
 * xl/styles.xml, append-only: the few cell formats (xf), fonts, fills, number formats and
 * differential formats (dxf) the output cells need are added at the end of their lists,
 * counts updated; existing entries and their indices never change. An equal entry already
 * present is reused, so patching a patched workbook adds nothing.
 */
import { OUTPUT_DATA_FILL, OUTPUT_HEADER_FILL } from '../../domain/plan/plan';
import { PatchError } from './errors';
import { attr, childElements, escapeAttr, prefixOf, readStartTag, rootElement, startTag, withAttr, type Attr, type Element, type StartTag } from './xml';
import { NS_MAIN } from './opc';

/** Built-in number formats that do not depend on the locale. */
export const BUILTIN_NUMFMTS: Readonly<Record<string, number>> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '# ?/?': 12,
  '# ??/??': 13,
  '@': 49,
};

/** CT_Stylesheet child order. */
export const STYLESHEET_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

export type StyleRequest =
  /** output data cell: number format + data fill */
  | { kind: 'data'; numFmt: string }
  /** output header cell: bold, header fill, centred and wrapped, text format */
  | { kind: 'header' }
  /** log sheet header: bold */
  | { kind: 'bold' }
  /** text kept as text ('@') */
  | { kind: 'text' }
  /** the cell's own (or inherited) format, unchanged */
  | { kind: 'keep' };

export const MINIMAL_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${NS_MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0"/></styleSheet>`;

const XF_ATTR_ORDER = ['numFmtId', 'fontId', 'fillId', 'borderId', 'xfId', 'quotePrefix', 'pivotButton', 'applyNumberFormat', 'applyFont', 'applyFill', 'applyBorder', 'applyAlignment', 'applyProtection'];

interface Xf {
  attrs: Attr[];
  /** raw child elements by local name (alignment, protection, extLst) */
  alignment: string | null;
  protection: string | null;
  extLst: string | null;
}

interface Section {
  tag: StartTag;
  end: number;
  children: Element[];
}

function argb(hex: string): string {
  return 'FF' + hex.replace('#', '').toUpperCase();
}

export class StyleBook {
  private readonly xml: string;
  private readonly p: string;
  private readonly root: StartTag;
  private readonly sections = new Map<string, Section>();
  private readonly added = new Map<string, string[]>();
  private readonly numFmtByCode = new Map<string, number>();
  private readonly usedNumFmtIds = new Set<number>();
  private readonly fontXml: string[] = [];
  private readonly fillXml: string[] = [];
  private readonly dxfXml: string[] = [];
  private readonly xfs: Xf[] = [];
  private xfIndex: Map<string, number> | null = null;
  private readonly cache = new Map<string, number>();

  constructor(xml: string) {
    this.xml = xml;
    this.root = rootElement(xml);
    this.p = prefixOf(this.root.name);
    for (const e of childElements(xml, this.root)) {
      const local = e.tag.name.slice(this.p.length);
      if (e.tag.name.startsWith(this.p) && !this.sections.has(local)) this.sections.set(local, { tag: e.tag, end: e.end, children: childElements(xml, e.tag, e.end) });
    }
    if (!this.sections.has('cellXfs') || !this.sections.has('fonts') || !this.sections.has('fills')) {
      throw new PatchError('package', 'styles.xml に cellXfs / fonts / fills がありません', 'styles.xml has no cellXfs / fonts / fills');
    }
    for (const c of this.children('numFmts')) {
      const id = Number(attr(c.tag, 'numFmtId'));
      const code = attr(c.tag, 'formatCode') ?? '';
      this.usedNumFmtIds.add(id);
      if (!this.numFmtByCode.has(code)) this.numFmtByCode.set(code, id);
    }
    for (const c of this.children('fonts')) this.fontXml.push(this.raw(c));
    for (const c of this.children('fills')) this.fillXml.push(this.raw(c));
    for (const c of this.children('dxfs')) this.dxfXml.push(this.raw(c));
    for (const c of this.children('cellXfs')) this.xfs.push(this.parseXf(c));
  }

  private children(section: string): Element[] {
    return this.sections.get(section)?.children ?? [];
  }

  private raw(e: Element): string {
    return this.xml.slice(e.tag.start, e.end);
  }

  private parseXf(e: Element): Xf {
    const xf: Xf = { attrs: e.tag.attrs, alignment: null, protection: null, extLst: null };
    for (const k of childElements(this.xml, e.tag, e.end)) {
      const local = k.tag.name.slice(prefixOf(k.tag.name).length);
      if (local === 'alignment' || local === 'protection' || local === 'extLst') xf[local] = this.xml.slice(k.tag.start, k.end);
    }
    return xf;
  }

  private xfString(xf: Xf): string {
    const known = XF_ATTR_ORDER.map((n) => xf.attrs.find((a) => a.name === n)).filter((a): a is Attr => !!a);
    const other = xf.attrs.filter((a) => !XF_ATTR_ORDER.includes(a.name));
    const body = (xf.alignment ?? '') + (xf.protection ?? '') + (xf.extLst ?? '');
    const name = this.p + 'xf';
    return body ? startTag(name, [...known, ...other], false) + body + `</${name}>` : startTag(name, [...known, ...other], true);
  }

  private add(section: string, xml: string): number {
    const list = this.added.get(section) ?? [];
    list.push(xml);
    this.added.set(section, list);
    return this.children(section).length + list.length - 1;
  }

  get cellXfsCount(): number {
    return this.xfs.length;
  }

  get changed(): boolean {
    return this.added.size > 0;
  }

  numFmtId(code: string): number {
    const builtin = BUILTIN_NUMFMTS[code];
    if (builtin !== undefined) return builtin;
    const known = this.numFmtByCode.get(code);
    if (known !== undefined) return known;
    let id = 164;
    for (const u of this.usedNumFmtIds) if (u >= id) id = u + 1;
    this.usedNumFmtIds.add(id);
    this.numFmtByCode.set(code, id);
    this.add('numFmts', `<${this.p}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  private boldFont(fontId: number): number {
    const base = this.fontXml[fontId] ?? this.fontXml[0];
    if (/<(?:\w+:)?b(?:\s+val\s*=\s*["'](?:1|true)["'])?\s*\/>/.test(base)) return this.fontXml[fontId] ? fontId : 0;
    const tag = readStartTag(base, 0);
    const b = `<${this.p}b/>`;
    const bold = tag.selfClosing ? startTag(tag.name, tag.attrs, false) + b + `</${tag.name}>` : base.slice(0, tag.end) + b + base.slice(tag.end);
    const found = this.fontXml.indexOf(bold);
    if (found >= 0) return found;
    this.fontXml.push(bold);
    return this.add('fonts', bold);
  }

  private solidFill(hex: string): number {
    const rgb = argb(hex);
    for (let i = 0; i < this.fillXml.length; i++) {
      const m = /^<(?:\w+:)?fill>\s*<(?:\w+:)?patternFill\s+patternType="solid"\s*>\s*<(?:\w+:)?fgColor\s+rgb="([0-9A-Fa-f]{8})"\s*\/>\s*(?:<(?:\w+:)?bgColor\s+indexed="64"\s*\/>\s*)?<\/(?:\w+:)?patternFill>\s*<\/(?:\w+:)?fill>$/.exec(this.fillXml[i]);
      if (m && m[1].toUpperCase() === rgb) return i;
    }
    const p = this.p;
    const xml = `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${rgb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
    this.fillXml.push(xml);
    return this.add('fills', xml);
  }

  /** Index of a differential format (conditional formatting): font colour and fill. */
  dxf(fill: string, fontColor: string): number {
    const p = this.p;
    const xml = `<${p}dxf><${p}font><${p}color rgb="${argb(fontColor)}"/></${p}font><${p}fill><${p}patternFill><${p}bgColor rgb="${argb(fill)}"/></${p}patternFill></${p}fill></${p}dxf>`;
    const found = this.dxfXml.indexOf(xml);
    if (found >= 0) return found;
    this.dxfXml.push(xml);
    return this.add('dxfs', xml);
  }

  /** The cellXfs index for a cell whose current (or inherited) format is `base`, changed as requested. */
  cellStyle(base: number, req: StyleRequest): number {
    const b = Number.isInteger(base) && base >= 0 && base < this.xfs.length ? base : 0;
    if (req.kind === 'keep') return b;
    const key = `${b}|${req.kind}|${req.kind === 'data' ? req.numFmt : ''}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const from = this.xfs[b];
    let attrs = from.attrs.slice();
    let alignment = from.alignment;
    const set = (n: string, v: string | number) => (attrs = withAttr(attrs, n, String(v)));
    const fontId = Number(attr(from, 'fontId') ?? 0);
    switch (req.kind) {
      case 'data':
        set('numFmtId', this.numFmtId(req.numFmt));
        set('fillId', this.solidFill(OUTPUT_DATA_FILL));
        set('applyNumberFormat', 1);
        set('applyFill', 1);
        break;
      case 'header':
        set('numFmtId', 49);
        set('fontId', this.boldFont(fontId));
        set('fillId', this.solidFill(OUTPUT_HEADER_FILL));
        alignment = `<${this.p}alignment horizontal="center" vertical="center" wrapText="1"/>`;
        set('applyNumberFormat', 1);
        set('applyFont', 1);
        set('applyFill', 1);
        set('applyAlignment', 1);
        break;
      case 'bold':
        set('fontId', this.boldFont(fontId));
        set('applyFont', 1);
        break;
      case 'text':
        set('numFmtId', 49);
        set('applyNumberFormat', 1);
        break;
    }
    for (const n of ['numFmtId', 'fontId', 'fillId', 'borderId']) if (!attrs.some((a) => a.name === n)) set(n, 0);
    const xf: Xf = { attrs, alignment, protection: from.protection, extLst: from.extLst };
    const s = this.xfString(xf);
    const index = this.indexOfXf(s);
    const result = index >= 0 ? index : this.addXf(xf, s);
    this.cache.set(key, result);
    return result;
  }

  private indexOfXf(s: string): number {
    if (!this.xfIndex) {
      this.xfIndex = new Map();
      for (let i = 0; i < this.xfs.length; i++) {
        const k = this.xfString(this.xfs[i]);
        if (!this.xfIndex.has(k)) this.xfIndex.set(k, i);
      }
    }
    return this.xfIndex.get(s) ?? -1;
  }

  private addXf(xf: Xf, s: string): number {
    this.xfs.push(xf);
    const i = this.add('cellXfs', s);
    this.xfIndex!.set(s, i);
    return i;
  }

  /** The stylesheet with the additions (the input unchanged when nothing was added). */
  serialize(): string {
    if (!this.added.size) return this.xml;
    const edits: { at: number; end: number; text: string }[] = [];
    for (const [name, list] of this.added) {
      const sec = this.sections.get(name);
      const count = this.children(name).length + list.length;
      if (sec) {
        const open = startTag(sec.tag.name, withAttr(sec.tag.attrs, 'count', String(count)), false);
        if (sec.tag.selfClosing) {
          edits.push({ at: sec.tag.start, end: sec.end, text: open + list.join('') + `</${sec.tag.name}>` });
        } else {
          edits.push({ at: sec.tag.start, end: sec.tag.end, text: open });
          const close = this.xml.lastIndexOf('</', sec.end - 1);
          edits.push({ at: close, end: close, text: list.join('') });
        }
      } else {
        const q = this.p + name;
        const text = `<${q} count="${count}">${list.join('')}</${q}>`;
        edits.push({ at: this.insertionPoint(name), end: -1, text });
      }
    }
    // an insertion before a section goes ahead of that section's own start-tag edit
    edits.sort((a, b) => a.at - b.at || (a.end < 0 ? 0 : 1) - (b.end < 0 ? 0 : 1));
    let out = '';
    let at = 0;
    for (const e of edits) {
      out += this.xml.slice(at, e.at) + e.text;
      at = e.end < 0 ? e.at : e.end;
    }
    return out + this.xml.slice(at);
  }

  /** Where a missing section goes: before the first present section that follows it in schema order. */
  private insertionPoint(name: string): number {
    const after = STYLESHEET_ORDER.slice(STYLESHEET_ORDER.indexOf(name) + 1);
    let best = -1;
    for (const [n, s] of this.sections) if (after.includes(n) && (best < 0 || s.tag.start < best)) best = s.tag.start;
    if (best >= 0) return best;
    return this.xml.lastIndexOf(`</${this.root.name}`);
  }
}
