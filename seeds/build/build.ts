// npm run seeds:build — seeds/source/*.txt → seeds/data/* → seeds/*.xlsx
import { extractData, writeData } from './extract';
import { buildWorkbooks, writeWorkbooks } from './workbooks';

async function main(): Promise<void> {
  const data = extractData();
  writeData(data);
  const books = await buildWorkbooks();
  writeWorkbooks(books);
  for (const [name, content] of Object.entries(data)) console.log(`seeds/data/${name}: ${content.split('\n').length - 1} lines`);
  for (const [name, content] of Object.entries(books)) console.log(`seeds/${name}: ${content.length} bytes`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
