/** tests/support/externalTools.ts: skip outside CI with the reason, fail in CI. */
import path from 'node:path';
import { findTool, locateTool } from '../support/externalTools';

const BIN = path.join(path.sep, 'opt', 'tools', 'bin');
const env = (extra: NodeJS.ProcessEnv = {}) => ({ PATH: BIN, ...extra });

describe('external tools', () => {
  test('found on PATH', () => {
    const soffice = path.join(BIN, process.platform === 'win32' ? 'soffice.exe' : 'soffice');
    expect(locateTool('soffice', env(), (p) => p === soffice)).toBe(soffice);
    expect(findTool('soffice', env({ CI: 'true' }), (p) => p === soffice)).toBe(soffice);
  });

  test('missing outside CI: skipped, with the reason printed', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect(findTool('pdftoppm', env(), () => false)).toBeUndefined();
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^skipped: pdftoppm not found \(apt-get install .*poppler-utils\)/));
    } finally {
      warn.mockRestore();
    }
  });

  test('missing in CI: an error', () => {
    expect(() => findTool('soffice', env({ CI: 'true' }), () => false)).toThrow(/soffice not found .*libreoffice-calc.*CI must install it/);
  });
});
