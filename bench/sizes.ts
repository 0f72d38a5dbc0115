/** A bench measured at several sizes, one JSON line per size; from the command line, sizes given there replace the defaults. */
export async function measureSizes<R>(measure: (n: number) => Promise<R>, sizes: readonly number[], print: (line: string) => void = (l) => console.log(l)): Promise<R[]> {
  const results: R[] = [];
  for (const n of sizes) {
    const r = await measure(n);
    print(JSON.stringify(r));
    results.push(r);
  }
  return results;
}

/** Runs `main` with the sizes on the command line (none: its defaults); a failure sets the exit code. */
export function mainWithSizes(main: (sizes?: readonly number[]) => Promise<unknown>): void {
  const sizes = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n > 0);
  main(sizes.length ? sizes : undefined).catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
