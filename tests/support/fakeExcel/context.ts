/**
 * Excel's proxy model, faked: a RequestContext queues every property set, method call and load;
 * sync() sends them as one request (its JSON size is recorded and may be refused like Excel on
 * the web's 5 MB limit), applies them in order, and only then makes loaded properties readable.
 * Reading a property that was not loaded and synced throws PropertyNotLoaded, as Excel does.
 */
import { ErrorCodes, FakeOfficeError, fail } from './errors';
import { utf8Length, type FakeWorkbook, type SyncRecord } from './model';

export interface LoadResult {
  data: unknown;
  commit(): void;
}

interface Action {
  desc: unknown;
  /** an action may take time (insertWorksheetsFromBase64 unpacks a package): the sync waits for it */
  run(): LoadResult | void | Promise<LoadResult | void>;
}

export type LoadArg = string | string[] | { select?: string | string[]; expand?: string | string[] } | Record<string, unknown> | undefined;

/** "a, b/c" · ["a", "b/c"] · {select: "a,b"} · {a: true, b: {c: true}} → [["a"], ["b", "c"]] */
export function parseLoad(arg: LoadArg): string[][] {
  if (arg === undefined || arg === null) return [['*']];
  const list: string[] = [];
  const add = (s: string) => {
    for (const p of s.split(',')) {
      const t = p.trim();
      if (t) list.push(t);
    }
  };
  if (typeof arg === 'string') add(arg);
  else if (Array.isArray(arg)) arg.forEach(add);
  else if ('select' in arg || 'expand' in arg) {
    const sel = (arg as { select?: string | string[] }).select;
    if (typeof sel === 'string') add(sel);
    else if (Array.isArray(sel)) sel.forEach(add);
  } else {
    const walk = (o: Record<string, unknown>, prefix: string) => {
      for (const [k, v] of Object.entries(o)) {
        if (v === true) list.push(prefix + k);
        else if (v && typeof v === 'object') walk(v as Record<string, unknown>, prefix + k + '/');
      }
    };
    walk(arg as Record<string, unknown>, '');
  }
  if (!list.length) return [['*']];
  return list.map((p) => p.split('/').map((s) => s.trim()));
}

function notLoaded(type: string, name: string): FakeOfficeError {
  return new FakeOfficeError(
    ErrorCodes.propertyNotLoaded,
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${type}.${name}`,
  );
}

export class FakeRequestContext {
  /** set by createContext() in workbook.ts */
  workbook!: import('./workbook').WorkbookProxy;
  readonly trackedObjects = { add(): void {}, remove(): void {} };
  private queue: Action[] = [];
  private nullables: ClientObject<unknown>[] = [];
  private nextId = 1;

  constructor(readonly fake: FakeWorkbook) {}

  /** @internal */
  id(): number {
    return this.nextId++;
  }

  /** @internal */
  enqueue(a: Action): void {
    this.queue.push(a);
  }

  /** @internal */
  trackNullable(o: ClientObject<unknown>): void {
    this.nullables.push(o);
  }

  get pendingActions(): number {
    return this.queue.length;
  }

  load(obj: ClientObject<unknown>, props?: LoadArg): void {
    obj.load(props);
  }

  async sync(): Promise<void> {
    const actions = this.queue;
    this.queue = [];
    const nulls = this.nullables;
    this.nullables = [];
    const rec: SyncRecord = { requestBytes: utf8Length(JSON.stringify(actions.map((a) => a.desc))), responseBytes: 0, actions: actions.length };
    this.fake.syncLog.push(rec);
    await Promise.resolve();
    try {
      const limit = this.fake.requestLimitBytes;
      if (limit !== undefined && rec.requestBytes > limit) {
        fail('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${rec.requestBytes} > ${limit} bytes).`);
      }
      const commits: (() => void)[] = [];
      let response = 0;
      for (const a of actions) {
        const ran = a.run();
        const r = ran instanceof Promise ? await ran : ran;
        if (r) {
          response += utf8Length(JSON.stringify(r.data) ?? '');
          commits.push(() => r.commit());
        }
      }
      for (const o of nulls) commits.push(o._settle());
      rec.responseBytes = response;
      const rl = this.fake.responseLimitBytes;
      if (rl !== undefined && response > rl) fail(ErrorCodes.responsePayloadSizeLimitExceeded, `The response payload size has exceeded the limit (${response} > ${rl} bytes).`);
      for (const c of commits) c();
    } catch (e) {
      rec.error = e instanceof FakeOfficeError ? e.code : String(e);
      throw e;
    }
  }
}

/**
 * A proxy. Its target (sheet, range, table …) is resolved when the first queued action that
 * needs it runs at sync, and then kept, as Excel keeps an object path.
 */
export abstract class ClientObject<T> {
  readonly _id: number;
  protected readonly _loaded = new Map<string, unknown>();
  private _isNull: boolean | undefined;
  private _resolved = false;
  private _target: T | null = null;
  protected abstract readonly _type: string;
  protected abstract readonly _scalars: readonly string[];

  constructor(
    readonly context: FakeRequestContext,
    private readonly _resolver: () => T | null,
    readonly _nullable = false,
  ) {
    this._id = context.id();
    if (_nullable) context.trackNullable(this as ClientObject<unknown>);
  }

