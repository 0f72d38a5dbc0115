/**
 * The one stylesheet (xl/styles.xml) builder, append-only: number formats, fonts, fills,
 * differential formats (dxf) and cell formats (xf) are added at the end of their lists and
 * counts updated; existing entries and their indices never change. An equal entry already
 * present is reused, so editing an edited stylesheet adds nothing. The patch writer starts
 * from the workbook's own stylesheet, the summary writer from its own base.
 */
import { startTag, withAttr, attr, childElements, prefixOf, readStartTag, rootElement, type Attr, type Element, type StartTag } from '../xml/tags';
import { escapeAttr } from '../xml/escape';
import { NS } from './namespaces';
import { builtinNumberFormatId, FIRST_CUSTOM_NUMBER_FORMAT } from './numberFormats';
import { followers, STYLESHEET_ORDER } from './schemaOrder';
import { keepShape } from '../../domain/base/keptShapes';

/** A complete stylesheet with the one default format, for packages that have none. */
export const MINIMAL_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${NS.main}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0"/></styleSheet>`;

/** A cell format made from another: attributes set, and optionally a new <alignment>. */
export interface XfChange {
  set: Readonly<Record<string, string | number>>;
  /** attributes of the <alignment> that replaces the base format's */
  alignment?: readonly Attr[];
}

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

export class StyleSheet {
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

  constructor(xml: string) {
    keepShape(this);
    let root = rootElement(xml);
    if (root.selfClosing) {
      // `<styleSheet/>`: opened, so the sections completed below have a place
      xml = xml.slice(0, root.start) + startTag(root.name, root.attrs, false) + `</${root.name}>` + xml.slice(root.end);
      root = rootElement(xml);
    }
    this.xml = xml;
    this.root = root;
    this.p = prefixOf(this.root.name);
    for (const e of childElements(xml, this.root)) {
      const local = e.tag.name.slice(this.p.length);
      if (e.tag.name.startsWith(this.p) && !this.sections.has(local)) this.sections.set(local, { tag: e.tag, end: e.end, children: childElements(xml, e.tag, e.end) });
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
    this.complete();
  }

  /**
   * A legal stylesheet may leave out every section (`<styleSheet/>`): Excel then uses its
   * defaults. Formats we add refer to a font, a fill, a border and a cell style, so the
   * sections they need are created with those defaults as entry 0 (what cells without `s`
   * already show); sections present are left as they are.
   */
  private complete(): void {
    const p = this.p;
    const seed = (section: string, entries: string[], into?: string[]) => {
      if (this.sections.has(section) && this.children(section).length) return;
      for (const e of entries) {
        into?.push(e);
        this.add(section, e);
      }
    };
    seed('fonts', [`<${p}font><${p}sz val="11"/><${p}name val="Calibri"/><${p}family val="2"/></${p}font>`], this.fontXml);
    seed('fills', [`<${p}fill><${p}patternFill patternType="none"/></${p}fill>`, `<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`], this.fillXml);
    seed('borders', [`<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border>`]);
    // cell formats may name cell styles the package never wrote (xfId="5" with no <cellStyleXfs>):
    // each gets the default, so every xfId in the copy points at an entry
    const styleXfs = Math.max(1, ...this.xfs.map((xf) => Number(xf.attrs.find((a) => a.name === 'xfId')?.value ?? 0) + 1).filter((n) => Number.isInteger(n) && n <= 65_536));
    seed('cellStyleXfs', Array.from({ length: styleXfs }, () => `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`));
    if (!this.xfs.length) {
      const xf: Xf = { attrs: [{ name: 'numFmtId', value: '0' }, { name: 'fontId', value: '0' }, { name: 'fillId', value: '0' }, { name: 'borderId', value: '0' }, { name: 'xfId', value: '0' }], alignment: null, protection: null, extLst: null };
      this.xfs.push(xf);
      this.add('cellXfs', this.xfString(xf));
    }
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

  /** the number of cell formats (cellXfs) */
  get xfCount(): number {
    return this.xfs.length;
  }

  get changed(): boolean {
    return this.added.size > 0;
  }

  numFmtId(code: string): number {
    const builtin = builtinNumberFormatId(code);
    if (builtin !== undefined) return builtin;
    const known = this.numFmtByCode.get(code);
    if (known !== undefined) return known;
    let id = FIRST_CUSTOM_NUMBER_FORMAT;
    for (const u of this.usedNumFmtIds) if (u >= id) id = u + 1;
    this.usedNumFmtIds.add(id);
    this.numFmtByCode.set(code, id);
    this.add('numFmts', `<${this.p}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  /** The bold variant of a font (name and size kept). */
  boldFont(fontId: number): number {
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

  /** A solid fill of colour `#RRGGBB`. */
  solidFill(hex: string): number {
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

  /**
   * The cellXfs index of format `base` (the default format when out of range) changed as
   * asked: an equal format is reused, otherwise one is appended.
   */
  xf(base: number, change: XfChange): number {
    const from = this.xfs[this.validXf(base)];
    let attrs = from.attrs.slice();
    for (const [n, v] of Object.entries(change.set)) attrs = withAttr(attrs, n, String(v));
    for (const n of ['numFmtId', 'fontId', 'fillId', 'borderId']) if (!attrs.some((a) => a.name === n)) attrs = withAttr(attrs, n, '0');
    const alignment = change.alignment ? startTag(this.p + 'alignment', change.alignment, true) : from.alignment;
    const xf: Xf = { attrs, alignment, protection: from.protection, extLst: from.extLst };
    const s = this.xfString(xf);
    const index = this.indexOfXf(s);
    return index >= 0 ? index : this.addXf(xf, s);
  }

  /** `base` when it is a cellXfs index, else 0 (the default format) */
  validXf(base: number): number {
    return Number.isInteger(base) && base >= 0 && base < this.xfs.length ? base : 0;
  }

  /** an attribute of a cell format as written, e.g. fontId */
  xfAttr(index: number, name: string): string | undefined {
    return attr(this.xfs[index], name);
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
    const edits: { at: number; end: number; text: string; order: number }[] = [];
    for (const [name, list] of this.added) {
      const sec = this.sections.get(name);
      const count = this.children(name).length + list.length;
      if (sec) {
        const open = startTag(sec.tag.name, withAttr(sec.tag.attrs, 'count', String(count)), false);
        if (sec.tag.selfClosing) {
          edits.push({ at: sec.tag.start, end: sec.end, text: open + list.join('') + `</${sec.tag.name}>`, order: 0 });
        } else {
          edits.push({ at: sec.tag.start, end: sec.tag.end, text: open, order: 0 });
          const close = this.xml.lastIndexOf('</', sec.end - 1);
          edits.push({ at: close, end: close, text: list.join(''), order: 0 });
        }
      } else {
        const q = this.p + name;
        const text = `<${q} count="${count}">${list.join('')}</${q}>`;
        edits.push({ at: this.insertionPoint(name), end: -1, text, order: STYLESHEET_ORDER.indexOf(name) });
      }
    }
    // an insertion before a section goes ahead of that section's own start-tag edit; new
    // sections inserted at one place go in schema order
    edits.sort((a, b) => a.at - b.at || (a.end < 0 ? 0 : 1) - (b.end < 0 ? 0 : 1) || a.order - b.order);
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
    const after = followers(STYLESHEET_ORDER, name);
    let best = -1;
    for (const [n, s] of this.sections) if (after.has(n) && (best < 0 || s.tag.start < best)) best = s.tag.start;
    if (best >= 0) return best;
    return this.xml.lastIndexOf(`</${this.root.name}`);
  }
}
