import { render } from 'preact';
import '@/components/ui.css';
import '@/components/library/library.css';
import { LibraryApp } from './LibraryApp';

render(<LibraryApp />, document.getElementById('app')!);
