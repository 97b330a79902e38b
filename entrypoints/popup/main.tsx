import { render } from 'preact';
import '@/components/ui.css';
import { PopupApp } from './PopupApp';

render(<PopupApp />, document.getElementById('app')!);
