/**
 * A second thread that deflates the big blocks of parts being written (Node only).
 *
 * The summary and the patched sheets are written by synchronous loops on the main thread; the
 * machine's other core was idle meanwhile, and deflating took a sixth of a review. A block given
 * to the helper is copied into shared memory, a worker deflates it there and takes its CRC-32,
 * and the part collects both when it ends (crc32Combine makes the part's CRC of its blocks').
 * Nothing on the writer's side waits on the event loop (Atomics only):
 *   - no free slot: the writer deflates the block itself, so both cores deflate when the worker
 *     falls behind, and at most SLOTS blocks are held;
 *   - a block the worker has not started when its part ends is taken back and deflated by the
 *     writer; a block it is deflating is waited for a moment (PATIENCE_MS), then left to it and
 *     deflated by the writer from its copy, so the writer never hangs on a worker that is starved
 *     (it runs below normal priority) or gone;
 *   - a block the worker could not deflate (too big for its slot, any error) is deflated by the
 *     writer from the copy still in its slot.
 * The worker runs zlib with the writer's parameters (compression.ts deflateRaw, level and sync
 * flush), so the bytes do not depend on which thread deflated a block.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { crc32, deflateRaw } from './compression';

/** blocks that can be with the worker at once */
const SLOTS = 3;
/** the largest block handed over (the writers' blocks are about a megabyte) */
const SLOT_IN = (1 << 20) + (1 << 18);
/** room for its deflated form: deflate's worst case is a little larger than its input */
const SLOT_OUT = SLOT_IN + (SLOT_IN >> 8) + 1024;
/** smaller blocks are deflated at once: the handing over would cost more than it saves */
const MIN_BLOCK = 1 << 15;

// a slot's state (control[STATE + slot])
const FREE = 0;
const QUEUED = 1;
const TAKEN = 2;
const DONE = 3;
const FAILED = 4;
const STOLEN = 5;
/** the writer has deflated the block itself while the worker still had it: the worker frees the slot */
const ABANDONED = 6;
/** how long the writer waits for a block the worker is deflating (a block takes a few ms) */
const PATIENCE_MS = 50;
// control layout: [0] counts blocks queued (the worker waits on it), then per slot its fields
const STATE = 1;
const IN_LEN = STATE + SLOTS;
const LEVEL = IN_LEN + SLOTS;
const OUT_LEN = LEVEL + SLOTS;
const CRC = OUT_LEN + SLOTS;
const CONTROL = CRC + SLOTS;

