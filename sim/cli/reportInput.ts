import type { Model } from '../engine/compileModel';
import type { CompareResult } from '../experiment/compare';
import type { ReportInput, SeriesRow } from '../experiment/types';
import { agentCount } from '../population/Population';

/** Metrics the report charts by segment; everything else is charted for the whole population only. */
const SEGMENT_SERIES = new Set([
  'trust',
  'grievance',
  'aware_share',
  'complaints',
  'satisfaction',
  'donation_reaction_positive',
  'donation_reaction_negative',
]);

function keepForReport(r: SeriesRow): boolean {
  return r.segment === 'all' || SEGMENT_SERIES.has(r.metric);
}

/** Everything `trustsim report <dir>` needs to rebuild the charts and notebooks without simulating again. */
export function buildReportInput(
  model: Model,
  res: CompareResult,
  manifest: Record<string, unknown>,
): ReportInput {
  const sc = model.scenario;
  const ids = new Set(res.summary.strategies.map((s) => s.id));
  return {
    scenario: {
      slug: res.summary.scenario,
      title: sc.meta.title,
      description: sc.meta.description,
      language: sc.meta.language,
      start: sc.calendar.start,
      end: sc.calendar.end,
      strategies: model.strategies
        .filter((s) => ids.has(s.id))
        .map((s) => ({ id: s.id, label: s.label, description: s.description })),
      segments: sc.population.segments.map((s) => ({
        id: s.id,
        label: s.label ?? s.id,
        size: s.size,
        agents: agentCount(s, model.scale),
        claimant: sc.incidents.some((i) => i.claimants?.segment === s.id),
      })),
      incidents: model.incidents.map((i) => ({ id: i.id, label: i.label, date: sc.incidents[i.index].date })),
    },
    summary: res.summary,
    series: res.series.filter(keepForReport),
    markers: res.markers,
    manifest,
  };
}
