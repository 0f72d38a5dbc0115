/**
 * The namespace bindings in scope at an element, from the start tags of its ancestors (root
 * first): what an element or attribute a writer adds there may use without declaring, and
 * what it must declare otherwise. Producers bind namespaces where they like — the root, each
 * element, any prefix — so an added element never assumes `r:` or `x:` is bound.
 */
import { escapeAttr } from './escape';
import type { Attr } from './tags';

export class NamespaceScope {
  private constructor(private readonly bindings: ReadonlyMap<string, string>) {}

  /** The scope inside the last of `chain` (root first); '' is the default namespace's key. */
  static of(chain: readonly { attrs: readonly Attr[] }[]): NamespaceScope {
    const b = new Map<string, string>();
    for (const tag of chain) {
      for (const a of tag.attrs) {
        if (a.name === 'xmlns') b.set('', a.value);
        else if (a.name.startsWith('xmlns:')) b.set(a.name.slice(6), a.value);
      }
    }
    return new NamespaceScope(b);
  }

  /** the namespace `prefix` (without colon, '' for the default) is bound to */
  uri(prefix: string): string | undefined {
    if (prefix === 'xml') return 'http://www.w3.org/XML/1998/namespace';
    const u = this.bindings.get(prefix);
    return u === '' ? undefined : u;
  }

  /**
   * How an added element (or attribute: `forAttribute`) names something in namespace `uri`:
   * `prefix` ('x:' or '') to put before local names, and `declare` (' xmlns:r="…"' or '')
   * for the outermost added start tag. An existing binding is reused, `preferred` first;
   * attributes need a prefix (the default namespace does not apply to them).
   */
  names(uri: string, preferred: string, forAttribute = false): { prefix: string; declare: string } {
    if (this.uri(preferred) === uri && (preferred || !forAttribute)) return { prefix: preferred ? preferred + ':' : '', declare: '' };
    if (!forAttribute && this.uri('') === uri) return { prefix: '', declare: '' };
    for (const [p, u] of this.bindings) if (p && u === uri) return { prefix: p + ':', declare: '' };
    const p = preferred || (forAttribute ? 'r' : '');
    return { prefix: p ? p + ':' : '', declare: ` ${p ? 'xmlns:' + p : 'xmlns'}="${escapeAttr(uri)}"` };
  }
}
