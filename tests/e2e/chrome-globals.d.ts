// The slice of the `chrome` API that e2e tests call inside the browser (service worker, extension pages).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Answer = any;
declare const chrome: {
  runtime: {
    sendMessage(message: unknown): Promise<Answer>;
    sendMessage(extensionId: string, message: unknown): Promise<Answer>;
  };
  tabs: {
    query(query: { url?: string; active?: boolean; lastFocusedWindow?: boolean; currentWindow?: boolean }): Promise<{ id?: number; url?: string; title?: string }[]>;
    sendMessage(tabId: number, message: unknown): Promise<Answer>;
  };
};
