import { makeIssue, type Issue, type IssueInput } from '../../src/domain/base/issues';
import { countProblems, groupProblems, issueText } from '../../src/taskpane/state/problems';

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
  test('the location prefix made by makeIssue is removed (the pane shows cell and header itself)', () => {
    const i = issue({ sheet: '政策推進課', row: 11, col: 7, header: '実績R3' });
    expect(i.message.startsWith('政策推進課!H12（実績R3）: ')).toBe(true);
    expect(issueText(i, 'ja')).toBe(i.message.slice('政策推進課!H12（実績R3）: '.length));
    expect(issueText(i, 'ja')).toContain('「約50」は数値として読めません');
    expect(issueText(i, 'en')).toContain('"約50" is not a number');
    expect(issueText(i, 'en').startsWith('政策推進課')).toBe(false);
  });

  test('without a cell or header', () => {
    const i = issue({ sheet: '市民課', code: 'header.actualYearMissing' });
    expect(issueText(i, 'ja')).toBe(i.message.slice('市民課: '.length));
  });

  test('a message in another shape is shown whole; a missing language falls back to the other', () => {
    const i: Issue = { severity: 'error', code: 'number.text', sheet: 'S', cell: 'A1', message: '独自のメッセージ', messageEn: '' };
    expect(issueText(i, 'ja')).toBe('独自のメッセージ');
    expect(issueText(i, 'en')).toBe('独自のメッセージ');
  });
});