/** The worker: takes queued slots, deflates them into their output, marks them done. */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const zlib = require('node:zlib');
const { control, input, output } = workerData;
const [SLOTS, SLOT_IN, SLOT_OUT, STATE, IN_LEN, LEVEL, OUT_LEN, CRC] = workerData.layout;
const [FREE, QUEUED, TAKEN, DONE, FAILED, ABANDONED] = workerData.states;
// below the main thread and V8's own helpers (compiling, collecting) on the same cores: on Linux
// setpriority(0) is this thread's alone (elsewhere it would be the whole process's)
if (process.platform === 'linux') try { require('node:os').setPriority(0, 10); } catch {}
const ctrl = new Int32Array(control);
const inb = new Uint8Array(input);
const outb = new Uint8Array(output);
let next = 0;
for (;;) {
  const queued = Atomics.load(ctrl, 0);
  let found = -1;
  for (let k = 0; k < SLOTS && found < 0; k++) {
    const s = (next + k) % SLOTS;
    if (Atomics.compareExchange(ctrl, STATE + s, QUEUED, TAKEN) === QUEUED) found = s;
  }
  if (found < 0) {
    Atomics.wait(ctrl, 0, queued);
    continue;
  }
  const s = found;
  next = (s + 1) % SLOTS;
  let state = FAILED;
  try {
    const data = inb.subarray(s * SLOT_IN, s * SLOT_IN + ctrl[IN_LEN + s]);
    // one output buffer as big as the slot: the result is a view of it, not 16 KB pieces joined,
    // so a block leaves one buffer of garbage, of which only the written pages take memory
    const out = zlib.deflateRawSync(data, { level: ctrl[LEVEL + s], finishFlush: zlib.constants.Z_SYNC_FLUSH, chunkSize: SLOT_OUT });
    if (out.length <= SLOT_OUT) {
      outb.set(out, s * SLOT_OUT);
      ctrl[OUT_LEN + s] = out.length;
      ctrl[CRC + s] = zlib.crc32(data);
      state = DONE;
    }
  } catch {}
  // a block the writer no longer waits for: its slot is free again once the worker is done with it
  if (Atomics.compareExchange(ctrl, STATE + s, TAKEN, state) === ABANDONED) Atomics.store(ctrl, STATE + s, FREE);
  Atomics.notify(ctrl, STATE + s);
}
`;

/** A block deflated: its bytes and the CRC-32 of its input; `raw` is null while the helper has it. */
export class DeflatedBlock {
  constructor(
    readonly length: number,
    public raw: Uint8Array | null,
    public crc: number,
    /** the helper's slot that holds it, and its level */
    readonly slot = -1,
    readonly level = 1,
  ) {}
}

export class DeflateHelper {
  private readonly ctrl: Int32Array;
  private readonly input: Uint8Array;
  private readonly output: Uint8Array;
  /** blocks handed over and deflated by the worker, and taken back or left to the writer */
  readonly counts = { worker: 0, writer: 0 };
  /** the worker has stopped: blocks are no longer handed over */
  private gone = false;
  /** the block each slot holds */
  private readonly owners: (DeflatedBlock | null)[] = new Array<DeflatedBlock | null>(SLOTS).fill(null);

  private constructor(private readonly patienceMs = PATIENCE_MS) {
    const control = new SharedArrayBuffer(CONTROL * 4);
    const input = new SharedArrayBuffer(SLOTS * SLOT_IN);
    const output = new SharedArrayBuffer(SLOTS * SLOT_OUT);
    this.ctrl = new Int32Array(control);
    this.input = new Uint8Array(input);
    this.output = new Uint8Array(output);
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { control, input, output, layout: [SLOTS, SLOT_IN, SLOT_OUT, STATE, IN_LEN, LEVEL, OUT_LEN, CRC], states: [FREE, QUEUED, TAKEN, DONE, FAILED, ABANDONED] },
    });
    // it must not keep the process alive; a worker that dies leaves its blocks to the writer
    worker.unref();
    worker.on('error', () => undefined);
    worker.on('exit', () => {
      this.gone = true;
    });
  }

  private static instance: DeflateHelper | null | undefined;

  /** The process's helper, started on first use; null on one core or where no worker can be started. */
  static shared(): DeflateHelper | null {
    if (DeflateHelper.instance === undefined) {
      try {
        DeflateHelper.instance = os.availableParallelism() > 1 ? new DeflateHelper() : null;
      } catch {
        DeflateHelper.instance = null;
      }
    }
    return DeflateHelper.instance;
  }

  /** A helper of its own, for tests (`patienceMs` 0: every block the worker holds is left to it). */
  static start(patienceMs = PATIENCE_MS): DeflateHelper {
    return new DeflateHelper(patienceMs);
  }

  /** Hands `block` over (copied); null when it is small or no slot is free: deflate it yourself. */
  offer(block: Uint8Array, level: number): DeflatedBlock | null {
    if (this.gone || block.length < MIN_BLOCK || block.length > SLOT_IN) return null;
    const slot = this.freeSlot();
    if (slot < 0) return null;
    this.input.set(block, slot * SLOT_IN);
    const ticket = new DeflatedBlock(block.length, null, 0, slot, level);
    this.owners[slot] = ticket;
    this.ctrl[IN_LEN + slot] = block.length;
    this.ctrl[LEVEL + slot] = level;
    Atomics.store(this.ctrl, STATE + slot, QUEUED);
    Atomics.add(this.ctrl, 0, 1);
    Atomics.notify(this.ctrl, 0);
    return ticket;
  }

  /**
   * A part's blocks it still has, their bytes and CRCs filled in: collected from the worker,
   * waited for, or made here. Last first: the worker takes the queued ones in turn, so the writer
   * takes back (and deflates) those it is least likely to have started while the worker finishes
   * the earlier ones, instead of waiting on each in turn.
   */
  collectAll(blocks: readonly DeflatedBlock[]): void {
    for (let i = blocks.length - 1; i >= 0; i--) if (!blocks[i].raw) this.collectSlot(blocks[i].slot);
  }

  /** a free slot, collecting a finished one's result into its ticket; -1 when all are busy */
  private freeSlot(): number {
    for (let s = 0; s < SLOTS; s++) {
      const state = Atomics.load(this.ctrl, STATE + s);
      if (state === FREE) return s;
      if (state === DONE || state === FAILED) {
        this.collectSlot(s);
        return s;
      }
    }
    return -1;
  }

  /** the slot's result into its block, the slot freed (or left to the worker to free) */
  private collectSlot(s: number): void {
    const ctrl = this.ctrl;
    let state = Atomics.compareExchange(ctrl, STATE + s, QUEUED, STOLEN);
    if (state === TAKEN) {
      Atomics.wait(ctrl, STATE + s, TAKEN, this.patienceMs);
      state = Atomics.compareExchange(ctrl, STATE + s, TAKEN, ABANDONED);
    }
    const block = this.owners[s]!;
    this.owners[s] = null;
    if (state === DONE) {
      this.counts.worker++;
      block.raw = this.output.slice(s * SLOT_OUT, s * SLOT_OUT + ctrl[OUT_LEN + s]);
      block.crc = ctrl[CRC + s] >>> 0;
    } else {
      this.counts.writer++;
      const data = this.input.subarray(s * SLOT_IN, s * SLOT_IN + block.length);
      block.raw = deflateRaw(data, block.level, false);
      block.crc = crc32(data);
    }
    if (state !== TAKEN) Atomics.store(ctrl, STATE + s, FREE);
  }
}
