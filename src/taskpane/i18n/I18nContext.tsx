/** The pane's language and its translate function, for every component below <App>. */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Lang } from '../../messages/lang';
import { translator, type Translate } from '../../messages/translate';

export interface I18n {
  lang: Lang;
  t: Translate;
}

const I18nContext = createContext<I18n>({ lang: 'ja', t: translator('ja') });

export function I18nProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  const value = useMemo<I18n>(() => ({ lang, t: translator(lang) }), [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
