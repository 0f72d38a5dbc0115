import fc from 'fast-check';
import { NS_OTHER, NS_RELATIONSHIPS, NS_SHEET, XmlStream, XmlStreamError, type TagAttributes, type XmlSink } from '../../src/xlsx/read/xmlStream';

/** Records every event; text runs are merged so pieces split across pushes compare equal. */
class Recorder implements XmlSink {
  wantText = true;
  events: string[] = [];
  constructor(private readonly attrs: string[] = []) {}
  start(local: string, ns: number, tag: TagAttributes, selfClosing: boolean): void {
    const a = this.attrs.map((n) => `${n}=${tag.get(n) ?? '-'}`).join(',');
    this.events.push(`<${local}@${ns}${a ? ' ' + a : ''}${selfClosing ? '/' : ''}>`);
  }
  end(local: string, ns: number): void {
    this.events.push(`</${local}@${ns}>`);
  }
  text(s: string): void {
    const last = this.events.length - 1;
    if (last >= 0 && this.events[last].startsWith('T:')) this.events[last] += s;
    else this.events.push('T:' + s);
  }
}

function run(pieces: string[], attrs: string[] = []): string[] {
  const r = new Recorder(attrs);
  const s = new XmlStream(r);
  for (const p of pieces) s.push(p);
  s.end();
  return r.events;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

describe('streaming XML tokenizer', () => {
  it('reports elements with their namespace, whatever the prefix', () => {
    const xml = `<?xml version="1.0"?><x:worksheet xmlns:x="${MAIN}"><x:c r="A1"/><c/><y:c xmlns:y="${MAIN}"/><z xmlns="urn:other"/></x:worksheet>`;
    expect(run([xml], ['r'])).toEqual([`<worksheet@${NS_SHEET} r=->`, `<c@${NS_SHEET} r=A1/>`, `<c@${NS_OTHER} r=-/>`, `<c@${NS_SHEET} r=-/>`, `<z@${NS_OTHER} r=-/>`, `</worksheet@${NS_SHEET}>`]);
  });

  it('scopes declarations to the element that makes them', () => {
    const xml = `<root xmlns="${MAIN}"><a xmlns="urn:x"><b/></a><b/></root>`;
    expect(run([xml])).toEqual([`<root@1>`, `<a@0>`, `<b@0/>`, `</a@0>`, `<b@1/>`, `</root@1>`]);
  });

  it('finds prefixed attributes by namespace (r:id declared on the element itself)', () => {
    const seen: (string | undefined)[] = [];
    const sink: XmlSink = {
      wantText: false,
      start: (local, _ns, tag) => {
        if (local === 'sheet') seen.push(tag.getNs('id', NS_RELATIONSHIPS));
      },
      end: () => {},
      text: () => {},
    };
    const s = new XmlStream(sink);
    s.push(`<workbook xmlns="${MAIN}"><sheets><sheet name="a" relationships:id="rId1" xmlns:relationships="${REL}"/><sheet name="b" r:id="rId2"/></sheets></workbook>`);
    s.end();
    expect(seen).toEqual(['rId1', undefined]);
  });

  it('decodes entities, character references, CDATA and line ends in text and attributes', () => {
    const xml = `<a v="x&amp;y&#10;z&#x41;\r\nq"><t>&lt;1&gt; &quot;2&quot; &apos;3&apos; &#x1F600;\r\n\r</t><t><![CDATA[<raw> &amp;]]></t></a>`;
    expect(run([xml], ['v'])).toEqual(['<a@0 v=x&y\nzA q>', '<t@0 v=->', 'T:<1> "2" \'3\' 😀\n\n', '</t@0>', '<t@0 v=->', 'T:<raw> &amp;', '</t@0>', '</a@0>']);
  });

  it('refuses a DOCTYPE and any entity declaration', () => {
    expect(() => run(['<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'])).toThrow(XmlStreamError);
    try {
      run(['<!DOCTYPE x><x/>']);
    } catch (e) {
      expect((e as XmlStreamError).problem).toBe('doctype');
    }
  });

  it.each([
    ['text before the root', 'foo<a/>'],
    ['an unclosed root', '<a><b/>'],
    ['a part cut inside a tag', '<a><b x="1'],
    ['no element at all', '   '],
    ['an unquoted attribute', '<a x=1/>'],
  ])('refuses %s as malformed', (_, xml) => {
    expect(() => run([xml], ['x'])).toThrow(XmlStreamError);
  });

  it('gives the same events however the input is cut into pieces', () => {
    const doc =
      `<?xml version="1.0" encoding="UTF-8"?>\n<!-- c -->\r\n<x:sst xmlns:x="${MAIN}" count="3"><x:si><x:t xml:space="preserve">a &amp; b\r\n&#12354;</x:t></x:si>` +
      `<x:si><x:r><x:t>rich</x:t></x:r><x:rPh sb="0" eb="1"><x:t>ふりがな</x:t></x:rPh></x:si><x:si><x:t><![CDATA[<cdata>]]></x:t></x:si><x:si><x:t a='q"uote&gt;'>𠮷野家</x:t></x:si></x:sst>`;
    const whole = run([doc], ['a', 'count']);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: doc.length - 1 }), { maxLength: 12 }), (cuts) => {
        const sorted = [...cuts].sort((a, b) => a - b);
        const pieces: string[] = [];
        let at = 0;
        for (const c of sorted) {
          pieces.push(doc.slice(at, c));
          at = c;
        }
        pieces.push(doc.slice(at));
        expect(run(pieces, ['a', 'count'])).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it('steps over content with skipTo and resumes at the needle', () => {
    const r = new Recorder();
    let skipped = false;
    const sink: XmlSink = {
      wantText: false,
      start: (local, ns, tag, sc) => {
        r.start(local, ns, tag, sc);
        if (local === 'row' && !skipped) {
          skipped = true;
          s2.skipTo('<mergeCells');
        }
      },
      end: (l, ns) => r.end(l, ns),
      text: () => {},
    };
    const s2 = new XmlStream(sink);
    s2.push('<ws><sheetData><row r="1"><c/></row><row r="2"/></she');
    s2.push('etData><mergeCe');
    s2.push('lls><mergeCell ref="A1:B2"/></mergeCells></ws>');
    s2.end();
    expect(r.events).toEqual(['<ws@0>', '<sheetData@0>', '<row@0>', '<mergeCells@0>', '<mergeCell@0/>', '</mergeCells@0>', '</ws@0>']);
  });
});
