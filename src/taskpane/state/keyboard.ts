/**
 * Keyboard handling that respects Japanese input. While an IME composition is in progress the
 * Enter key confirms the conversion (変換確定); it must not submit. Browsers say so in different
 * ways: KeyboardEvent.isComposing (most), keyCode 229 (Safari fires the confirming keydown after
 * compositionend, with isComposing false but keyCode 229), key "Process" (Chromium on Windows).
 * The functions take an event-like object so that they are testable without a DOM.
 */

export interface KeyEventLike {
  key: string;
  keyCode?: number;
  isComposing?: boolean;
  shiftKey?: boolean;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  /** React's synthetic events carry the browser event here */
  nativeEvent?: { isComposing?: boolean; keyCode?: number };
}

const IME_KEY_CODE = 229;

export function isImeComposing(e: KeyEventLike): boolean {
  return (
    e.isComposing === true ||
    e.nativeEvent?.isComposing === true ||
    e.keyCode === IME_KEY_CODE ||
    e.nativeEvent?.keyCode === IME_KEY_CODE ||
    e.key === 'Process'
  );
}

/** Enter that submits: no IME composition, no modifier (Shift+Enter etc. are left alone) */
export function isSubmitEnter(e: KeyEventLike): boolean {
  return e.key === 'Enter' && !isImeComposing(e) && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey;
}

/**
 * Escape during a composition cancels the conversion; it must not also close the dialog the
 * input sits in. The input's keydown handler stops the event from reaching the dialog.
 */
export function isImeEscape(e: KeyEventLike): boolean {
  return e.key === 'Escape' && isImeComposing(e);
}
