import {
  actionReducer,
  clampRatio,
  INITIAL_ACTION_STATE,
  isRunning,
  type ActionEvent,
  type ActionResult,
  type ActionState,
} from '../../src/taskpane/state/actionState';
import type { ValidateOutcome } from '../../src/excel/gateway';

const outcome: ValidateOutcome = {
  issues: [],
  kpiSheets: ['政策推進課'],
  pledgeSheets: [],
  otherSheets: [],
  kpiCount: 3,
  activityCount: 0,
  syncs: 2,
};
const validated: ActionResult = { kind: 'validate', outcome };

function reduce(events: ActionEvent[], from: ActionState = INITIAL_ACTION_STATE): ActionState {
  return events.reduce(actionReducer, from);
}

describe('action reducer', () => {
  test('idle → running → progress → done', () => {
    const running = reduce([{ type: 'start', runId: 1, action: 'validate' }]);
    expect(running).toEqual({ status: 'running', runId: 1, action: 'validate', step: null, ratio: 0 });
    expect(isRunning(running)).toBe(true);

    const progressed = reduce([{ type: 'progress', runId: 1, step: 'read', ratio: 0.25 }], running);
    expect(progressed).toMatchObject({ status: 'running', step: 'read', ratio: 0.25 });

    const done = reduce([{ type: 'succeed', runId: 1, result: validated }], progressed);
    expect(done).toEqual({ status: 'done', runId: 1, action: 'validate', result: validated });
    expect(isRunning(done)).toBe(false);
  });

  test('running → failed keeps the error', () => {
    const failed = reduce([
      { type: 'start', runId: 1, action: 'compute' },
      { type: 'fail', runId: 1, error: { message: 'boom', code: 'GeneralException' } },
    ]);
    expect(failed).toEqual({ status: 'failed', runId: 1, action: 'compute', error: { message: 'boom', code: 'GeneralException' } });
  });

  test('a second start while running is refused (double click)', () => {
    const running = reduce([{ type: 'start', runId: 1, action: 'validate' }]);
    expect(actionReducer(running, { type: 'start', runId: 2, action: 'summary' })).toBe(running);
  });

  test('a start must use a new run id', () => {
    const done = reduce([
      { type: 'start', runId: 3, action: 'validate' },
      { type: 'succeed', runId: 3, result: validated },
    ]);
    expect(actionReducer(done, { type: 'start', runId: 3, action: 'validate' })).toBe(done);
    expect(actionReducer(done, { type: 'start', runId: 2, action: 'validate' })).toBe(done);
    expect(actionReducer(done, { type: 'start', runId: 4, action: 'validate' })).toMatchObject({ status: 'running', runId: 4 });
  });

  test('events of another run are ignored', () => {
    const running = reduce([{ type: 'start', runId: 2, action: 'validate' }]);
    expect(actionReducer(running, { type: 'progress', runId: 1, step: 'write', ratio: 0.9 })).toBe(running);
    expect(actionReducer(running, { type: 'succeed', runId: 1, result: validated })).toBe(running);
    expect(actionReducer(running, { type: 'fail', runId: 1, error: { message: 'old' } })).toBe(running);
  });

  test('progress, success or failure after the end changes nothing', () => {
    const done = reduce([
      { type: 'start', runId: 1, action: 'validate' },
      { type: 'succeed', runId: 1, result: validated },
    ]);
    expect(actionReducer(done, { type: 'progress', runId: 1, step: 'read', ratio: 1 })).toBe(done);
    expect(actionReducer(done, { type: 'fail', runId: 1, error: { message: 'late' } })).toBe(done);
    expect(actionReducer(INITIAL_ACTION_STATE, { type: 'progress', runId: 0, step: 'read', ratio: 0.5 })).toBe(INITIAL_ACTION_STATE);
  });

  test('the ratio is clamped to 0..1, never moves back, and a bad ratio keeps the previous one', () => {
    let s = reduce([{ type: 'start', runId: 1, action: 'compute' }]);
    s = actionReducer(s, { type: 'progress', runId: 1, step: 'read', ratio: 1.7 });
    expect(s).toMatchObject({ ratio: 1 });
    s = reduce([{ type: 'start', runId: 1, action: 'compute' }]);
    s = actionReducer(s, { type: 'progress', runId: 1, step: 'read', ratio: 0.6 });
    s = actionReducer(s, { type: 'progress', runId: 1, step: 'write', ratio: 0.4 });
    expect(s).toMatchObject({ step: 'write', ratio: 0.6 });
    s = actionReducer(s, { type: 'progress', runId: 1, step: 'write', ratio: Number.NaN });
    expect(s).toMatchObject({ step: 'write', ratio: 0.6 });
    s = actionReducer(s, { type: 'progress', runId: 1, step: 'write', ratio: -3 });
    expect(s).toMatchObject({ ratio: 0.6 });
  });

  test('an identical progress report returns the same state object (no re-render)', () => {
    const s = reduce([
      { type: 'start', runId: 1, action: 'compute' },
      { type: 'progress', runId: 1, step: 'read', ratio: 0.5 },
    ]);
    expect(actionReducer(s, { type: 'progress', runId: 1, step: 'read', ratio: 0.5 })).toBe(s);
  });

  test('a result of the wrong kind becomes a failure', () => {
    const s = reduce([
      { type: 'start', runId: 1, action: 'summary' },
      { type: 'succeed', runId: 1, result: validated },
    ]);
    expect(s.status).toBe('failed');
  });

  test('dismiss returns to idle, but not while running', () => {
    const failed = reduce([
      { type: 'start', runId: 5, action: 'template' },
      { type: 'fail', runId: 5, error: { message: 'x' } },
    ]);
    expect(actionReducer(failed, { type: 'dismiss' })).toEqual({ status: 'idle', runId: 5 });
    const running = reduce([{ type: 'start', runId: 6, action: 'template' }], failed);
    expect(actionReducer(running, { type: 'dismiss' })).toBe(running);
    expect(actionReducer(INITIAL_ACTION_STATE, { type: 'dismiss' })).toBe(INITIAL_ACTION_STATE);
  });

  test('clampRatio', () => {
    expect(clampRatio(0.5)).toBe(0.5);
    expect(clampRatio(-1)).toBe(0);
    expect(clampRatio(2)).toBe(1);
    expect(clampRatio(Number.POSITIVE_INFINITY)).toBeNull();
    expect(clampRatio(Number.NaN)).toBeNull();
  });
});
