/** `npm run bench`: every benchmark, one JSON object per line. */
import { benchEngine } from './engine';
import { benchCliVsExceljs } from './cliVsExceljs';
import { main as officeSyncs } from './officeSyncs';
import { benchCliLarge } from './cliLarge';
import { benchBundle } from './bundle';

async function run(): Promise<void> {
  console.log(JSON.stringify(benchEngine()));
  console.log(JSON.stringify(await benchCliVsExceljs()));
  await officeSyncs();
  for (const line of await benchCliLarge()) console.log(JSON.stringify(line));
  console.log(JSON.stringify(await benchBundle()));
}

run().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
