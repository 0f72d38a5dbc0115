import { skippedSheets } from '../../src/taskpane/state/skipped';

describe('sheets a write left alone', () => {
  test('names only: the reason is errors, the pane says it in its own words', () => {
    expect(skippedSheets({ skipped: ['政策推進課', '市民課'] }, 'ja')).toEqual([
      { sheet: '政策推進課', reason: 'errors' },
      { sheet: '市民課', reason: 'errors' },
    ]);
  });

  test('with details: the gateway’s message in the pane’s language', () => {
    const outcome = {
      skipped: ['政策推進課', '市民課'],
      skippedDetails: [
        { sheet: '市民課', reason: 'protected' as const, message: '保護されています', messageEn: 'protected' },
        { sheet: '政策推進課', reason: 'errors' as const, message: 'エラーがあります', messageEn: '' },
      ],
    };
    expect(skippedSheets(outcome, 'ja')).toEqual([
      { sheet: '政策推進課', reason: 'errors', text: 'エラーがあります' },
      { sheet: '市民課', reason: 'protected', text: '保護されています' },
    ]);
    expect(skippedSheets(outcome, 'en')).toEqual([
      { sheet: '政策推進課', reason: 'errors', text: 'エラーがあります' },
      { sheet: '市民課', reason: 'protected', text: 'protected' },
    ]);
  });

  test('a detail for a sheet missing from the names is still listed, once', () => {
    const outcome = {
      skipped: ['A'],
      skippedDetails: [{ sheet: 'B', reason: 'protected' as const, message: '', messageEn: '' }],
    };
    expect(skippedSheets(outcome, 'ja')).toEqual([
      { sheet: 'A', reason: 'errors' },
      { sheet: 'B', reason: 'protected' },
    ]);
  });
});
