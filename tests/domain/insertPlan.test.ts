/** 取り込み's insertion plan: which of our earlier sheets a new import replaces, and the names it inserts under. */
import { departmentKey, planInsert, supersededSheets, type ExistingSheet } from '../../src/domain/import/insertPlan';

const foreign = (name: string): ExistingSheet => ({ name, insertedKey: null });
const ours = (name: string, file: string): ExistingSheet => ({ name, insertedKey: departmentKey(file) });

describe('departmentKey', () => {
  test('the file name without its extension, case and width folded', () => {
    expect(departmentKey('政策推進課.xlsx')).toBe('政策推進課');
    expect(departmentKey('政策推進課.XLSM')).toBe('政策推進課');
    expect(departmentKey('Dept A.xlsx')).toBe(departmentKey('ｄｅｐｔ a.xlsx'));
    expect(departmentKey('課 (2).xlsx')).not.toBe(departmentKey('課.xlsx'));
    expect(departmentKey('x'.repeat(300) + '.xlsx')).toHaveLength(200);
  });
});

describe('planInsert', () => {
  test('into a workbook without our sheets: each sheet under its own name', () => {
    const plan = planInsert([foreign('Sheet1'), foreign('集計')], [
      { file: '政策推進課.xlsx', sheets: ['政策推進課'] },
      { file: 'pledges.xlsx', sheets: ['市長公約'] },
    ]);
    expect(plan.replace).toEqual([]);
    expect(plan.files).toEqual([
      { file: '政策推進課.xlsx', key: '政策推進課', sheets: [{ source: '政策推進課', name: '政策推進課' }], namesKept: true },
      { file: 'pledges.xlsx', key: 'pledges', sheets: [{ source: '市長公約', name: '市長公約' }], namesKept: true },
    ]);
  });

  test('a second import of a department replaces its sheets (and only its): same names again, no copies', () => {
    const existing = [foreign('Sheet1'), ours('政策推進課', '政策推進課.xlsx'), ours('総務課', '総務課.xlsx')];
    const plan = planInsert(existing, [{ file: '政策推進課.xlsm', sheets: ['政策推進課'] }]);
    expect(plan.replace).toEqual(['政策推進課']);
    expect(plan.files[0].sheets).toEqual([{ source: '政策推進課', name: '政策推進課' }]);
  });

  test('a name used by a sheet not ours, or by another department’s sheet, is never taken: (2), within 31 characters', () => {
    const long = 'あ'.repeat(31);
    const existing = [foreign('KPI'), ours('Kpi (2)', 'b.xlsx'), foreign(long)];
    const plan = planInsert(existing, [
      { file: 'a.xlsx', sheets: ['kpi', long] },
      { file: 'c.xlsx', sheets: ['KPI'] },
    ]);
    expect(plan.replace).toEqual([]);
    expect(plan.files[0].sheets.map((s) => s.name)).toEqual(['kpi (3)', 'あ'.repeat(27) + ' (2)']);
    expect(plan.files[0].namesKept).toBe(false);
    expect(plan.files[1].sheets.map((s) => s.name)).toEqual(['KPI (4)']);
    for (const f of plan.files) for (const s of f.sheets) expect(s.name.length).toBeLessThanOrEqual(31);
  });

  test('a replaced sheet’s name is free again; a sheet not ours with the department’s name stays', () => {
    const existing = [foreign('総務課'), ours('総務課 (2)', '総務課.xlsx')];
    const plan = planInsert(existing, [{ file: '総務課.xlsx', sheets: ['総務課'] }]);
    expect(plan.replace).toEqual(['総務課 (2)']);
    expect(plan.files[0].sheets).toEqual([{ source: '総務課', name: '総務課 (2)' }]);
  });

  test('supersededSheets: our sheets of the departments imported now, whether or not sheets are inserted', () => {
    const existing = [foreign('政策推進課'), ours('総務課', '総務課.xlsx'), ours('財政課', '財政課.xlsx')];
    expect(supersededSheets(existing, ['総務課.xlsx', '未知.xlsx'])).toEqual(['総務課']);
    expect(supersededSheets(existing, ['政策推進課.xlsx'])).toEqual([]);
  });
});
