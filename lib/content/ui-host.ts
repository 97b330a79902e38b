/**
 * The one element ICAT Lens adds to a page, and only once the reader hovers a mention or opens the list:
 * <icat-lens-ui> under <html>, holding a closed shadow root. Closed, so page scripts cannot reach into it
 * (host.shadowRoot is null for them); shown as a manual popover, so it sits in the top layer above any
 * z-index and above a fullscreen element; styled inline with !important, which beats any page rule.
 */
import { OWN_UI_TAG } from './visible-text';

const HOST_STYLE = [
  'all: initial',
  'position: fixed',
  'inset: 0 auto auto 0',
  'width: 0',
  'height: 0',
  'margin: 0',
  'padding: 0',
  'border: 0',
  'overflow: visible',
  'background: transparent',
  'display: block',
  'z-index: 2147483647',
  'pointer-events: none',
  'visibility: visible',
  'opacity: 1',
  'transform: none',
  'filter: none',
]
  .map((rule) => `${rule} !important`)
  .join('; ');

export interface UiHost {
  host: HTMLElement;
  /** Where UI renders: inside the closed shadow root. */
  mount: HTMLElement;
  /** Re-enters the top layer, above anything the page promoted since (e.g. a fullscreen element). */
  raise(): void;
  remove(): void;
}

export function createUiHost(doc: Document, styles: string): UiHost {
  const host = doc.createElement(OWN_UI_TAG);
  host.setAttribute('style', HOST_STYLE);
  host.setAttribute('popover', 'manual');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = styles;
  const mount = doc.createElement('div');
  shadow.append(style, mount);
  doc.documentElement.append(host);

  const supportsPopover = typeof (host as HTMLElement & { showPopover?: unknown }).showPopover === 'function';
  const raise = () => {
    if (!supportsPopover || !host.isConnected) return;
    try {
      if (host.matches(':popover-open')) host.hidePopover();
      host.showPopover();
    } catch {
      // A page that removed our host or broke the API: the fixed host still renders.
    }
  };
  // A page may set zoom on <html>: cancel it on the host so the card keeps its size and our coordinates
  // (viewport px from getBoundingClientRect) stay true.
  const zoom = (doc.documentElement as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom;
  if (zoom && zoom !== 1) host.style.setProperty('zoom', String(1 / zoom), 'important');
  raise();
  doc.addEventListener('fullscreenchange', raise);
  return {
    host,
    mount,
    raise,
    remove() {
      doc.removeEventListener('fullscreenchange', raise);
      host.remove();
    },
  };
}
