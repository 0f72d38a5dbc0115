import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import { extractData } from '../../seeds/build/extract';
import { DATA_DIR, SOURCE_DIR } from '../../seeds/build/paths';

// The committed seeds/data/ files must be exactly what the extractor makes of seeds/source/.

const generated = extractData();

describe('seeds/data is reproducible from seeds/source', () => {
  test('the extractor writes every file in seeds/data and nothing else', () => {
    expect(Object.keys(generated).sort()).toEqual(fs.readdirSync(DATA_DIR).sort());
  });

  test.each(Object.keys(generated))('%s equals the committed file byte for byte', (name) => {
    const committed = fs.readFileSync(path.join(DATA_DIR, name));
    expect(committed.toString('utf8')).toBe(generated[name]);
    expect(committed.equals(Buffer.from(generated[name], 'utf8'))).toBe(true);
  });
});

describe('seeds/source holds the shared source texts verbatim', () => {
  const SHA256: Record<string, string> = {
    '000_e27a19abb44fdd72.txt': '59c6daa875f78cff5706576362fd07d8e2eb99033ba9f8508632f2275adabc8f',
    '001_aa66fca4020afccb.txt': 'f49fe8e7eac3da708dcc2297f188bf4d14cc811571741a0db68835c47b7ca23a',
    '002_8225d030e6ae9ba1.txt': 'a41d62684fb1d8c517c77a69302ac7bcf8751843a57c95070324478bfd3563c4',
    '003_ebe3fcc3fed13691.txt': '146de121d103ee134abc1f6a9ac62e03368dc6f71827a13423aa9711a906c657',
    '004_5e693d0b30267b1a.txt': '669df7c3243d1fa2754c7fead288a7b63b3c232a4e4030d42760f92aa0874763',
  };

  test.each(Object.entries(SHA256))('%s is unmodified', (name, sha) => {
    const hash = crypto.createHash('sha256').update(fs.readFileSync(path.join(SOURCE_DIR, name))).digest('hex');
    expect(hash).toBe(sha);
  });
});
