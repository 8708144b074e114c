import type { ReportInput } from '../../experiment/types';
import type { ReportChart } from '../types';
import { incidentSeriesSpec } from './incidentSeries';

/** Media stories per day about each incident, per strategy. */
export function mediaAttention(input: ReportInput): ReportChart | null {
  const id = 'media-attention-by-incident';
  const title = 'Media attention to each incident';
  const caption =
    'The height and length of each news wave. A second peak after a response means the response itself ' +
    'became news; a quick decay means the story was closed.';
  const spec = incidentSeriesSpec(input, 'media_attention', {
    title,
    subtitle: 'Stories per day · band = 90% interval',
    caption,
    yTitle: 'stories per day',
  });
  return spec ? { id, title, caption, spec } : null;
}
