import { render, screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { TimeSeriesChart } from './TimeSeriesChart';

test('labels the series for assistive technology and survives an environment without canvas', () => {
  render(<TimeSeriesChart series={[[1700000000, 2], [1700003600, 3]]} height={40} width={100} spark />);
  expect(screen.getByRole('img', { name: 'Events: 5 in 2 intervals' })).toBeInTheDocument();
});
