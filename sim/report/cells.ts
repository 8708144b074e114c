/**
 * The report as a list of cells, shared by the HTML notebook and the `.ipynb`: the same content in
 * the same order, rendered by `html.ts` and `notebook.ts`. Text here is plain (never markup); each
 * renderer escapes it for its own format.
 */

import type { ReportInput } from '../experiment/types';
import { baselineId, segmentTitles } from './data';
import { keyFindingGroups } from './findings';
import { formatFixed } from './format';
import { claimantTable, comparisonTable, type ReportTable, rankingTable, strategyTable } from './tables';
import type { ReportChart } from './types';

/** Inline text: plain, bold, or code. */
export type Span = string | { strong: string } | { code: string };

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; spans: Span[] }
  | { kind: 'list'; items: Span[][] }
  | { kind: 'table'; table: ReportTable }
  | { kind: 'json'; value: unknown };

export type ReportCell =
  | { id: string; kind: 'text'; blocks: Block[] }
  | { id: string; kind: 'chart'; chart: ReportChart };

/**
 * A reading aid for counts of people: one simulated agent stands for size ÷ agents real people, so counts move in
 * steps that large. Null when every agent is one person or the input does not give the agent counts.
 */
export function agentWeightNote(segments: ReportInput['scenario']['segments']): string | null {
  const weighed = segments.filter((s) => s.agents !== undefined && s.agents > 0);
  if (weighed.length === 0 || weighed.length < segments.length) return null;
  const w = weighed.map((s) => ({ label: s.label, people: s.size / (s.agents as number) }));
  const most = w.reduce((a, b) => (b.people > a.people ? b : a));
  const least = w.reduce((a, b) => (b.people < a.people ? b : a));
  if (most.people < 10) return null;
  // 6.7 people, 1 person, 375,000 people.
  const n = (x: number) => (x < 10 ? String(Number(x.toFixed(1))) : formatFixed(x, 0));
  const people = (x: number) => `${n(x)} real ${n(x) === '1' ? 'person' : 'people'}`;
  const range =
    most.people === least.people
      ? people(most.people)
      : `between ${people(least.people)} (${least.label}) and ${n(most.people)} (${most.label})`;
  return (
    `Each simulated agent stands for ${range}. Counts of people (complaints, word of mouth, churn, purchases) ` +
    `and the ¥ figures built on them move in steps of up to ${n(most.people)} people, and a few agents can swing ` +
    'them: read them for their order of magnitude. More agents per segment (population.segments[].agents) give ' +
    'finer counts.'
  );
}

