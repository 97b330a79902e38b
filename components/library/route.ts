/**
 * The library page is one document routed by its hash, so a record has a stable address that the
 * background can open (`library.html#/publication/icat-policy-paper-2-demand`) and the back button works.
 */
import { KIND_LABEL_KEYS } from '@/components/kind-labels';
import type { EntityKind } from '@/lib/data/schema';

export type LibraryRoute =
  | { page: 'home' }
  | { page: 'timeline' }
  | { page: 'record'; kind: EntityKind; id: string }
  | { page: 'not-found'; path: string };

const RECORD_PATH = /^\/([a-z]+)\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/;

export function parseRoute(hash: string): LibraryRoute {
  const path = hash.replace(/^#/, '');
  if (path === '' || path === '/') return { page: 'home' };
  if (path === '/timeline' || path === '/timeline/') return { page: 'timeline' };
  const match = RECORD_PATH.exec(path);
  const kind = match?.[1];
  const id = match?.[2];
  if (!kind || !id || !Object.hasOwn(KIND_LABEL_KEYS, kind)) return { page: 'not-found', path };
  return { page: 'record', kind: kind as EntityKind, id };
}

export const recordHref = (kind: string, id: string): string => `#/${kind}/${id}`;
