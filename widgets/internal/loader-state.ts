/**
 * What the loader leaves on the page for the elements it loads. Shared through a global symbol rather
 * than an import so the loader stays tiny and a second copy of the loader finds the first.
 */
export interface LoaderState {
  /** Origin of the BFF the loader script came from: the default API base URL. */
  apiBase: string;
}

export const loaderStateKey = Symbol.for('mieterportal.loader');

export function loaderState(): LoaderState | undefined {
  return (globalThis as { [loaderStateKey]?: LoaderState })[loaderStateKey];
}
