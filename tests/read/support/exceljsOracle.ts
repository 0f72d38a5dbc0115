/**
 * Runs exceljs over many files in a child process, one file at a time, giving up on a file
 * after `timeoutMs` (exceljs hangs on some ordinary workbooks: whole-sheet validations, many
 * merged ranges). The child is restarted after a timeout and goes on with the next file.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { NormalSheet } from './normalise';

export type OracleResult = { file: string; sheets: NormalSheet[] } | { file: string; error: string } | { file: string; timeout: true };

const CHILD = path.join(__dirname, 'exceljsChild.ts');

function runChild(files: string[], timeoutMs: number, results: Map<string, OracleResult>): Promise<string[]> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--require', 'tsx/cjs', CHILD], { stdio: ['pipe', 'pipe', 'ignore'] });
    let pending = [...files];
    let buffer = '';
    let timer: NodeJS.Timeout | null = null;
    const arm = () => {
      if (timer) clearTimeout(timer);
      timer = pending.length
        ? setTimeout(() => {
            results.set(pending[0], { file: pending[0], timeout: true });
            pending = pending.slice(1);
            child.kill('SIGKILL');
          }, timeoutMs)
        : null;
    };
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString('utf8');
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        const r = JSON.parse(line) as OracleResult;
        results.set(r.file, r);
        pending = pending.filter((f) => f !== r.file);
        arm();
      }
    });
    child.on('exit', () => {
      if (timer) clearTimeout(timer);
      resolve(pending);
    });
    child.stdin.on('error', () => {});
    child.stdin.end(files.join('\n') + '\n');
    arm();
  });
}

export async function exceljsOracle(files: readonly string[], timeoutMs = 15_000): Promise<Map<string, OracleResult>> {
  const results = new Map<string, OracleResult>();
  let left = [...files];
  while (left.length) {
    const before = left.length;
    left = await runChild(left, timeoutMs, results);
    if (left.length >= before) {
      // the child died without answering (out of memory …): count the file as refused
      results.set(left[0], { file: left[0], error: 'exceljs child exited' });
      left = left.slice(1);
    }
  }
  return results;
}
