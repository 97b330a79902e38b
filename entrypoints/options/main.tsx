import { render } from 'preact';
import '@/components/ui.css';
import { t, uiLanguage } from '@/lib/i18n/t';
import { OptionsApp } from './OptionsApp';

document.documentElement.lang = uiLanguage();
document.title = t('optionsTitle');
render(<OptionsApp />, document.getElementById('app')!);
