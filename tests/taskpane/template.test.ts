import { checkDepartment } from '../../src/domain/output/templateName';
import { kpiTemplate } from '../../src/domain/output/templates';

describe('担当課 name for the KPI template', () => {
  test('blank (also full-width spaces) means no department', () => {
    expect(checkDepartment('')).toEqual({ value: undefined });
    expect(checkDepartment(' \u3000 ')).toEqual({ value: undefined });
  });

  test('trimmed', () => {
    expect(checkDepartment('\u3000政策推進課 ')).toEqual({ value: '政策推進課' });
  });

  test.each([':', '\\', '/', '?', '*', '[', ']'])('"%s" cannot be in a sheet name', (c) => {
    expect(checkDepartment(`総務${c}企画課`).error).toBe('template.department.forbidden');
  });

  test('no apostrophe at either end', () => {
    expect(checkDepartment("'市民課").error).toBe('template.department.apostrophe');
    expect(checkDepartment("市民課'").error).toBe('template.department.apostrophe');
    expect(checkDepartment("市民'課").error).toBeUndefined();
  });

  test('a long name is accepted with a note; the template cuts the sheet name to 31 characters', () => {
    const long = '産業経済部工業・雇用振興課企業立地推進室産業立地係企業誘致担当グループ';
    expect(long.length).toBeGreaterThan(31);
    expect(checkDepartment(long)).toEqual({ value: long, note: 'template.department.long' });
    expect(kpiTemplate({ department: long, planStart: 2020, planEnd: 2024 }).sheetName).toHaveLength(31);
    expect(checkDepartment(long.slice(0, 31)).note).toBeUndefined();
  });
});
