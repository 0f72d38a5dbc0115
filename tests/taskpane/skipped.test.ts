import { skippedSheets } from '../../src/taskpane/state/skipped';

describe('sheets a write left alone', () => {
  test('names only: the reason is errors, the pane says it in its own words', () => {
    expect(skippedSheets({ skipped: ['政策推進課', '市民課'] })).toEqual([
      { sheet: '政策推進課', reason: 'errors' },
      { sheet: '市民課', reason: 'errors' },
    ]);
  });

  test('with details: each sheet with its reason, in the order of the names', () => {
    const outcome = {
      skipped: ['政策推進課', '市民課'],
      skippedDetails: [
        { sheet: '市民課', reason: 'protected' as const },
        { sheet: '政策推進課', reason: 'errors' as const },
      ],
    };
    expect(skippedSheets(outcome)).toEqual([
      { sheet: '政策推進課', reason: 'errors' },
      { sheet: '市民課', reason: 'protected' },
    ]);
  });

  test('a detail for a sheet missing from the names is still listed, once', () => {
    const outcome = {
      skipped: ['A'],
      skippedDetails: [{ sheet: 'B', reason: 'protected' as const }],
    };
    expect(skippedSheets(outcome)).toEqual([
      { sheet: 'A', reason: 'errors' },
      { sheet: 'B', reason: 'protected' },
    ]);
  });
});
