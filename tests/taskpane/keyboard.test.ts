import { isImeComposing, isImeEscape, isSubmitEnter } from '../../src/taskpane/state/keyboard';

describe('IME-safe Enter', () => {
  test('plain Enter submits', () => {
    expect(isSubmitEnter({ key: 'Enter', keyCode: 13, nativeEvent: { isComposing: false, keyCode: 13 } })).toBe(true);
    expect(isSubmitEnter({ key: 'Enter' })).toBe(true);
  });

  test('Enter that confirms a conversion (isComposing) does not submit', () => {
    expect(isSubmitEnter({ key: 'Enter', keyCode: 13, nativeEvent: { isComposing: true, keyCode: 13 } })).toBe(false);
    expect(isSubmitEnter({ key: 'Enter', isComposing: true })).toBe(false);
  });

  test('keyCode 229 (Safari fires the confirming keydown after compositionend) does not submit', () => {
    expect(isSubmitEnter({ key: 'Enter', keyCode: 229, nativeEvent: { isComposing: false, keyCode: 229 } })).toBe(false);
    expect(isSubmitEnter({ key: 'Enter', nativeEvent: { keyCode: 229 } })).toBe(false);
  });

  test('key "Process" (Chromium on Windows during composition) does not submit', () => {
    expect(isSubmitEnter({ key: 'Process', keyCode: 229 })).toBe(false);
    expect(isImeComposing({ key: 'Process' })).toBe(true);
  });

  test('other keys and modified Enter do not submit', () => {
    expect(isSubmitEnter({ key: 'a' })).toBe(false);
    expect(isSubmitEnter({ key: ' ' })).toBe(false);
    expect(isSubmitEnter({ key: 'Enter', shiftKey: true })).toBe(false);
    expect(isSubmitEnter({ key: 'Enter', ctrlKey: true })).toBe(false);
    expect(isSubmitEnter({ key: 'Enter', altKey: true })).toBe(false);
    expect(isSubmitEnter({ key: 'Enter', metaKey: true })).toBe(false);
  });

  test('Escape during a composition belongs to the IME, not the dialog', () => {
    expect(isImeEscape({ key: 'Escape', nativeEvent: { isComposing: true } })).toBe(true);
    expect(isImeEscape({ key: 'Escape', keyCode: 229 })).toBe(true);
    expect(isImeEscape({ key: 'Escape', nativeEvent: { isComposing: false, keyCode: 27 } })).toBe(false);
    expect(isImeEscape({ key: 'Enter', nativeEvent: { isComposing: true } })).toBe(false);
  });
});
