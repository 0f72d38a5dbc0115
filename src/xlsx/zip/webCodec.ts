/**
 * The browser's InflateCodec: the platform's DecompressionStream('deflate-raw') (Chrome and
 * Edge 103+, Safari 16.4+, Firefox 113+, Node 20) and CRC-32 in JavaScript. The task pane reads
 * a package with `readXlsxWith(bytes, webInflate)` (src/xlsx/read/readXlsx.ts); a platform
 * without DecompressionStream supplies another InflateCodec (a small inflater) the same way.
 */
import { crc32Js, type InflateCodec } from './codec';

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
