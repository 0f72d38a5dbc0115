// Reads the committed seeds/data/ files for the seeds tests.
import fs from 'fs';
import path from 'path';
import { parseCsv } from '../../seeds/build/csv';
import { DATA_DIR } from '../../seeds/build/paths';

export function readCsv(name: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(fs.readFileSync(path.join(DATA_DIR, name), 'utf8'));
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

export interface PledgesJson {
  overall: number;
  policies: { number: number; title: string; publishedPercent: number }[];
  pledges: { policy: number; number: number; title: string; publishedPercent: number }[];
  measures: {
    policy: number;
    pledge: number;
    measure: number;
    title: string;
    departments: string[];
    activities: string[];
    stars: string;
    starCount: number;
    starsPrinted: string | null;
  }[];
}

export function readPledges(): PledgesJson {
  return JSON.parse(fs.readFileSync(path.join(DATA_DIR, 'pledges.json'), 'utf8')) as PledgesJson;
}
