import { makeIssue, type Issue, type IssueInput } from '../../src/domain/base/issues';
import { countProblems, errorsOnly, groupProblems, initiallyOpen, KIND_COLLAPSE_OVER, kindGroups, SMALL_LIST } from '../../src/taskpane/state/problems';
import { issueLine, issueMessage, issuePlace } from '../../src/messages/issueText';

function issue(p: Partial<IssueInput> & Pick<IssueInput, 'sheet'>): Issue {
  return makeIssue({ severity: 'error', code: 'number.text', params: { found: '約50' }, ...p });
}

describe('grouping problems by sheet', () => {
  const issues: Issue[] = [
    issue({ sheet: '市民課', severity: 'warning', code: 'warn.gradeDNoNote', row: 9, col: 3 }),
    issue({ sheet: '政策推進課', severity: 'info', code: 'reason.noActual', row: 4, col: 2 }),
    issue({ sheet: '政策推進課', severity: 'warning', code: 'warn.unitMismatch', row: 3, col: 7 }),
    issue({ sheet: '政策推進課', severity: 'error', row: 11, col: 7, header: '実績R3' }),
    issue({ sheet: '政策推進課', severity: 'error', row: 5, col: 9, header: '目標値' }),
    issue({ sheet: '政策推進課', severity: 'error', row: 5, col: 2, header: '基準値' }),
    issue({ sheet: '公約', severity: 'info', code: 'reason.noTarget', row: 2, col: 2 }),
    issue({ sheet: '市民課', severity: 'error', code: 'header.actualYearMissing' }),
  ];

  test('errors first, then warnings, then reasons; cell order within each', () => {
    const groups = groupProblems(issues);
    const g = groups.find((x) => x.sheet === '政策推進課');
    expect(g?.issues.map((i) => `${i.severity}:${i.cell}`)).toEqual(['error:C6', 'error:J6', 'error:H12', 'warning:H4', 'info:C5']);
    expect(g).toMatchObject({ errors: 3, warnings: 1, infos: 1 });
  });

  test('an issue without a cell (about the whole sheet) comes first in its severity', () => {
    const g = groupProblems(issues).find((x) => x.sheet === '市民課');
    expect(g?.issues.map((i) => `${i.severity}:${i.cell ?? '-'}`)).toEqual(['error:-', 'warning:D10']);
  });

  test('sheets with errors first, then warnings only, then reasons only; ties in workbook order', () => {
    expect(groupProblems(issues).map((g) => g.sheet)).toEqual(['市民課', '政策推進課', '公約']);
    const onlyWarnings = [
      issue({ sheet: 'B', severity: 'info', row: 1, col: 1 }),
      issue({ sheet: 'A', severity: 'warning', row: 1, col: 1 }),
      issue({ sheet: 'C', severity: 'error', row: 1, col: 1 }),
      issue({ sheet: 'D', severity: 'error', row: 1, col: 1 }),
    ];
    expect(groupProblems(onlyWarnings).map((g) => g.sheet)).toEqual(['C', 'D', 'A', 'B']);
  });

  test('reasons can be left out', () => {
    const groups = groupProblems(issues, { includeInfo: false });
    expect(groups.map((g) => g.sheet)).toEqual(['市民課', '政策推進課']);
    expect(groups.flatMap((g) => g.issues).some((i) => i.severity === 'info')).toBe(false);
  });

  test('equal positions keep their original order; the input is not modified', () => {
    const a = issue({ sheet: 'S', row: 1, col: 1, code: 'number.text' });
    const b = issue({ sheet: 'S', row: 1, col: 1, code: 'number.excelError' });
    const input = [a, b];
    expect(groupProblems(input)[0].issues).toEqual([a, b]);
    expect(groupProblems([b, a])[0].issues).toEqual([b, a]);
    expect(input).toEqual([a, b]);
  });

  test('no issues, no groups', () => {
    expect(groupProblems([])).toEqual([]);
  });

  test('counts', () => {
    expect(countProblems(issues)).toEqual({ errors: 4, warnings: 2, infos: 2 });
  });
});

