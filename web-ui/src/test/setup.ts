import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

// findBy/waitFor wait for an answer, not for a deadline: on a loaded build machine (several builds
// on two cores) a page can take seconds to settle, and a short timeout only makes tests flaky.
configure({ asyncUtilTimeout: 15_000 });

// jsdom has no matchMedia, which uPlot reads when loaded.
if (typeof window.matchMedia !== 'function') {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
