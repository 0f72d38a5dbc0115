import { formulaTags } from '../../src/xlsx/patch/worksheet/formulaTags';

const walk = (xml: string, prefix = '', from = 0) => [...formulaTags(xml, prefix, from)].map(({ tag, body }) => ({ at: tag.start, t: tag.attrs.find((a) => a.name === 't')?.value ?? null, body }));

describe('formulaTags: the <f> elements of a worksheet, found once for the guard and the recalculation scan', () => {
  it('gives each formula as written, a self-closing one as empty, in order', () => {
    const xml = '<c r="A1"><f t="shared" ref="A1:A3" si="0">B1*2&amp;"x"</f></c><c r="A2"><f t="shared" si="0"/></c><c r="A3"><f>SUM(B1:B3)</f></c>';
    expect(walk(xml)).toEqual([
      { at: 10, t: 'shared', body: 'B1*2&amp;"x"' },
      { at: xml.indexOf('<f t="shared" si'), t: 'shared', body: '' },
      { at: xml.indexOf('<f>SUM'), t: null, body: 'SUM(B1:B3)' },
    ]);
  });

  it('finds only <f> of the given prefix, not <fx> or <formula>, from the given offset', () => {
    const xml = '<x:f>A1</x:f><f>B1</f><x:fx>C1</x:fx><x:formula>D1</x:formula><x:f>E1</x:f>';
    expect(walk(xml, 'x:').map((f) => f.body)).toEqual(['A1', 'E1']);
    expect(walk(xml, 'x:', 1).map((f) => f.body)).toEqual(['E1']);
  });

  it('marks an <f> never closed, and goes on after it', () => {
    const xml = '<f>A1</f><f t="shared" si="1">B1<f t="shared" si="1"/>';
    expect(walk(xml)).toEqual([
      { at: 0, t: null, body: 'A1' },
      { at: 9, t: 'shared', body: null },
      { at: xml.lastIndexOf('<f'), t: 'shared', body: '' },
    ]);
  });
});
