import { render } from 'preact';
import '@/components/ui.css';
import { uiLanguage } from '@/lib/i18n/t';
import { PopupApp } from './PopupApp';

document.documentElement.lang = uiLanguage();

render(<PopupApp />, document.getElementById('app')!);
// The search box is on screen and usable from here (read by npm run bench: bench/popup.pw.ts).
performance.mark('popup:rendered');
