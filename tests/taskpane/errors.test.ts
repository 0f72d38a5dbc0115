import { describeError, errorHint } from '../../src/taskpane/state/errors';
import { translate } from '../../src/messages/translate';

describe('describing an action error', () => {
  test('Error', () => {
    expect(describeError(new Error('シートが見つかりません'))).toEqual({ message: 'シートが見つかりません' });
  });

  test('OfficeExtension.Error-like: message, code and location', () => {
    const err = Object.assign(new Error('The operation cannot be performed in cell edit mode.'), {
      name: 'RichApi.Error',
      code: 'InvalidOperationInCellEditMode',
      debugInfo: { errorLocation: 'Range.values' },
    });
    const info = describeError(err);
    expect(info).toEqual({
      message: 'The operation cannot be performed in cell edit mode.',
      code: 'InvalidOperationInCellEditMode',
      location: 'Range.values',
    });
    expect(errorHint(info)).toBe('error.hint.cellEdit');
    expect(translate('ja', errorHint(info) ?? 'error.unknown')).toContain('Esc');
  });

  test('strings, numbers and empty things', () => {
    expect(describeError('  失敗  ')).toEqual({ message: '失敗' });
    expect(describeError(42)).toEqual({ message: '42' });
    expect(describeError(undefined)).toEqual({ message: '' });
    expect(describeError(null)).toEqual({ message: '' });
    expect(describeError({})).toEqual({ message: '' });
    expect(describeError(new Error(''))).toEqual({ message: '' });
    expect(describeError({ name: 'AbortError' })).toEqual({ message: 'AbortError' });
  });

  test('very long messages are cut', () => {
    const info = describeError(new Error('x'.repeat(5000)));
    expect(info.message.length).toBeLessThanOrEqual(2001);
  });

  test('hints only for known codes', () => {
    expect(errorHint({ message: '', code: 'AccessDenied' })).toBe('error.hint.protected');
    expect(errorHint({ message: '', code: 'MergedRangeConflict' })).toBe('error.hint.conflict');
    expect(errorHint({ message: '', code: 'GeneralException' })).toBeUndefined();
    expect(errorHint({ message: '' })).toBeUndefined();
  });
});
