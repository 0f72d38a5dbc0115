/**
 * Property 2 — never touch what is not ours: every planned cell is in a planned output
 * column, header cells only on the header row of created columns, data cells only on
 * reviewed rows, never over a non-empty input cell (outside existing output columns), never
 * in a merged area; sheets with errors get no plan; conditional formats only cover output
 * columns.
 *
 * Property 3 — idempotent: apply the plan to a copy of the sheet, review again: the second
 * plan writes exactly the same values to exactly the same cells, creates nothing, finds the
 * created columns as existing outputs, computes the same results; a third review plans
 * exactly what the second did.
 */
import fc from 'fast-check';
import { review, type Review, type SheetReview, type WorkbookInput } from '../../src/domain/review';
import { DEFAULT_MIX, PLANNABLE_MIX, renderWorkbook, settingsArb, workbookSpecArb, type SheetMix } from './arbitraries';
import { applyFilePlan, assertProperty, canon, checkPlan, newPlanStats, planMap, sameMap, violated } from './support';
import { issueLine } from '../../src/messages/issueText';

function workbooksArb(mix: SheetMix) {
  return fc.tuple(fc.array(workbookSpecArb(mix, 1, 3), { minLength: 1, maxLength: 2 }), settingsArb);
}

function render(books: Parameters<typeof renderWorkbook>[0][]) {
  return books.map((specs, i) => renderWorkbook(specs, `book${i}.xlsx`));
}

describe('property 2: the plan never touches what is not ours', () => {
  test.each([
    ['mostly plannable sheets', PLANNABLE_MIX, 1_000, 7001],
    ['the crash mix (dirty, merges, offsets)', DEFAULT_MIX, 700, 7002],
  ] as [string, SheetMix, number, number][])('%s', (_label, mix, numRuns, seed) => {
    const stats = newPlanStats();
    let sheets = 0;
    let errorSheets = 0;
    assertProperty(
      'plan safety',
      fc.property(workbooksArb(mix), ([books, settings]) => {
        const rendered = render(books);
        const inputs = rendered.map((r) => r.input);
        const r = review(inputs, settings);
        inputs.forEach((input, fi) => {
          const file = r.files[fi];
          const planned = new Set(file.plan.sheets.map((p) => p.sheet));
          for (const sheet of input.sheets) {
            sheets++;
            const sr = file.sheets.find((x) => x.sheet === sheet.name);
            if (!sr) {
              if (planned.has(sheet.name)) violated(`${sheet.name}: a sheet that is not a review sheet has a plan`);
              continue;
            }
            const hasErrors = sr.issues.some((i) => i.severity === 'error');
            if (hasErrors) errorSheets++;
            if (hasErrors && (sr.plan || planned.has(sheet.name))) violated(`${sheet.name}: a sheet with errors has a plan`);
            if (!!sr.plan !== planned.has(sheet.name)) violated(`${sheet.name}: the file plan and the sheet plan disagree`);
            const model = rendered[fi].models.find((m) => m.name === sheet.name);
            checkPlan(sheet, sr, model?.clean ? model : undefined, stats, r.pledges);
          }
        });
      }),
      { numRuns, seed },
    );
    console.log(`property 2 (${_label}): ${sheets} sheets, ${errorSheets} with errors, ${JSON.stringify(stats)}`);
    expect(stats.plans).toBeGreaterThan(sheets / 4);
    expect(stats.createdColumns).toBeGreaterThan(0);
    expect(stats.existingColumns).toBeGreaterThan(0);
    expect(stats.overwrittenOutputs).toBeGreaterThan(0);
  }, 300_000);
});

function issueKeys(sr: SheetReview): string[] {
  return sr.issues.map((i) => `${i.severity} ${i.code} ${i.cell ?? ''} ${i.found ?? ''}`);
}

function computed(r: Review): string {
  return canon({ kpis: r.kpis.map((k) => [k.file, k.row, k.result]), pledges: r.pledges, activities: r.activities });
}

