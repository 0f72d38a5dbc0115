/**
 * Round trips to Excel: the number of syncs does not grow with the rows (names, data, write),
 * and a very large sheet is written in chunks that stay under Excel on the web's 5 MB request
 * limit (the fake refuses larger requests as Excel does).
 */
import { DEFAULT_SETTINGS } from '../../src/domain/base/settings';
import { requestSizes, valuesOf, workbookFromSpec } from '../support/fakeExcel';
import { generatedKpiSheet } from '../support/fakeExcel/samples';
import { gatewayFor } from './helpers';

const FIVE_MB = 5 * 1024 * 1024;

describe('sync counts', () => {
  test('10 and 10,000 KPI rows take the same 3 syncs (names, data, write)', async () => {
    const counts: number[] = [];
    for (const rows of [10, 10_000]) {
      const wb = workbookFromSpec({ sheets: [generatedKpiSheet(rows)], requestLimitBytes: FIVE_MB });
      const outcome = await gatewayFor(wb).computeAndWrite(DEFAULT_SETTINGS);
      expect(outcome.kpiCount).toBe(rows);
      expect(outcome.written[0].cells).toBe(rows * 6 + 6);
      expect(outcome.syncs).toBe(wb.syncCount);
      counts.push(outcome.syncs);
      // the estimate is close to what was really sent (and errs on the large side)
      const largest = Math.max(...requestSizes(wb));
      if (rows >= 10_000) {
        expect(outcome.largestRequestBytes).toBeGreaterThan(largest * 0.9);
        expect(outcome.largestRequestBytes).toBeLessThan(largest * 1.5);
      }
    }
    expect(counts).toEqual([3, 3]);
  }, 60_000);

  test('validate: 2 syncs; buildSummary: 3 syncs for 10 and 1,000 rows', async () => {
    for (const rows of [10, 1_000]) {
      const wb = workbookFromSpec({ sheets: [generatedKpiSheet(rows)], requestLimitBytes: FIVE_MB });
      expect((await gatewayFor(wb).validate(DEFAULT_SETTINGS)).syncs).toBe(2);
      const s = await gatewayFor(wb).buildSummary(DEFAULT_SETTINGS, 'ja');
      expect(s.syncs).toBe(3);
    }
  }, 60_000);

  test('buildSummary of 10,000 KPIs is split only by the request budget', async () => {
    const wb = workbookFromSpec({ sheets: [generatedKpiSheet(10_000)], requestLimitBytes: FIVE_MB });
    const s = await gatewayFor(wb).buildSummary(DEFAULT_SETTINGS, 'ja');
    const sizes = requestSizes(wb);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(FIVE_MB);
    expect(s.syncs).toBe(sizes.length);
    expect(s.syncs).toBeLessThanOrEqual(5);
    // eslint-disable-next-line no-console
    console.log(JSON.stringify({ summaryRows: 10_000, syncs: s.syncs, requestBytes: sizes }));
  }, 60_000);
});

describe('100,000 KPI rows', () => {
  // one workbook per test: building it takes a moment
  test('written in chunks, no request over the 5 MB limit; without chunking Excel would refuse it', async () => {
    const spec = { sheets: [generatedKpiSheet(100_000)], requestLimitBytes: FIVE_MB };

    const unchunked = workbookFromSpec(spec);
    await expect(gatewayFor(unchunked, Number.POSITIVE_INFINITY).computeAndWrite(DEFAULT_SETTINGS)).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(Math.max(...requestSizes(unchunked))).toBeGreaterThan(FIVE_MB);
    // the refused request changed nothing
    expect(valuesOf(unchunked, '政策推進課', 'M3:M3')).toEqual([['']]);

    const wb = workbookFromSpec(spec);
    const outcome = await gatewayFor(wb).computeAndWrite(DEFAULT_SETTINGS);
    const sizes = requestSizes(wb);
    expect(outcome.syncs).toBe(sizes.length);
    expect(outcome.syncs).toBeGreaterThan(3);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(FIVE_MB);
    expect(outcome.largestRequestBytes).toBeLessThanOrEqual(4_000_000);
    expect(outcome.written[0]).toMatchObject({ sheet: '政策推進課', range: 'M2:R100002' });
    // first and last rows written
    expect(valuesOf(wb, '政策推進課', 'M2:R2')).toEqual([['達成率', '基準比進捗率', '計画比', '評価', '評価根拠', 'コロナ影響']]);
    expect(valuesOf(wb, '政策推進課', 'P3')[0][0]).toMatch(/^[ABCD—]$/);
    expect(valuesOf(wb, '政策推進課', 'P100002')[0][0]).toMatch(/^[ABCD—]$/);
    // eslint-disable-next-line no-console
    console.log(JSON.stringify({ rows: 100_000, syncs: outcome.syncs, largestRequestBytes: outcome.largestRequestBytes, sentMax: Math.max(...sizes) }));
  }, 240_000);

  test('a response over the limit is read again in row slices', async () => {
    const wb = workbookFromSpec({ sheets: [generatedKpiSheet(30_000)], requestLimitBytes: FIVE_MB, responseLimitBytes: 1_000_000 });
    const outcome = await gatewayFor(wb).computeAndWrite(DEFAULT_SETTINGS);
    expect(outcome.kpiCount).toBe(30_000);
    expect(wb.syncLog.filter((r) => r.error === 'ResponsePayloadSizeLimitExceeded').length).toBeGreaterThanOrEqual(1);
    expect(Math.max(...wb.syncLog.filter((r) => !r.error).map((r) => r.responseBytes))).toBeLessThanOrEqual(1_000_000);
    expect(valuesOf(wb, '政策推進課', 'P30002')[0][0]).toMatch(/^[ABCD—]$/);
  }, 120_000);
});

describe('a request Excel refuses despite the estimate', () => {
  test('is sent again in smaller batches; nothing was applied twice', async () => {
    const wb = workbookFromSpec({ sheets: [generatedKpiSheet(10_000)], requestLimitBytes: 200_000 });
    const outcome = await gatewayFor(wb).computeAndWrite(DEFAULT_SETTINGS);
    const refused = wb.syncLog.filter((r) => r.error === 'RequestPayloadSizeLimitExceeded');
    expect(refused.length).toBeGreaterThan(0);
    expect(Math.max(...wb.syncLog.filter((r) => !r.error).map((r) => r.requestBytes))).toBeLessThanOrEqual(200_000);
    expect(outcome.written[0].cells).toBe(10_000 * 6 + 6);
    expect(valuesOf(wb, '政策推進課', 'P10002')[0][0]).toMatch(/^[ABCD—]$/);
    expect(valuesOf(wb, '_review_log', 'A3')).toEqual([['']]);
  }, 60_000);
});
