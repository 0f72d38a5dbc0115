/** Switches the pane between Japanese and English; the label names the other language, in it. */
import { Button } from '@fluentui/react-components';
import { LocalLanguageRegular } from '@fluentui/react-icons';
import type { Lang } from '../../messages/lang';
import { useI18n } from '../i18n/I18nContext';
import { otherLang } from '../../messages/translate';

export interface LanguageSwitchProps {
  onChange: (lang: Lang) => void;
}

export function LanguageSwitch({ onChange }: LanguageSwitchProps) {
  const { lang, t } = useI18n();
  const next = otherLang(lang);
  return (
    <Button
      data-testid="lang-switch"
      appearance="subtle"
      size="small"
      icon={<LocalLanguageRegular />}
      aria-label={t('lang.switch.aria')}
      onClick={() => onChange(next)}
    >
      <span lang={next}>{t('lang.switch.label')}</span>
    </Button>
  );
}