describe('issue text in the pane language', () => {
  test('the message alone: the pane shows the cell and the header itself', () => {
    const i = issue({ sheet: '政策推進課', row: 11, col: 7, header: '実績R3' });
    expect(issueLine('ja', i)).toBe('政策推進課!H12（実績R3）: ' + issueMessage('ja', i));
    expect(issueMessage('ja', i)).toContain('「約50」は数値として読めません');
    expect(issueMessage('en', i)).toContain('"約50" is not a number');
    expect(issueMessage('en', i).startsWith('政策推進課')).toBe(false);
    expect(issueLine('en', i)).toBe('政策推進課!H12 (実績R3): ' + issueMessage('en', i));
  });

  test('without a cell or header', () => {
    const i = issue({ sheet: '市民課', code: 'header.actualYearMissing', params: { found: '実績' } });
    expect(issueLine('ja', i)).toBe('市民課: ' + issueMessage('ja', i));
    expect(issuePlace('ja', { sheet: '市民課', header: '実績' })).toBe('市民課（実績）');
    expect(issuePlace('en', { sheet: '市民課', header: '実績' })).toBe('市民課 (実績)');
  });

  test('a parameter that is a catalogue entry is said in the message’s language', () => {
    const i = issue({ sheet: 'S', row: 1, col: 1, code: 'number.unit', params: { found: '50人程度', unit: { key: 'word.unitExamples' } } });
    expect(issueMessage('ja', i)).toContain('（人、件、% など）');
    expect(issueMessage('en', i)).toContain('(e.g. 人, 件 or %)');
  });
});

describe('problems by kind, and what is open at first', () => {
  const d = (sheet: string, row: number) => issue({ sheet, severity: 'warning', code: 'warn.gradeDNoNote', row, col: 3 });

  test('a sheet’s problems by kind, in the order first met, cells in order', () => {
    const [g] = groupProblems([d('A', 9), issue({ sheet: 'A', row: 2, col: 2 }), d('A', 4), issue({ sheet: 'A', severity: 'warning', code: 'warn.unitMismatch', row: 1, col: 1 })], { includeInfo: false });
    const kinds = kindGroups(g);
    expect(kinds.map((k) => [k.code, k.severity, k.issues.map((i) => i.cell)])).toEqual([
      ['number.text', 'error', ['C3']],
      ['warn.unitMismatch', 'warning', ['B2']],
      ['warn.gradeDNoNote', 'warning', ['D5', 'D10']],
    ]);
    expect(new Set(kinds.map((k) => k.key)).size).toBe(3);
  });

  test('a short list is all open; a long one opens the sheets with errors and only the small kinds', () => {
    const short = groupProblems([d('A', 1), d('A', 2), d('A', 3), d('A', 4), d('B', 1)], { includeInfo: false });
    const s = initiallyOpen(short);
    expect([...s.sheets]).toEqual(['A', 'B']);
    expect(s.kinds.size).toBe(2);

    const rows = Array.from({ length: SMALL_LIST }, (_, i) => d('A', i + 1));
    const long = groupProblems([...rows, issue({ sheet: 'B', row: 1, col: 1 }), d('B', 2)], { includeInfo: false });
    const l = initiallyOpen(long);
    expect([...l.sheets]).toEqual(['B']);
    const [a, b] = [long.find((g) => g.sheet === 'A')!, long.find((g) => g.sheet === 'B')!];
    expect(kindGroups(a).some((k) => l.kinds.has(k.key))).toBe(false); // 12 > KIND_COLLAPSE_OVER: one line
    expect(kindGroups(b).every((k) => l.kinds.has(k.key))).toBe(true);
    expect(KIND_COLLAPSE_OVER).toBeLessThan(SMALL_LIST);
  });

  test('errors only', () => {
    expect(errorsOnly([d('A', 1), issue({ sheet: 'A', row: 2, col: 2 })]).map((i) => i.severity)).toEqual(['error']);
  });
});