  /** the model object, resolved at most once, during a sync */
  _resolve(): T | null {
    if (!this._resolved) {
      this._target = this._resolver();
      this._resolved = true;
    }
    return this._target;
  }

  protected _must(where: string): T {
    const t = this._resolve();
    if (t === null) fail('InvalidArgument', `${this._type}.${where} on a null object`, `${this._type}.${where}`);
    return t;
  }

  /** @internal for nullable proxies: fix isNullObject at the end of a sync */
  _settle(): () => void {
    const t = this._resolve();
    return () => {
      this._isNull = t === null;
    };
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw notLoaded(this._type, 'isNullObject');
    return this._isNull;
  }

  protected abstract _read(name: string, target: T): unknown;

  /** child proxy for navigation loads ("format/fill/color"); undefined when none */
  protected _child(_name: string): ClientObject<unknown> | undefined {
    return undefined;
  }

  load(props?: LoadArg): this {
    const paths = parseLoad(props);
    this.context.enqueue({ desc: { load: this._id, type: this._type, paths: paths.map((p) => p.join('/')) }, run: () => this._runLoad(paths) });
    return this;
  }

  /** @internal */
  _runLoad(paths: string[][]): LoadResult {
    const t = this._resolve();
    if (t === null) {
      if (!this._nullable) fail('ItemNotFound', `The requested resource doesn't exist (${this._type}).`, `${this._type}.load`);
      return { data: null, commit: () => (this._isNull = true) };
    }
    const own: [string, unknown][] = [];
    const kids: LoadResult[] = [];
    const groups = new Map<string, string[][]>();
    for (const p of paths) {
      const [head, ...rest] = p;
      if (head === '*') {
        for (const s of this._scalars) groups.set(s, groups.get(s) ?? []);
        continue;
      }
      const g = groups.get(head) ?? [];
      if (rest.length) g.push(rest);
      groups.set(head, g);
    }
    for (const [head, rests] of groups) {
      const special = this._loadSpecial(head, rests, t);
      if (special) {
        kids.push(special);
        continue;
      }
      if (this._scalars.includes(head) && rests.length === 0) {
        own.push([head, this._read(head, t)]);
        continue;
      }
      const child = this._child(head);
      if (!child) fail('InvalidArgument', `The property '${head}' does not exist on ${this._type}.`, `${this._type}.load`);
      kids.push(child._runLoad(rests.length ? rests : [['*']]));
    }
    return {
      data: [own, kids.map((k) => k.data)],
      commit: () => {
        this._isNull = false;
        for (const [k, v] of own) this._loaded.set(k, v);
        for (const k of kids) k.commit();
      },
    };
  }

  /** collections load "items/…" here */
  protected _loadSpecial(_head: string, _rests: string[][], _t: T): LoadResult | undefined {
    return undefined;
  }

  /** a collection's "items/…": load every item, keep them once the sync commits */
  protected _loadItems<I extends ClientObject<unknown>>(items: I[], rests: string[][]): LoadResult {
    const loads = items.map((i) => i._runLoad(rests.length ? rests : [['*']]));
    return {
      data: loads.map((l) => l.data),
      commit: () => {
        loads.forEach((l) => l.commit());
        this._loaded.set('items', items);
      },
    };
  }

  protected _get<V>(name: string): V {
    if (!this._loaded.has(name)) throw notLoaded(this._type, name);
    return this._loaded.get(name) as V;
  }

  /** queues a property set; applied at sync (a no-op on a null object) */
  protected _set(name: string, value: unknown, apply: (t: T) => void): void {
    this.context.enqueue({
      desc: { set: name, id: this._id, type: this._type, value },
      run: () => {
        const t = this._resolve();
        if (t === null) {
          if (!this._nullable) fail('ItemNotFound', `The requested resource doesn't exist (${this._type}).`, `${this._type}.${name}`);
          return;
        }
        apply(t);
      },
    });
  }

  /** queues a method call; applied at sync */
  protected _call(name: string, args: unknown[], apply: (t: T) => void): void {
    this.context.enqueue({
      desc: { call: name, id: this._id, type: this._type, args },
      run: () => {
        const t = this._resolve();
        if (t === null) {
          if (!this._nullable) fail('ItemNotFound', `The requested resource doesn't exist (${this._type}).`, `${this._type}.${name}`);
          return;
        }
        apply(t);
      },
    });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }
}

/** ClientResult<T> of methods such as getCount(): value readable after sync */
export class FakeClientResult<V> {
  private _value: V | undefined;
  private _set = false;
  get value(): V {
    if (!this._set) throw notLoaded('ClientResult', 'value');
    return this._value as V;
  }
  /** @internal */
  _commit(v: V): void {
    this._value = v;
    this._set = true;
  }
}

export function enqueueResult<V>(ctx: FakeRequestContext, desc: unknown, compute: () => V): FakeClientResult<V> {
  const r = new FakeClientResult<V>();
  ctx.enqueue({
    desc,
    run: () => {
      const v = compute();
      return { data: v, commit: () => r._commit(v) };
    },
  });
  return r;
}
