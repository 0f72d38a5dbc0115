/** The words for the output columns name the colour they really have (a light blue fill, not grey). */
import { OUTPUT_DATA_FILL, OUTPUT_HEADER_FILL } from '../../src/domain/plan/plan';
import { translate } from '../../src/messages/translate';

function hsl(hex: string): { h: number; s: number; l: number } {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  const d = max - min;
  const s = d === 0 ? 0 : d / (1 - Math.abs(2 * l - 1));
  const h = d === 0 ? 0 : max === b ? 60 * ((r - g) / d + 4) : max === g ? 60 * ((b - r) / d + 2) : 60 * (((g - b) / d) % 6);
  return { h: (h + 360) % 360, s, l };
}

test('the output fills are light blue, and the template and the pane say so', () => {
  for (const fill of [OUTPUT_HEADER_FILL, OUTPUT_DATA_FILL]) {
    const c = hsl(fill);
    expect(c.h).toBeGreaterThan(190);
    expect(c.h).toBeLessThan(230);
    expect(c.s).toBeGreaterThan(0.3);
    expect(c.l).toBeGreaterThan(0.85);
  }
  for (const key of ['templateSheet.kpi.title', 'templateSheet.pledge.title', 'result.template.body'] as const) {
    expect(translate('ja', key, { department: 'x' })).toContain('水色の列');
    expect(translate('ja', key, { department: 'x' })).not.toContain('灰色');
    expect(translate('en', key, { department: 'x' })).toContain('light-blue columns');
    expect(translate('en', key, { department: 'x' })).not.toMatch(/gr[ae]y/);
  }
});
