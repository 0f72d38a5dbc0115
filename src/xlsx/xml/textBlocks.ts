/**
 * A big part's text collected as it is written: small pieces are joined into blocks of a few
 * thousand as they come, so a 100,000-row sheet is a few hundred strings — never millions of
 * small ones, never one string of 100 MB (which would also turn two-byte for one kanji).
 */
export class TextBlocks {
  private pending: string[] = [];
  private readonly blocks: string[] = [];

  constructor(private readonly per = 4096) {}

  push(...pieces: string[]): void {
    for (const p of pieces) this.pending.push(p);
    if (this.pending.length >= this.per) this.flush();
  }

  /** the text so far, in blocks */
  done(): string[] {
    this.flush();
    return this.blocks;
  }

  private flush(): void {
    if (this.pending.length) this.blocks.push(this.pending.join(''));
    this.pending = [];
  }
}
