import type { ReportInput } from '../../experiment/types';
import type { ReportChart } from '../types';
import { incidentSeriesSpec } from './incidentSeries';

/** Share of people aware of each incident, per strategy. */
export function awareness(input: ReportInput): ReportChart | null {
  const id = 'awareness-by-incident';
  const title = 'Who has heard: awareness of each incident';
  const caption =
    'How fast and how far news of each incident spreads. A response that keeps the story alive (a contested ' +
    'donation, a late statement) pushes awareness higher than silence would.';
  const spec = incidentSeriesSpec(input, 'aware_share', {
    title,
    subtitle: 'Whole population · band = 90% interval',
    caption,
    yTitle: 'aware (share 0–1)',
    domain: [0, 1],
  });
  return spec ? { id, title, caption, spec } : null;
}
