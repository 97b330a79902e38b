import { render } from 'preact';
import '@/components/ui.css';
import '@/components/library/library.css';
import { t, uiLanguage } from '@/lib/i18n/t';
import { LibraryApp } from './LibraryApp';

document.documentElement.lang = uiLanguage();
document.title = t('libraryTitle');
render(<LibraryApp />, document.getElementById('app')!);
