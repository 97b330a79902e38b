import { useEffect, useRef } from 'preact/hooks';

/** A record the library does not have (a stale link, a dataset update that dropped it) or a bad address. */
export function NotFound({ what }: { what: string }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section class="state-panel" aria-labelledby="not-found-heading">
      <h1 id="not-found-heading" ref={headingRef} tabIndex={-1}>
        Not in the library
      </h1>
      <p>
        There is no library record at <code>{what}</code>. The link may be mistyped, or a newer version of the
        dataset may have renamed or removed the record.
      </p>
      <p>
        <a href="#/">Search the library</a>
      </p>
    </section>
  );
}