/** Build the report's cells. Cell ids are stable (derived from section names and chart ids). */
export function buildReportCells(input: ReportInput, charts: ReportChart[]): ReportCell[] {
  const { scenario, summary } = input;
  const base = baselineId(input);
  const titles = segmentTitles(input);
  const cells: ReportCell[] = [];

  cells.push({
    id: 'intro',
    kind: 'text',
    blocks: [
      { kind: 'heading', level: 1, text: scenario.title },
      { kind: 'paragraph', spans: [scenario.description] },
      {
        kind: 'paragraph',
        spans: [
          'Scenario ',
          { code: scenario.slug },
          ` · ${scenario.start} to ${scenario.end} · language ${scenario.language} · ` +
            `${summary.replicates} replicates, seed ${summary.seed} · baseline `,
          { code: base },
        ],
      },
      { kind: 'heading', level: 2, text: 'Groups of people (segments)' },
      {
        kind: 'list',
        items: scenario.segments.map((s) => [
          { strong: titles.get(s.id) ?? s.label },
          ' (',
          { code: s.id },
          `): ${formatFixed(s.size, 0)} people${s.claimant ? ', with a claim against the company' : ''}`,
        ]),
      },
      { kind: 'heading', level: 2, text: 'Incidents' },
      {
        kind: 'list',
        items: scenario.incidents.map((i) => [{ strong: i.label }, ' (', { code: i.id }, `): ${i.date}`]),
      },
    ],
  });

  cells.push({
    id: 'strategies',
    kind: 'text',
    blocks: [
      { kind: 'heading', level: 2, text: 'Strategies compared' },
      {
        kind: 'list',
        items: scenario.strategies.map((s) => [
          { strong: s.label },
          ' (',
          { code: s.id },
          s.id === base ? ', the baseline' : '',
          // A strategy without a description ends at its id, not at a dangling colon.
          s.description.trim() === '' ? ')' : `): ${s.description}`,
        ]),
      },
    ],
  });

  // Warnings (too few replicates, intervals too wide) come before the findings they qualify, not after
  // dozens of them.
  if (summary.warnings.length > 0) {
    cells.push({
      id: 'warnings',
      kind: 'text',
      blocks: [
        { kind: 'heading', level: 2, text: 'Warnings' },
        {
          kind: 'paragraph',
          spans: ['Read these before the findings below: they limit what the numbers can show.'],
        },
        { kind: 'list', items: summary.warnings.map((w) => [w]) },
      ],
    });
  }
  cells.push({
    id: 'findings',
    kind: 'text',
    blocks: [
      { kind: 'heading', level: 2, text: 'Key findings' },
      // One short list per strategy rather than one list of dozens of sentences.
      ...keyFindingGroups(input).flatMap((g): Block[] => [
        { kind: 'heading', level: 3, text: g.heading },
        { kind: 'list', items: g.items.map((f) => [f]) },
      ]),
    ],
  });

  cells.push({
    id: 'charts',
    kind: 'text',
    blocks: [
      { kind: 'heading', level: 2, text: 'Charts' },
      {
        kind: 'paragraph',
        spans: [
          `Lines are means over ${summary.replicates} replicates; shaded bands and whiskers are 90% intervals ` +
            '(5th to 95th percentile across replicates). Each strategy keeps its colour in every chart. ' +
            'Dates are calendar days.',
        ],
      },
    ],
  });
  for (const chart of charts) cells.push({ id: `chart-${chart.id}`, kind: 'chart', chart });

  const tables: Block[] = [
    { kind: 'heading', level: 2, text: 'Outcomes by strategy' },
    {
      kind: 'paragraph',
      spans: [
        'The whole population. Final-day values (cumulative metrics at the end of the period); "summed over ' +
          'days" rows are the area under the daily curve.',
      ],
    },
    { kind: 'table', table: strategyTable(input) },
  ];
  const weights = agentWeightNote(scenario.segments);
  if (weights) tables.push({ kind: 'paragraph', spans: [weights] });
  const claimants = claimantTable(input);
  if (claimants) {
    tables.push(
      { kind: 'heading', level: 2, text: 'Claimants' },
      {
        kind: 'paragraph',
        spans: [
          'The people harmed by an incident are a small part of the population, so the whole-population ' +
            'figures above hide them. Here are their own figures, per claimant group.',
        ],
      },
      { kind: 'table', table: claimants },
    );
  }
  const ranking = rankingTable(input);
  if (ranking) {
    tables.push(
      { kind: 'heading', level: 2, text: 'Ranking and regret' },
      {
        kind: 'paragraph',
        spans: [
          'How the strategies rank against each other, world by world. A low mean rank and a high P(best) ' +
            'mark a strategy that wins consistently; the mean regret says how much a strategy gives up, in ' +
            'the metric’s own units, against the best choice in the same world.',
        ],
      },
      { kind: 'table', table: ranking },
    );
  }
  tables.push(
    { kind: 'heading', level: 2, text: 'Differences against the baseline' },
    {
      kind: 'paragraph',
      spans: [
        'Each difference is computed per replicate with the same random numbers for both strategies, then ' +
          'summarised. "Better in" is the share of replicates in which the strategy beat the baseline (a tie ' +
          'counts one half). "Better is" is the direction the comparisons in summary.json use: for awareness ' +
          'it is lower, as in docs/metrics.md, although the charts show awareness without a better direction.',
      ],
    },
    { kind: 'table', table: comparisonTable(input) },
  );
  cells.push({ id: 'tables', kind: 'text', blocks: tables });

  cells.push({
    id: 'manifest',
    kind: 'text',
    blocks: [
      { kind: 'heading', level: 2, text: 'Run manifest' },
      { kind: 'paragraph', spans: ['Everything needed to reproduce this run.'] },
      { kind: 'json', value: input.manifest },
    ],
  });
  return cells;
}
