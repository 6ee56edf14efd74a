// What every uPlot chart of the UI shares: whether a canvas can be drawn, and the theme's colours.

let canvasSupport: boolean | undefined;

/** Whether a 2D canvas is available (not in jsdom, for one); without it a chart is only labelled. */
export function canDraw(): boolean {
  if (canvasSupport === undefined) {
    try {
      canvasSupport = !!document.createElement('canvas').getContext('2d');
    } catch {
      canvasSupport = false;
    }
  }
  return canvasSupport;
}

/** The theme's chart and axis colours (CSS variables, so the dark theme applies). */
export function chartColours(element: Element): { colour: string; axis: string; grid: string } {
  const style = getComputedStyle(element);
  return {
    colour: style.getPropertyValue('--chart').trim() || '#6c5fc7',
    axis: style.getPropertyValue('--muted').trim() || '#71637e',
    grid: 'rgba(128,128,128,0.15)',
  };
}

/** Distinct series colours readable on light and dark backgrounds. */
export const SERIES_COLOURS = ['#6c5fc7', '#e1567c', '#2ba185', '#f5a623', '#3b82f6', '#9c6bd4'];