describe('property 3: reviewing a reviewed sheet changes nothing', () => {
  test('apply the plan, review again (twice): same cells, same values, nothing created twice', () => {
    let sheets = 0;
    let planned = 0;
    let createdThenFound = 0;
    assertProperty(
      'idempotent',
      fc.property(workbooksArb(PLANNABLE_MIX), ([books, settings]) => {
        const inputs: WorkbookInput[] = render(books).map((r) => r.input);
        const r1 = review(inputs, settings);
        const inputs2 = inputs.map((inp, i) => applyFilePlan(inp, r1.files[i]));
        const r2 = review(inputs2, settings);
        if (computed(r1) !== computed(r2)) violated('the written output columns changed what the review reads or computes', { before: computed(r1).slice(0, 1500), after: computed(r2).slice(0, 1500) });
        r1.files.forEach((f1, fi) => {
          const f2 = r2.files[fi];
          if (canon(f1.otherSheets) !== canon(f2.otherSheets)) violated('other sheets changed', { before: f1.otherSheets, after: f2.otherSheets });
          for (const s1 of f1.sheets) {
            sheets++;
            const s2 = f2.sheets.find((x) => x.sheet === s1.sheet);
            if (!s2) violated(`${s1.sheet}: no longer a review sheet after writing`);
            if (s2.headerRow !== s1.headerRow) violated(`${s1.sheet}: header row moved from ${s1.headerRow + 1} to ${s2.headerRow + 1}`);
            if (canon(issueKeys(s1)) !== canon(issueKeys(s2))) violated(`${s1.sheet}: issues changed after writing`, { before: issueKeys(s1), after: issueKeys(s2) });
            const p1 = s1.plan;
            const p2 = s2.plan;
            if (!p1) {
              if (p2) violated(`${s1.sheet}: no plan the first time, a plan the second`);
              continue;
            }
            planned++;
            if (!p2) violated(`${s1.sheet}: planned the first time, not the second`, s2.issues.map((i) => issueLine('ja', i)));
            const cols1 = canon(p1.columns.map((c) => [c.key, c.col, c.header, c.numberFormat]));
            const cols2 = canon(p2.columns.map((c) => [c.key, c.col, c.header, c.numberFormat]));
            if (cols1 !== cols2) violated(`${s1.sheet}: output columns moved`, { first: cols1, second: cols2 });
            const again = p2.columns.filter((c) => c.created);
            if (again.length) violated(`${s1.sheet}: the second review creates ${again.map((c) => c.header).join(', ')} again`);
            createdThenFound += p1.columns.filter((c) => c.created).length;
            if (p2.writes.some((w) => w.role === 'header')) violated(`${s1.sheet}: the second review writes header cells`);
            const diff = sameMap(planMap(p1, 'data'), planMap(p2, 'data'));
            if (diff) violated(`${s1.sheet}: the second plan writes different data: ${diff}`);
            if (p1.firstDataRow !== p2.firstDataRow || p1.lastDataRow !== p2.lastDataRow) violated(`${s1.sheet}: data rows changed`, { first: [p1.firstDataRow, p1.lastDataRow], second: [p2.firstDataRow, p2.lastDataRow] });
            if (canon(p1.conditionalFormats) !== canon(p2.conditionalFormats)) violated(`${s1.sheet}: conditional formats changed`);
          }
        });
        // a third review plans exactly what the second did
        const inputs3 = inputs2.map((inp, i) => applyFilePlan(inp, r2.files[i]));
        const r3 = review(inputs3, settings);
        r2.files.forEach((f2, fi) => {
          const a = canon(f2.plan);
          const b = canon(r3.files[fi].plan);
          if (a !== b) violated(`${f2.file}: third plan ≠ second plan`, { second: a.slice(0, 1500), third: b.slice(0, 1500) });
        });
        if (computed(r2) !== computed(r3)) violated('third review computes differently');
      }),
      { numRuns: 500, seed: 7003 },
    );
    console.log(`property 3: ${sheets} review sheets, ${planned} planned, ${createdThenFound} created columns found again as existing`);
    expect(planned).toBeGreaterThan(sheets / 3);
    expect(createdThenFound).toBeGreaterThan(0);
  }, 300_000);
});
