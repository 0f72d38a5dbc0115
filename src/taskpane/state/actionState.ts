/**
 * State of the task pane's one running action: idle → running(step, ratio) → done(result) or
 * failed(error). Pure: the component dispatches events, the reducer never touches the workbook.
 *
 * Every run carries a runId. Events of an earlier run (a progress callback that fires after its
 * action finished, a late completion) are ignored, and a second start while running is refused,
 * so a double click cannot start two actions at once.
 */
import type { ActionStep, SummaryOutcome, TemplateOutcome, ValidateOutcome, WriteOutcome } from '../../excel/gateway';
import type { Lang } from '../../messages/lang';
import type { ErrorInfo } from './errors';

export type ActionKind = 'validate' | 'compute' | 'summary' | 'template';

export type ActionResult =
  | { kind: 'validate'; outcome: ValidateOutcome }
  | { kind: 'compute'; outcome: WriteOutcome }
  /** lang: the language the summary sheet was built in */
  | { kind: 'summary'; outcome: SummaryOutcome; lang: Lang }
  | { kind: 'template'; outcome: TemplateOutcome };

export type ActionState =
  | { status: 'idle'; runId: number }
  | { status: 'running'; runId: number; action: ActionKind; step: ActionStep | null; ratio: number }
  | { status: 'done'; runId: number; action: ActionKind; result: ActionResult }
  | { status: 'failed'; runId: number; action: ActionKind; error: ErrorInfo };

export type ActionEvent =
  | { type: 'start'; runId: number; action: ActionKind }
  | { type: 'progress'; runId: number; step: ActionStep; ratio: number }
  | { type: 'succeed'; runId: number; result: ActionResult }
  | { type: 'fail'; runId: number; error: ErrorInfo }
  /** forget the last result or error (back to idle); ignored while running */
  | { type: 'dismiss' };

export const INITIAL_ACTION_STATE: ActionState = { status: 'idle', runId: 0 };

/** 0..1; anything else (NaN, ±Infinity) → null */
export function clampRatio(ratio: number): number | null {
  if (typeof ratio !== 'number' || !Number.isFinite(ratio)) return null;
  return Math.min(1, Math.max(0, ratio));
}

export function actionReducer(state: ActionState, event: ActionEvent): ActionState {
  switch (event.type) {
    case 'start':
      if (state.status === 'running' || event.runId <= state.runId) return state;
      return { status: 'running', runId: event.runId, action: event.action, step: null, ratio: 0 };
    case 'progress': {
      if (state.status !== 'running' || state.runId !== event.runId) return state;
      const ratio = clampRatio(event.ratio);
      // The bar never moves backwards; a bad ratio keeps the previous one but still shows the step.
      const next = ratio === null ? state.ratio : Math.max(state.ratio, ratio);
      if (next === state.ratio && event.step === state.step) return state;
      return { ...state, step: event.step, ratio: next };
    }
    case 'succeed':
      if (state.status !== 'running' || state.runId !== event.runId) return state;
      if (event.result.kind !== state.action) {
        return {
          status: 'failed',
          runId: state.runId,
          action: state.action,
          error: { message: `unexpected result "${event.result.kind}" for action "${state.action}"` },
        };
      }
      return { status: 'done', runId: state.runId, action: state.action, result: event.result };
    case 'fail':
      if (state.status !== 'running' || state.runId !== event.runId) return state;
      return { status: 'failed', runId: state.runId, action: state.action, error: event.error };
    case 'dismiss':
      if (state.status === 'running' || state.status === 'idle') return state;
      return { status: 'idle', runId: state.runId };
  }
}

export function isRunning(state: ActionState): boolean {
  return state.status === 'running';
}
