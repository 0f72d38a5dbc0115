import { DEFAULT_SETTINGS, makeSettings } from '../../src/domain/base/settings';
import { parseNumberField, settingsToForm, validateSettingsForm, type SettingsForm } from '../../src/taskpane/state/settingsForm';
import { translate } from '../../src/messages/translate';

const form = (p: Partial<SettingsForm> = {}): SettingsForm => ({ ...settingsToForm(DEFAULT_SETTINGS), ...p });

describe('settings form', () => {
  test('defaults: cap 120, plan 2020–2024, bands 100/80/50', () => {
    expect(settingsToForm(DEFAULT_SETTINGS)).toEqual({
      cap: '120',
      planStart: '2020',
      planEnd: '2024',
      gradeA: '100',
      gradeB: '80',
      gradeC: '50',
      percentDecimals: '0',
      planName: '',
      asOf: '',
      gradeCumulativeBy: 'pace',
    });
    expect(validateSettingsForm(form(), DEFAULT_SETTINGS)).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });

  test('the summary’s words: plan name and as-of label trimmed, blank allowed; decimals 0–2', () => {
    const ok = validateSettingsForm(form({ planName: ' 第2期苫小牧市総合戦略 ', asOf: '令和5年度末', percentDecimals: '１' }), DEFAULT_SETTINGS);
    expect(ok).toEqual({ ok: true, settings: { ...DEFAULT_SETTINGS, planName: '第2期苫小牧市総合戦略', asOf: '令和5年度末', percentDecimals: 1 } });
    expect(validateSettingsForm(form({ percentDecimals: '3' }), DEFAULT_SETTINGS)).toEqual({ ok: false, errors: { percentDecimals: { key: 'settings.error.max', params: { max: 2 } } } });
    expect(validateSettingsForm(form({ planName: 'x'.repeat(61) }), DEFAULT_SETTINGS)).toEqual({ ok: false, errors: { planName: { key: 'settings.error.tooLong', params: { max: 60 } } } });
  });

  test('累計 KPIs graded by 計画比 (default) or 達成率; anything else is refused under its field', () => {
    expect(validateSettingsForm(form({ gradeCumulativeBy: 'achievement' }), DEFAULT_SETTINGS)).toEqual({ ok: true, settings: { ...DEFAULT_SETTINGS, gradeCumulativeBy: 'achievement' } });
    expect(validateSettingsForm(form({ gradeCumulativeBy: 'x' }), DEFAULT_SETTINGS)).toEqual({ ok: false, errors: { gradeCumulativeBy: { key: 'settings.error.invalid' } } });
  });

  test('numbers typed with a Japanese IME, with commas or a percent sign', () => {
    expect(parseNumberField('１２０')).toBe(120);
    expect(parseNumberField(' 1,000 ')).toBe(1000);
    expect(parseNumberField('80%')).toBe(80);
    expect(parseNumberField('８０％')).toBe(80);
    expect(parseNumberField('2,0２0')).toBe(2020);
    expect(parseNumberField('.5')).toBe(0.5);
    expect(parseNumberField('')).toBe('empty');
    expect(parseNumberField('　')).toBe('empty');
    expect(parseNumberField('約120')).toBe('invalid');
    expect(parseNumberField('1e3')).toBe('invalid');
    expect(parseNumberField('R6')).toBe('invalid');
    const r = validateSettingsForm(form({ cap: '１５０', planStart: '２０２５', planEnd: '２０２９' }), DEFAULT_SETTINGS);
    expect(r).toEqual({ ok: true, settings: { ...DEFAULT_SETTINGS, cap: 150, planStart: 2025, planEnd: 2029 } });
  });

  test('settings the panel does not show are kept from the base', () => {
    const base = makeSettings({ covidFrom: 2019, covidTo: 2021, covidRatio: 0.3 });
    const r = validateSettingsForm(form({ cap: '110' }), base);
    expect(r).toEqual({ ok: true, settings: { ...base, cap: 110 } });
  });

  test('blank and non-numeric fields', () => {
    const r = validateSettingsForm(form({ cap: '', gradeB: 'abc' }), DEFAULT_SETTINGS);
    expect(r).toEqual({ ok: false, errors: { cap: { key: 'settings.error.required' }, gradeB: { key: 'settings.error.number' } } });
  });

  test('the schema’s limits are mapped to field messages', () => {
    expect(validateSettingsForm(form({ cap: '0' }), DEFAULT_SETTINGS)).toEqual({
      ok: false,
      errors: { cap: { key: 'settings.error.greaterThan', params: { min: 0 } } },
    });
    expect(validateSettingsForm(form({ cap: '20000' }), DEFAULT_SETTINGS)).toEqual({
      ok: false,
      errors: { cap: { key: 'settings.error.max', params: { max: 10000 } } },
    });
    expect(validateSettingsForm(form({ planStart: '2020.5' }), DEFAULT_SETTINGS)).toEqual({
      ok: false,
      errors: { planStart: { key: 'settings.error.integer' } },
    });
    expect(validateSettingsForm(form({ planStart: '1900' }), DEFAULT_SETTINGS)).toEqual({
      ok: false,
      errors: { planStart: { key: 'settings.error.min', params: { min: 1950 } } },
    });
  });

  test('plan end before start', () => {
    expect(validateSettingsForm(form({ planStart: '2025', planEnd: '2024' }), DEFAULT_SETTINGS)).toEqual({
      ok: false,
      errors: { planEnd: { key: 'settings.error.planOrder' } },
    });
  });

  test('grade bands out of order', () => {
    expect(validateSettingsForm(form({ gradeA: '70', gradeB: '80' }), DEFAULT_SETTINGS)).toEqual({
      ok: false,
      errors: { grades: { key: 'settings.error.gradeOrder' } },
    });
    // equal bands are allowed (A ≥ B ≥ C)
    expect(validateSettingsForm(form({ gradeA: '80', gradeB: '80' }), DEFAULT_SETTINGS).ok).toBe(true);
  });

  test('every error message exists in both languages and fills its parameters', () => {
    const cases = [
      form({ cap: '' }),
      form({ cap: 'x' }),
      form({ cap: '0' }),
      form({ cap: '99999' }),
      form({ planEnd: '2019' }),
      form({ gradeC: '90' }),
      form({ planStart: '1.5' }),
    ];
    for (const c of cases) {
      const r = validateSettingsForm(c, DEFAULT_SETTINGS);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      for (const e of Object.values(r.errors)) {
        if (!e) continue;
        for (const lang of ['ja', 'en'] as const) {
          const text = translate(lang, e.key, e.params);
          expect(text).not.toMatch(/\{\w+\}/);
          expect(text.trim()).not.toBe('');
        }
      }
    }
  });
});
