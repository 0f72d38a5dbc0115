/**
 * The browser's codecs: the platform's DecompressionStream / CompressionStream('deflate-raw')
 * (Chrome and Edge 103+, Safari 16.4+, Firefox 113+, Node 20) and CRC-32 in JavaScript. The task
 * pane reads a package with `readXlsxWith(bytes, webInflate)` (src/xlsx/read/readXlsx.ts) and
 * patches one with `patchWorkbookWith(bytes, plan, null, webZip)` (src/xlsx/patch/patchWorkbook.ts);
 * a platform without these streams supplies other codecs the same way.
 */
import { crc32Js, type InflateCodec, type ZipCodec } from './codec';
import { blocks, contentBytes, contentLength, type EncodedPart, type PartContent } from './partBlocks';

async function* decompressed(raw: Uint8Array): AsyncGenerator<Uint8Array> {
  const input = new ReadableStream<Uint8Array<ArrayBuffer>>({
    start(controller) {
      controller.enqueue(raw as Uint8Array<ArrayBuffer>);
      controller.close();
    },
  });
  const reader = input.pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      yield value;
    }
  } finally {
    // stopped early (or failed): let the stream go
    if (!finished) await reader.cancel().catch(() => undefined);
  }
}

export const webInflate: InflateCodec = {
  inflateRawChunks: decompressed,
  crc32: crc32Js,
};

/**
 * A part deflated as one raw stream: its UTF-8 blocks written in turn while the output is read
 * (so neither side waits on the other), the CRC taken block by block. Stored instead when
 * deflating does not make it smaller.
 */
async function compressed(content: PartContent): Promise<EncodedPart> {
  const stream = new CompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const out: Uint8Array[] = [];
  const reading = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      out.push(value);
    }
  })();
  let crc = 0;
  let size = 0;
  try {
    for (const block of blocks(content)) {
      crc = crc32Js(block, crc);
      size += block.length;
      await writer.write(block as Uint8Array<ArrayBuffer>);
    }
    await writer.close();
  } catch (e) {
    await reader.cancel().catch(() => undefined);
    throw e;
  }
  await reading;
  if (contentLength(out) >= size) return { method: 0, crc, size, pieces: [contentBytes(content)] };
  return { method: 8, crc, size, pieces: out };
}

/** The pane's ZipCodec: nothing at once, so PackageZip.open inflates the parts it edits up front. */
export const webZip: ZipCodec = { ...webInflate, encode: compressed };
