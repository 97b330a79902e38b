import { useEffect, useState } from 'preact/hooks';
import { parseRoute, type LibraryRoute } from './route';

/** The current route, kept in step with the address bar's hash. */
export function useHashRoute(): LibraryRoute {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    update(); // the hash may have changed between the first render and this effect
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
