// Citation.js ships no type declarations; these cover the calls the RIS tests make.
declare module '@citation-js/core' {
  export const plugins: {
    input: {
      /** One parsing step: for '@ris/file' text, the records as { TAG: value | value[] } objects. */
      chainLink(input: unknown): unknown;
      /** Parsing all the way to CSL-JSON. */
      chain(input: unknown, options?: Record<string, unknown>): Record<string, unknown>[];
    };
  };
}
declare module '@citation-js/plugin-ris';
