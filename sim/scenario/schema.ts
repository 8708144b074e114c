/**
 * The scenario format: the single source of truth for the TypeScript types, the validation, the committed
 * JSON Schema (scenarios/scenario.schema.json, `npm run schema`) and docs/parameters.md.
 * Every model default carries its unit, range, source and evidence grade (shared/design/EVIDENCE.md).
 */
import { z } from 'zod';
import { int, num, param, share } from './param';

export const SCENARIO_VERSION = 1;

const ID = /^[a-z0-9][a-z0-9_-]*$/;
export const idSchema = z
  .string()
  .regex(ID, 'ids are lower-case letters, digits, "-" and "_", starting with a letter or digit')
  .max(64);

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const dateSchema = z
  .string()
  .regex(DATE, 'dates are ISO calendar dates YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a real calendar date');

/** A distribution of a per-agent attribute in [0,1]: a beta distribution given by its mean and sd. */
const dist01 = (mean: number, sd: number, what: string, source: string, grade: 'H' | 'M' | 'L' | 'A') =>
  param(
    z
      .strictObject({
        mean: num(0, 1).meta({ description: 'Mean of the beta distribution.' }),
        sd: num(0, 0.5).meta({ description: 'Standard deviation; 0 gives every agent the mean.' }),
      })
      .refine((v) => v.sd === 0 || v.sd * v.sd < v.mean * (1 - v.mean), {
        message: 'sd too large for a beta distribution with this mean: need sd² < mean·(1 − mean)',
      })
      .default({ mean, sd }),
    {
      d: `${what} across the segment's agents (beta distribution by mean and sd).`,
      unit: 'share 0–1',
      range: '0–1',
      source,
      grade,
    },
  );

const facetTrust = () =>
  z
    .strictObject({
      ability: dist01(0.7, 0.12, 'Initial trust in ability', 'Mayer et al. 1995 (structure); level A', 'A'),
      benevolence: dist01(
        0.6,
        0.14,
        'Initial trust in benevolence',
        'Mayer et al. 1995 (structure); level A',
        'A',
      ),
      integrity: dist01(
        0.62,
        0.14,
        'Initial trust in integrity',
        'Mayer et al. 1995 (structure); level A',
        'A',
      ),
    })
    .prefault({});

export const segmentSchema = z.strictObject({
  id: idSchema,
  label: z.string().max(200).optional(),
  size: param(int(1, 2_000_000_000), {
    d: 'Real people this segment stands for; every reported count is in real people.',
    unit: 'people',
    range: '1–2,000,000,000',
    source: 'scenario data (public reports)',
    grade: 'L',
  }),
  agents: param(int(1, 20_000_000).optional(), {
    d: 'Simulated agents for this segment (before --scale). Defaults to min(size, 2000). Each agent weighs size/agents people.',
    unit: 'agents',
    range: '1–20,000,000',
    source: 'model convention',
    grade: 'A',
  }),
  trust: facetTrust(),
  commitment: dist01(
    0.3,
    0.15,
    'Commitment / loyalty (buffers third-party bad news)',
    'Ahluwalia et al. 2000',
    'A',
  ),
  talkativeness: dist01(
    0.3,
    0.15,
    'Talkativeness: multiplies the chance to talk about the brand',
    'model convention',
    'A',
  ),
  mediaUse: dist01(
    0.4,
    0.2,
    'Media use: multiplies the chance to be exposed to coverage',
    'model convention',
    'A',
  ),
  owners: param(share().default(0.3), {
    d: 'Share of the segment that owns the brand’s products (customers); the rest are prospects.',
    unit: 'share',
    range: '0–1',
    source: 'scenario data',
    grade: 'A',
  }),
  susceptibility: param(share().default(0.5), {
    d: 'Openness to others’ opinions (Friedkin–Johnsen: 1 − stubbornness); scales word-of-mouth stance influence.',
    unit: 'share',
    range: '0–1',
    source: 'Friedkin & Johnsen 1990 (form)',
    grade: 'A',
  }),
});

const networkSchema = z
  .strictObject({
    kind: param(
      z
        .enum(['sbm', 'erdos-renyi', 'watts-strogatz', 'barabasi-albert', 'complete', 'edge-list'])
        .default('sbm'),
      {
        d: 'Graph generator: stochastic block model with homophily by segment (default), Erdős–Rényi, Watts–Strogatz, Barabási–Albert, complete graph (homogeneous mixing, ≤ 5000 agents) or an edge list.',
        unit: 'choice',
        range: 'sbm, erdos-renyi, watts-strogatz, barabasi-albert, complete, edge-list',
        source:
          'design brief (SBM with homophily by segment); Goldenberg et al. 2007 (ties mostly within one’s group, some across) — a model convention',
        grade: 'A',
        sweep: 'sbm, watts-strogatz, erdos-renyi (Centola 2010: clustering matters for complex contagion)',
      },
    ),
    meanDegree: param(num(0, 1000).default(16), {
      d: 'Mean number of ties per agent.',
      unit: 'ties',
      range: '2–100',
      source: 'Goldenberg et al. 2007 convention (8 strong + 8 weak ties)',
      grade: 'A',
    }),
    homophily: param(share().default(0.6), {
      d: 'SBM only: expected share of an agent’s ties inside its own segment.',
      unit: 'share',
      range: '0–1',
      source: 'model convention',
      grade: 'A',
      sweep: '0.3–0.9',
    }),
    rewire: param(share().default(0.1), {
      d: 'Watts–Strogatz only: probability that a lattice tie is rewired.',
      unit: 'probability',
      range: '0–1',
      source: 'Watts & Strogatz 1998',
      grade: 'A',
    }),
    edges: z.string().max(50_000_000).optional().meta({
      description: 'edge-list only: inline edge list, one "u v [weight]" per line (0-based agent ids).',
    }),
    file: z
      .string()
      .max(4096)
      .optional()
      .meta({ description: 'edge-list only: path of an edge-list file, relative to the scenario file.' }),
    directed: z.boolean().default(false).meta({
      description:
        'edge-list only: treat "u v w" as the directed weight W[u][v] (DeGroot / Friedkin–Johnsen).',
    }),
  })
  .prefault({});

const mechanismsSchema = z
  .strictObject({
    media: z.boolean().default(true).meta({ description: 'Media attention and exposure (updateMedia).' }),
    wordOfMouth: z.boolean().default(true).meta({
      description:
        'Incident talk along ties (spreadWordOfMouth): awareness and stance. Chatter and the classic stance rules have their own switches.',
    }),
    chatter: z
      .boolean()
      .default(true)
      .meta({ description: 'Everyday product chatter (the 3:1 positive baseline).' }),
    trust: z.boolean().default(true).meta({ description: 'Trust updates (updateTrust).' }),
    grievance: z.boolean().default(true).meta({ description: 'Grievance and avoidance (updateGrievance).' }),
    behaviour: z.boolean().default(true).meta({
      description:
        'Churn and purchases, with the ¥ revenue and lifetime-value accounting (actOnBehaviour). Complaints run either way; rights groups and lawsuits follow collectiveAction.',
    }),
    collectiveAction: z.boolean().default(true).meta({ description: 'Rights groups and lawsuits.' }),
    stonewalling: z
      .boolean()
      .default(true)
      .meta({ description: 'Daily integrity cost of unanswered salient incidents.' }),
    reversion: z.boolean().default(true).meta({
      description: 'Slow trust repair towards the pre-crisis level for agents who are not aggrieved.',
    }),
  })
  .prefault({});

const trustParams = z
  .strictObject({
    facetWeights: param(
      z
        .strictObject({ ability: num(0, 1), benevolence: num(0, 1), integrity: num(0, 1) })
        .refine((w) => w.ability + w.benevolence + w.integrity > 0, 'facet weights must not all be 0')
        .default({ ability: 1 / 3, benevolence: 1 / 3, integrity: 1 / 3 }),
      {
        d: 'Weights of ability, benevolence and integrity in overall trust (normalised to sum 1).',
        unit: 'weight',
        range: '0.2–0.45 each',
        source: 'Mayer et al. 1995; Colquitt et al. 2007 (structure only)',
        grade: 'A',
        sweep: '0.2–0.45',
      },
    ),
    learningRate: param(num(0, 1).default(0.12), {
      d: 'η: step size of the logistic trust update Δx = 4·η·s·e·x(1−x) (×λ(x) for bad news).',
      unit: 'per unit evidence',
      range: '0.02–0.3',
      source: 'model convention (calibration)',
      grade: 'A',
      sweep: '0.05–0.25',
    }),
    lambdaPeak: param(num(1, 10).default(2.25), {
      d: 'Peak of the negativity asymmetry λ(x) = 1 + (λpeak − 1)·4x(1−x), reached at intermediate trust.',
      unit: 'ratio',
      range: '1.5–5',
      source: 'Tversky & Kahneman 1992 (2.25); Slovic 1993; Poortinga & Pidgeon 2004 (shape)',
      grade: 'L',
      sweep: '1.5–5',
    }),
    commitmentBuffer: param(share().default(0.5), {
      d: 'Attenuation of third-party bad news by commitment: multiplier 1 − buffer·commitment. First-hand harm is not attenuated.',
      unit: 'share',
      range: '0.3–0.8',
      source: 'Ahluwalia, Burnkrant & Unnava 2000; Dawar & Pillutla 2000 (direction M); value A',
      grade: 'A',
      sweep: '0.3–0.8',
    }),
    reversionHalfLifeDays: param(num(1, 100_000).default(90), {
      d: 'Trust repair by consistent behaviour: an agent that is not aggrieved drifts back towards its pre-crisis trust with this half-life (never above it, nor above a deception ceiling).',
      unit: 'days',
      range: '30–365',
      source:
        'Schweitzer, Hershey & Bradlow 2006 (direction: without deception trust recovers); value assumed',
      grade: 'A',
      sweep: '30–365',
    }),
    deceptionCeiling: param(share().default(0.9), {
      d: 'After proven deception (a denial contradicted by a ruling), integrity is capped at this factor × its pre-crisis level.',
      unit: 'factor',
      range: '0.8–0.95',
      source: 'Schweitzer, Hershey & Bradlow 2006 (rule M: trust never fully recovers after a lie); value A',
      grade: 'A',
      sweep: '0.8–0.95',
    }),
  })
  .prefault({});

const incidentParams = z
  .strictObject({
    responsibility: param(
      z
        .strictObject({ victim: share(), accidental: share(), preventable: share() })
        .refine((r) => r.victim <= r.accidental && r.accidental <= r.preventable, {
          message: 'responsibility must be ordered victim ≤ accidental ≤ preventable (SCCT)',
        })
        .default({ victim: 0.2, accidental: 0.5, preventable: 0.8 }),
      {
        d: 'Attributed responsibility R by SCCT crisis cluster.',
        unit: 'share',
        range: 'victim 0.1–0.3, accidental 0.4–0.6, preventable 0.7–0.9',
        source: 'Coombs 2007 (ordering H, values A)',
        grade: 'A',
      },
    ),
    velcro: param(share().default(0.2), {
      d: 'Crisis-history intensifier: added to R when the brand has a prior incident or fine.',
      unit: 'share',
      range: '0.1–0.3',
      source: 'Coombs 2007; Coombs & Holladay 2006 (rule M); value A',
      grade: 'A',
    }),
    csrHalo: param(share().default(0.1), {
      d: 'CSR history as a shield: subtracted from R for incidents that break after a donation the company announced while no dispute was open (reactive CSR during a dispute earns none).',
      unit: 'share',
      range: '0–0.2',
      source:
        'Yoon, Gürhan-Canli & Schwarz 2006; Coombs & Holladay 2006 (halo as a shield) — direction M, value assumed',
      grade: 'A',
      sweep: '0–0.2',
    }),
    hitBase: param(num(0, 2).default(0.25), {
      d: 'Part of an incident’s hit that does not depend on responsibility: hit = severity·(hitBase + R).',
      unit: 'evidence',
      range: '0–0.5',
      source: 'calibrated so that responsibility dominates response (Ma & Zhan 2016, SF2)',
      grade: 'A',
    }),
    stealingThunder: param(share().default(0.6), {
      d: 'Multiplier on the hit when the company discloses the incident first.',
      unit: 'factor',
      range: '0.4–0.9',
      source:
        'Arpan & Roskos-Ewoldsen 2005; Claeys & Cauberghe 2012 (direction M); value A (no pooled effect size found)',
      grade: 'A',
    }),
    thunderApologyDiscount: param(share().default(0.5), {
      d: 'After self-disclosure, a company apology adds only this share of its usual effect.',
      unit: 'factor',
      range: '0.3–1',
      source: 'Claeys et al. 2013 (direction)',
      grade: 'A',
    }),
  })
  .prefault({});

const recoveryParams = z
  .strictObject({
    justiceWeights: param(
      z
        .strictObject({ distributive: share(), interactional: share(), procedural: share() })
        .default({ distributive: 0.45, interactional: 0.35, procedural: 0.2 }),
      {
        d: 'Weights of distributive, interactional and procedural justice in claimants’ satisfaction.',
        unit: 'weight',
        range: 'ordering D > I > P',
        source: 'Orsingher, Valentini & de Angelis 2010 (ordering H, values A)',
        grade: 'A',
      },
    ),
    sCurveMidpoint: param(num(0, 3).default(0.9), {
      d: 'Midpoint of the distributive-justice S-curve g(c), c = compensation ÷ loss (cancelled/rejected order).',
      unit: 'ratio c',
      range: '0.7–1.1',
      source: 'Gelbrich, Gäthke & Grégoire 2015',
      grade: 'M',
    }),
    sCurveScale: param(num(0.01, 1).default(0.17), {
      d: 'Logistic scale of g(c); steepest slope in c ∈ [0.6, 1.2].',
      unit: 'ratio c',
      range: '0.15–0.2',
      source: 'Gelbrich et al. 2015',
      grade: 'M',
    }),
    plateauAt: param(num(0.5, 5).default(1.5), {
      d: 'Compensation ratio beyond which g(c) stops rising.',
      unit: 'ratio c',
      range: '1.2–2',
      source: 'Haesevoets et al. 2017',
      grade: 'M',
    }),
    overCompensationSlope: param(num(0, 1).default(0.05), {
      d: 'Decline of g(c) per unit of c beyond the plateau (a minority dislikes over-compensation).',
      unit: 'per unit c',
      range: '0–0.2',
      source: 'Haesevoets et al. 2017 (direction)',
      grade: 'A',
    }),
    voucherFactor: param(share().default(0.65), {
      d: 'A voucher counts as this share of cash of the same face value.',
      unit: 'factor',
      range: '0.5–0.8',
      source: 'Roschk & Gelbrich 2014 (direction M, value A)',
      grade: 'A',
      sweep: '0.5–0.8',
    }),
    proceduralTauDays: param(num(0.1, 365).default(3), {
      d: 'Procedural justice of speed: exp(−delay/τ), delay in days from the incident to the first substantive response.',
      unit: 'days',
      range: '1–7',
      source: 'practitioner “golden 24 h” (L); no academic decay curve found',
      grade: 'A',
      sweep: '1–7',
    }),
    fragmentedFactor: param(share().default(0.5), {
      d: 'Procedural justice multiplier when business lines answer separately (no unified voice).',
      unit: 'factor',
      range: '0.3–0.8',
      source: 'case (FACTS.md); Coombs 2007 (consistency)',
      grade: 'A',
    }),
    interactional: param(
      z
        .strictObject({
          apology: num(-1, 1),
          explanation: num(-1, 1),
          sympathy: num(-1, 1),
          template: num(-1, 1),
          excuse: num(-1, 1),
          denial: num(-1, 1),
          legal: num(-1, 1),
        })
        .default({
          apology: 1,
          explanation: 0.6,
          sympathy: 0.7,
          template: -0.2,
          excuse: 0.1,
          denial: -1,
          legal: -1,
        }),
      {
        d: 'Interactional justice of each response kind as claimants experience it (the best one so far counts; denial and legal manoeuvres pull it down).',
        unit: 'score −1..1',
        range: '−1..1',
        source: 'Orsingher et al. 2010; Gelbrich & Roschk 2011 (direction)',
        grade: 'A',
      },
    ),
    escalationProbability: param(share().default(0.4), {
      d: 'Probability that a claimant escalates (grievance jumps) when offered an insulting token (c below the insult threshold).',
      unit: 'probability',
      range: '0.3–0.5',
      source: 'ultimatum-game analogy (Yamagishi et al. 2009) — a hypothesis, not a fact',
      grade: 'L',
      sweep: '0–0.6',
    }),
    insultThreshold: param(share().default(0.2), {
      d: 'Compensation ratio below which an offer reads as insulting.',
      unit: 'ratio c',
      range: '0.2–0.3',
      source: 'ultimatum-game analogy (Hauert; Yamagishi et al. 2009)',
      grade: 'L',
    }),
    satisfactionGain: param(num(0, 5).default(1), {
      d: 'Strength of first-hand evidence per unit of satisfaction above or below expectation.',
      unit: 'evidence per unit',
      range: '0.5–2',
      source: 'model convention',
      grade: 'A',
    }),
    paradoxBonus: param(share().default(0.1), {
      d: 'Recovery paradox: after a first failure fully recovered (c ≥ 1, apology, fast), satisfaction rises by this much above expectation; never trust above its pre-failure level; none after a second failure.',
      unit: 'satisfaction',
      range: '0–0.2',
      source: 'de Matos et al. 2007; Maxham & Netemeyer 2002 (rule H, size A)',
      grade: 'A',
    }),
  })
  .prefault({});

const announcementParams = z
  .strictObject({
    accommodative: param(num(0, 2).default(0.3), {
      d: 'Evidence an aware observer takes from an accommodative response (apology, sympathy, fair compensation, fulfilment); these are roughly equivalent.',
      unit: 'evidence',
      range: '0.1–0.5',
      source:
        'Coombs & Holladay 2008; Ma 2020 (rough equivalence, M); Ma & Zhan 2016 (response effect r = .23, H); value A',
      grade: 'A',
    }),
    admissionPenalty: param(num(0, 2).default(0.25), {
      d: 'Integrity cost of an apology for an integrity violation before guilt is shown (an apology admits guilt).',
      unit: 'evidence',
      range: '0–0.4',
      source: 'Kim, Ferrin, Cooper & Dirks 2004 (sign M; means not retrieved); value A',
      grade: 'A',
    }),
    denialCredit: param(num(0, 2).default(0.12), {
      d: 'Integrity credit of a denial of an integrity violation while guilt is not shown.',
      unit: 'evidence',
      range: '0–0.3',
      source: 'Kim et al. 2004 (sign M; means not retrieved); value A',
      grade: 'A',
    }),
    denialPenalty: param(num(0, 2).default(0.35), {
      d: 'Integrity cost of a denial of a competence violation, or of any denial once guilt is shown.',
      unit: 'evidence',
      range: '0.1–0.6',
      source: 'Kim et al. 2004; Coombs 2007 (sign and ordering deny < rebuild, M); value A',
      grade: 'A',
    }),
    legalPenalty: param(num(0, 2).default(0.25), {
      d: 'Integrity cost among the aware of a legal manoeuvre (e.g. a jurisdiction objection).',
      unit: 'evidence',
      range: '0.1–0.5',
      source: 'procedural justice (Orsingher et al. 2010); case',
      grade: 'A',
    }),
    aggrievedThreshold: param(share().default(0.3), {
      d: 'Grievance above which an observer reads good news during an open dispute as hypocrisy.',
      unit: 'grievance 0–1',
      range: '0.2–0.5',
      source: 'Wagner, Lutz & Weitz 2009 (mechanism); threshold assumed',
      grade: 'A',
    }),
    donationGain: param(num(0, 2).default(0.25), {
      d: 'Benevolence evidence of a donation among observers who are not aggrieved.',
      unit: 'evidence',
      range: '0.1–0.4',
      source: 'Yoon, Gürhan-Canli & Schwarz 2006 (sign M); value A',
      grade: 'A',
    }),
    hypocrisyPenalty: param(num(0, 2).default(0.3), {
      d: 'Integrity cost of good news during an open dispute among the aggrieved (perceived hypocrisy).',
      unit: 'evidence',
      range: '0.1–0.5',
      source: 'Wagner et al. 2009; Yoon et al. 2006 (sign M); value A',
      grade: 'A',
    }),
    hypocrisyGrievance: param(share().default(0.15), {
      d: 'Grievance added among the aggrieved by good news during an open dispute.',
      unit: 'grievance',
      range: '0.05–0.3',
      source: 'case (FACTS.md: “where is my fridge?”)',
      grade: 'A',
    }),
    mockingProbability: param(share().default(0.5), {
      d: 'Probability that an aggrieved observer posts a mocking reply to good news.',
      unit: 'probability',
      range: '0.2–0.8',
      source: 'case (FACTS.md)',
      grade: 'A',
    }),
    goodNewsGain: param(num(0, 2).default(0.15), {
      d: 'Ability evidence of good-news PR (e.g. earnings) among observers who are not aggrieved.',
      unit: 'evidence',
      range: '0–0.3',
      source: 'Coombs 2007 (bolstering as a supplement)',
      grade: 'A',
    }),
    policyGain: param(num(0, 2).default(0.2), {
      d: 'Integrity evidence of a corrective policy change (written terms, inspection before payment) among the aware.',
      unit: 'evidence',
      range: '0.1–0.4',
      source: 'Coombs 2007 (rebuild: corrective action)',
      grade: 'A',
    }),
    reach: param(share().default(0.8), {
      d: 'Share of agents who see a company-wide announcement, scaled by their media use.',
      unit: 'share',
      range: '0.5–1',
      source: 'model convention',
      grade: 'A',
    }),
    stonewallingPerDay: param(num(0, 1).default(0.012), {
      d: 'Integrity evidence lost per day an incident stays salient and unanswered, per unit of its relative attention (capped at 1).',
      unit: 'evidence per day',
      range: '0.005–0.03',
      source: 'Coombs 2007 (silence as a non-response); value assumed',
      grade: 'A',
      sweep: '0–0.03',
    }),
  })
  .prefault({});

const mediaParams = z
  .strictObject({
    halfLifeDays: param(num(0.05, 10_000).default(1.5), {
      d: 'Half-life of the self-exciting attention kernel (β = ln 2 / half-life).',
      unit: 'days',
      range: '1–2',
      source: 'Hawkes form (H); Dezső et al. 2006 (36 h); Axios/Schema news lifespan',
      grade: 'A',
      sweep: '0.5–4',
    }),
    branchingRatio: param(num(0, 0.99).default(0.6), {
      d: 'Expected follow-up stories per story (n < 1 keeps attention stationary; mean rate = μ/(1−n)).',
      unit: 'stories per story',
      range: '0.5–0.8',
      source: 'Hawkes theory (formula H, value A)',
      grade: 'A',
      sweep: '0.3–0.9',
    }),
    baseline: param(num(0, 1000).default(0), {
      d: 'μ: background stories per day about each active incident (0 = attention only from events and posts).',
      unit: 'stories/day',
      range: '0–5',
      source: 'Hawkes immigrant rate (A)',
      grade: 'A',
    }),
    postsPerStory: param(num(1, 1e9).default(1_000_000), {
      d: 'Real people’s complaints or negative posts that together count as one story.',
      unit: 'people per story',
      range: '1e5–1e7',
      source: 'model convention',
      grade: 'A',
      sweep: '2e5–5e6',
    }),
    exposureRate: param(num(0, 100).default(0.01), {
      d: 'κ: an unaware agent becomes aware with probability 1 − exp(−κ·a·mediaUse), a = stories/day.',
      unit: 'per story',
      range: '0.002–0.05',
      source: 'model convention',
      grade: 'A',
      sweep: '0.003–0.03',
    }),
    trendingThreshold: param(num(0, 1e6).default(8), {
      d: 'Attention (stories/day) above which an incident is trending (“hot search”); trending doubles exposure.',
      unit: 'stories/day',
      range: '5–20',
      source:
        'model convention; Weibo hot-search statistics (L) give dwell times (mean 2.9 h), not a stories/day threshold',
      grade: 'A',
    }),
    salientThreshold: param(num(0, 1e6).default(0.5), {
      d: 'Attention (stories/day) above which an incident counts as salient (stonewalling applies while unanswered).',
      unit: 'stories/day',
      range: '0.2–2',
      source: 'model convention',
      grade: 'A',
    }),
    randomStories: param(z.boolean().default(true), {
      d: 'Draw daily story counts as Poisson(λ) (a discrete Hawkes process); false uses the expected count.',
      unit: 'switch',
      range: 'true or false',
      source:
        'Hawkes process with Poisson counts (EVIDENCE.md a5 and O6, formula H); the daily grid is a model convention',
      grade: 'A',
    }),
    shocks: param(
      z
        .strictObject({
          lawsuit: num(0, 1e4),
          ruling: num(0, 1e4),
          hearing: num(0, 1e4),
          denial: num(0, 1e4),
          legal: num(0, 1e4),
          announcement: num(0, 1e4),
        })
        .default({ lawsuit: 4, ruling: 8, hearing: 3, denial: 1.5, legal: 2, announcement: 1 }),
      {
        d: 'Stories added to an incident’s attention by each kind of development.',
        unit: 'stories',
        range: '0–20',
        source: 'Axios/Schema (re-peaks after developments, L); values A',
        grade: 'A',
      },
    ),
  })
  .prefault({});

const womParams = z
  .strictObject({
    contact: param(z.enum(['each-tie', 'one-tie']).default('each-tie'), {
      d: 'How a talker reaches its ties: each tie independently with contactProbability (SI/SIR, independent cascade), or one random tie with contactProbability (Maki–Thompson, Bass).',
      unit: 'choice',
      range: 'each-tie, one-tie',
      source: 'Goldenberg et al. 2007 (independent per-tie contact, an ABM convention)',
      grade: 'A',
    }),
    talkRate: param(share().default(0.12), {
      d: 'Daily probability that an aware, spreading agent of average talkativeness talks about an incident.',
      unit: 'per day',
      range: '0.05–0.3',
      source: 'model convention',
      grade: 'A',
      sweep: '0.05–0.3',
    }),
    arousalGain: param(num(0, 20).default(2), {
      d: 'Talking multiplier 1 + gain·grievance: anger raises sharing.',
      unit: 'factor per grievance',
      range: '1–4',
      source: 'Berger & Milkman 2012 (direction H); Coombs & Holladay 2007',
      grade: 'A',
    }),
    contactProbability: param(share().default(0.08), {
      d: 'Probability that a talk reaches a given tie (each-tie) or that the one chosen tie is reached (one-tie).',
      unit: 'probability',
      range: '0.05–0.5',
      source:
        'Goldenberg et al. 2007 (independent per-tie contact, a convention); value A. It applies per talk, unlike their per-period q_strong 0.04 and q_weak 0.001: with talkRate 0.12, salience 0.3–1 and m = 2, a talker of talkativeness 0.5 without grievance reaches a given tie with a negative message with probability about 0.006–0.02 a day, between those two',
      grade: 'A',
    }),
    negativityWeight: param(num(0, 10).default(2), {
      d: 'm: contact probability of a negative message relative to a positive one.',
      unit: 'ratio',
      range: '1–3',
      source: 'Goldenberg et al. 2007 (m = 2)',
      grade: 'A',
    }),
    stifleProbability: param(share().default(0.5), {
      d: 'Probability that a talker stops spreading after reaching someone already aware (Maki–Thompson stifling = 1).',
      unit: 'probability',
      range: '0–1',
      source: 'Maki & Thompson 1973 (form)',
      grade: 'A',
    }),
    forgetProbability: param(share().default(0.1), {
      d: 'Daily probability that a spreader stops spreading by itself (SIR recovery).',
      unit: 'per day',
      range: '0–0.3',
      source: 'model convention',
      grade: 'A',
    }),
    influence: param(share().default(0.04), {
      d: 'Strength of a message’s stance as third-party evidence for the receiver.',
      unit: 'evidence per message',
      range: '0.02–0.2',
      source: 'model convention',
      grade: 'A',
    }),
    confidenceBound: param(share().default(0.35), {
      d: 'ε: a message is ignored when sender and receiver trust differ by more than this (bounded confidence).',
      unit: 'trust difference',
      range: '0.2–0.5',
      source: 'Deffuant et al. 2000 (form)',
      grade: 'A',
      sweep: '0.1–1',
    }),
    stanceRule: param(
      z.enum(['evidence', 'deffuant', 'degroot', 'friedkin-johnsen', 'none']).default('evidence'),
      {
        d: 'How stance spreads: as third-party evidence with bounded confidence (default); pairwise Deffuant averaging; DeGroot x(t+1) = W x(t) over weighted ties; Friedkin–Johnsen x(t+1) = ΛW x(t) + (I−Λ) x(0) with Λ = susceptibility; or none (awareness only).',
        unit: 'choice',
        range: 'evidence, deffuant, degroot, friedkin-johnsen, none',
        source:
          'design brief (a message is third-party evidence, ignored beyond the confidence bound ε); Deffuant et al. 2000 (bounded confidence, form) — a model convention',
        grade: 'A',
      },
    ),
    chatterRate: param(share().default(0.02), {
      d: 'Daily probability that an agent of average talkativeness chats about the brand without any incident.',
      unit: 'per day',
      range: '0.005–0.05',
      source: 'model convention',
      grade: 'A',
    }),
    chatterSharpness: param(num(0.1, 10).default(2), {
      d: 'κ in P(positive chat) = T^κ / (T^κ + (1−T)^κ); calibrated so everyday chatter runs about 3:1 positive for the default trust distribution (a scenario whose population trusts less may raise it).',
      unit: 'exponent',
      range: '1.5–3',
      source: 'calibrated to the 3:1 PWOM:NWOM baseline of East, Hammond & Wright 2007 (target H); value A',
      grade: 'A',
    }),
    dissatisfiedTalkGain: param(num(0, 10).default(1.5), {
      d: 'Extra chatter of dissatisfied agents: multiplier 1 + gain·max(0, 0.5 − T)·2 (asymmetric U).',
      unit: 'factor',
      range: '0.2–2',
      source:
        'Anderson 1998 (asymmetric U, direction); value A, within EVIDENCE’s own “modest factor 1.2–3” (not a reported figure)',
      grade: 'A',
    }),
  })
  .prefault({});

const grievanceParams = z
  .strictObject({
    revengeHalfLifeDays: param(num(1, 10_000).default(60), {
      d: 'Half-life of a victim’s grievance (desire for revenge) once its incident is out of the news; while the incident is salient and unresolved (silence or an answer below expectation) grievance is held.',
      unit: 'days',
      range: '≥ 60 (lower bound)',
      source: 'Grégoire, Tripp & Legoux 2009 (revenge decays but remains high after two months, M); value A',
      grade: 'A',
      sweep: '60–180',
    }),
    loveHateGain: param(num(0, 5).default(1), {
      d: '“Love becomes hate”: a victim’s initial grievance and revenge half-life grow by 1 + gain·commitment.',
      unit: 'factor per commitment',
      range: '0.5–2',
      source: 'Grégoire et al. 2009 (direction M); value A',
      grade: 'A',
    }),
    avoidanceGrowth: param(num(0, 1).default(0.01), {
      d: 'Daily growth of avoidance per unit grievance (×(1 + commitment) for formerly loyal victims) until recovery.',
      unit: 'per day',
      range: '0.005–0.03',
      source: 'Grégoire et al. 2009 (avoidance rises over time, M); value A',
      grade: 'A',
    }),
    avoidanceRecovery: param(num(0, 1).default(0.03), {
      d: 'Daily decay of avoidance once a victim is satisfied by the recovery.',
      unit: 'per day',
      range: '0.01–0.1',
      source: 'model convention',
      grade: 'A',
    }),
    observerAnger: param(num(0, 5).default(0.3), {
      d: 'Grievance an observer takes per unit of third-party bad news, × responsibility (anger mediates responsibility → NWOM).',
      unit: 'grievance per evidence',
      range: '0.2–1',
      source: 'Coombs & Holladay 2007 (anger mediates responsibility → NWOM, M); value A',
      grade: 'A',
    }),
    observerHalfLifeDays: param(num(1, 10_000).default(14), {
      d: 'Half-life of observers’ (non-victims’) grievance.',
      unit: 'days',
      range: '7–30',
      source: 'news lifespan about 7 days (Axios/Schema, L)',
      grade: 'A',
    }),
  })
  .prefault({});

const behaviourParams = z
  .strictObject({
    complainSerious: param(share().default(0.69), {
      d: 'Probability that a claimant (serious problem) complains.',
      unit: 'probability',
      range: '0.5–0.7',
      source: 'TARP / US Office of Consumer Affairs 1979',
      grade: 'M',
    }),
    complainMinor: param(share().default(0.04), {
      d: 'Probability that an aggrieved customer who is not a claimant (a minor or vicarious problem) complains, once.',
      unit: 'probability',
      range: '0.04–0.3',
      source: 'TARP folklore via secondary pages',
      grade: 'L',
    }),
    complaintDelayDays: param(num(0, 60).default(2), {
      d: 'Mean delay from harm to a claimant’s first complaint.',
      unit: 'days',
      range: '0–7',
      source: 'model convention',
      grade: 'A',
    }),
    repeatComplaint: param(share().default(0.04), {
      d: 'Daily probability that an unresolved, aggrieved claimant (grievance > 0.5) complains again.',
      unit: 'per day',
      range: '0–0.1',
      source: 'model convention',
      grade: 'A',
    }),
    groupThreshold: param(int(1, 100).default(2), {
      d: 'Rights-group members a claimant must see among its ties to join (complex contagion).',
      unit: 'ties',
      range: '2–3',
      source: 'Centola 2010 (M–H)',
      grade: 'M',
    }),
    groupAdoption: param(share().default(0.08), {
      d: 'Daily probability that a claimant who sees enough members among its ties actually joins (joining is costly).',
      unit: 'per day',
      range: '0.02–0.3',
      source: 'Centola 2010 (adoption given reinforcement, direction); value assumed',
      grade: 'A',
      sweep: '0.02–0.5',
    }),
    groupGrievance: param(share().default(0.4), {
      d: 'Grievance a claimant needs before joining a rights group.',
      unit: 'grievance',
      range: '0.3–0.6',
      source: 'model convention',
      grade: 'A',
    }),
    groupVisibility: param(num(0, 1).default(0.0002), {
      d: 'Daily probability of joining through the group’s media visibility, per group member in real people (capped at 0.5).',
      unit: 'per member per day',
      range: '0–0.002',
      source: 'model convention',
      grade: 'A',
    }),
    groupSeedProbability: param(share().default(0.005), {
      d: 'Daily probability that an eligible, aggrieved claimant starts or joins a group on its own (organisers).',
      unit: 'per day',
      range: '0–0.1',
      source: 'case (FACTS.md: groups formed within days)',
      grade: 'A',
    }),
    lawsuitGroupSize: param(num(1, 1e9).default(100), {
      d: 'Rights-group size (real people) above which lawsuits become likely.',
      unit: 'people',
      range: '50–500',
      source: 'case (200+ members, ~10 plaintiffs)',
      grade: 'A',
    }),
    lawsuitHazard: param(share().default(0.08), {
      d: 'Daily probability of a filing while a group is above the size threshold and the incident unresolved (at most one per incident).',
      unit: 'per day',
      range: '0.02–0.2',
      source: 'model convention',
      grade: 'A',
    }),
    legalCostCny: param(num(0, 1e10).default(200_000), {
      d: 'Company legal cost per lawsuit filed.',
      unit: '¥',
      range: '5e4–1e6',
      source: 'assumption',
      grade: 'A',
    }),
    churnMax: param(share().default(0.02), {
      d: 'Largest daily churn probability of an owner.',
      unit: 'per day',
      range: '0.005–0.05',
      source: 'model convention',
      grade: 'A',
    }),
    churnIntercept: param(num(-50, 50).default(-6), {
      d: 'Intercept of the churn logistic P = churnMax·σ(b0 + bT·(0.5 − T) + bA·avoidance).',
      unit: 'logit',
      range: '−8..−4',
      source: 'model convention',
      grade: 'A',
    }),
    churnTrustSlope: param(num(0, 100).default(8), {
      d: 'bT: churn logit per unit of trust below 0.5.',
      unit: 'logit per trust',
      range: '4–12',
      source: 'model convention',
      grade: 'A',
    }),
    churnAvoidanceSlope: param(num(0, 100).default(6), {
      d: 'bA: churn logit per unit of avoidance.',
      unit: 'logit per avoidance',
      range: '3–10',
      source: 'Grégoire et al. 2009 (avoidance → exit, direction)',
      grade: 'A',
    }),
    purchaseMax: param(share().default(0.003), {
      d: 'Largest daily purchase probability of an agent.',
      unit: 'per day',
      range: '0.001–0.01',
      source: 'model convention',
      grade: 'A',
    }),
    purchaseIntercept: param(num(-50, 50).default(0), {
      d: 'Intercept of the purchase logistic P = purchaseMax·σ(c0 + cT·(T − 0.5) − cA·avoidance).',
      unit: 'logit',
      range: '−2..2',
      source: 'model convention',
      grade: 'A',
    }),
    purchaseTrustSlope: param(num(0, 100).default(6), {
      d: 'cT: purchase logit per unit of trust.',
      unit: 'logit per trust',
      range: '3–10',
      source: 'model convention',
      grade: 'A',
    }),
    purchaseAvoidanceSlope: param(num(0, 100).default(6), {
      d: 'cA: purchase logit per unit of avoidance.',
      unit: 'logit per avoidance',
      range: '3–10',
      source: 'Grégoire et al. 2009 (direction)',
      grade: 'A',
    }),
    priceCny: param(num(0, 1e9).default(2000), {
      d: 'Average revenue per purchase.',
      unit: '¥',
      range: '500–5000',
      source: 'assumption',
      grade: 'A',
    }),
    clvCny: param(num(0, 1e10).default(8000), {
      d: 'Customer lifetime value lost when an owner churns.',
      unit: '¥',
      range: '2000–30000',
      source: 'assumption',
      grade: 'A',
    }),
  })
  .prefault({});

export const modelSchema = z
  .strictObject({
    trust: trustParams,
    incidents: incidentParams,
    recovery: recoveryParams,
    announcements: announcementParams,
    media: mediaParams,
    wom: womParams,
    grievance: grievanceParams,
    behaviour: behaviourParams,
    mechanisms: mechanismsSchema,
  })
  .prefault({});

export const violationSchema = z
  .strictObject({ ability: share(), benevolence: share(), integrity: share() })
  .refine((v) => v.ability + v.benevolence + v.integrity > 0, 'a violation must touch at least one facet')
  .meta({
    description:
      'How the incident’s hit spreads over the facets (normalised to sum 1): a competence violation is mostly ability, an integrity violation mostly integrity (Mayer et al. 1995; Kim et al. 2004).',
  });

export const incidentSchema = z.strictObject({
  id: idSchema,
  label: z.string().max(300).optional(),
  line: z.string().max(100).default('group').meta({ description: 'Business line (e.g. cars, appliances).' }),
  date: dateSchema.meta({ description: 'Day the incident becomes public (ISO date).' }),
  violation: violationSchema,
  cluster: z
    .enum(['victim', 'accidental', 'preventable'])
    .meta({ description: 'SCCT crisis cluster; sets attributed responsibility (Coombs 2007).' }),
  severity: param(share(), {
    d: 'Severity of the incident as news.',
    unit: 'share',
    range: '0–1',
    source: 'scenario judgement',
    grade: 'A',
  }),
  salience: param(num(0, 1e6).default(5), {
    d: 'Stories on the day it breaks (the initial media shock).',
    unit: 'stories',
    range: '1–30',
    source: 'scenario judgement',
    grade: 'A',
  }),
  disclosedBy: z
    .enum(['company', 'third-party'])
    .default('third-party')
    .meta({ description: 'Who discloses it first; self-disclosure “steals thunder”.' }),
  claimants: z
    .strictObject({
      segment: idSchema.meta({
        description: 'Segment whose agents are the claimants (its real size is the claimant count).',
      }),
      share: param(share().default(1), {
        d: 'Share of the segment harmed.',
        unit: 'share',
        range: '0–1',
        source: 'scenario data',
        grade: 'L',
      }),
      lossCny: param(num(0, 1e9), {
        d: 'Loss per claimant (what a fair remedy would be worth).',
        unit: '¥',
        range: '>0',
        source: 'scenario data',
        grade: 'L',
      }),
      expectation: param(share().default(0.55), {
        d: 'Satisfaction a claimant expects from the company’s handling; below it grievance stays.',
        unit: 'satisfaction 0–1',
        range: '0.4–0.7',
        source: 'expectancy disconfirmation (Oliver 1980); value assumed',
        grade: 'A',
      }),
      fulfilCostCny: param(num(0, 1e9).optional(), {
        d: 'Company cost per claimant of full performance of the contract (defaults to lossCny).',
        unit: '¥',
        range: '≥0',
        source: 'scenario data',
        grade: 'L',
      }),
    })
    .optional(),
});

export const historySchema = z.strictObject({
  id: idSchema,
  label: z.string().max(300).optional(),
  date: dateSchema,
  kind: z.enum(['incident', 'fine', 'ruling']).default('incident'),
  amountCny: num(0, 1e12).optional(),
});

export const eventSchema = z.strictObject({
  id: idSchema,
  label: z.string().max(300).optional(),
  date: dateSchema,
  kind: z.enum(['ruling', 'lawsuit', 'hearing', 'news']).meta({
    description:
      'ruling: a court decision (againstCompany: guilt shown); lawsuit: a filing; hearing: a court hearing; news: a report about an incident.',
  }),
  incident: idSchema.meta({ description: 'Incident the event belongs to.' }),
  againstCompany: z.boolean().default(true),
  amountCny: num(0, 1e12).default(0).meta({ description: 'Money the company must pay (rulings).' }),
  shock: num(0, 1e6).optional().meta({ description: 'Stories added; defaults to model.media.shocks[kind].' }),
});

export const actionKinds = [
  'silence',
  'template',
  'excuse',
  'explanation',
  'apology',
  'sympathy',
  'compensation',
  'fulfil',
  'denial',
  'legal',
  'donation',
  'good-news',
  'policy-change',
] as const;
export type ActionKind = (typeof actionKinds)[number];

const whenSchema = z.union([
  z.strictObject({
    date: dateSchema.meta({ description: 'Act on this calendar date.' }),
  }),
  z.strictObject({
    after: idSchema.meta({ description: 'Act a delay after this incident (or event) breaks.' }),
    days: int(0, 3650).default(0).meta({ description: 'Delay in whole days (0 = the same day).' }),
  }),
  z.strictObject({
    trigger: z.string().min(1).max(2000).meta({
      description:
        'A condition over the metrics of the last collected day (yesterday), e.g. "complaints_7d > 500 or attention.fridge > 6"; guilt.<incident> already counts a ruling of the same day. A percentage is a share: "trust < 50%" is "trust < 0.5". Checked daily; fires once.',
    }),
    notBefore: dateSchema.optional(),
  }),
]);

export const ruleSchema = z.strictObject({
  id: idSchema.optional(),
  when: whenSchema,
  do: z.enum(actionKinds).meta({
    description:
      'silence; template reply; excuse (diminish); explanation; apology; sympathy; compensation (amountCny, form); fulfil (full performance of the contract); denial; legal manoeuvre; donation; good-news PR; policy-change (terms in writing, inspection before payment).',
  }),
  incident: idSchema
    .optional()
    .meta({ description: 'Incident the response addresses; omit for company-wide announcements.' }),
  scope: z
    .enum(['incident', 'all'])
    .default('incident')
    .meta({ description: '"all" answers every open incident at once (a unified apology across lines).' }),
  amountCny: num(0, 1e12)
    .default(0)
    .meta({ description: 'Compensation per claimant, or the donation / PR spend in ¥.' }),
  form: z.enum(['cash', 'voucher']).default('cash'),
  label: z.string().max(300).optional(),
});

export const controlSchema = z.strictObject({
  kind: z.enum(['prevent', 'cap-claimants', 'reduce-severity', 'unified-voice']).meta({
    description:
      'prevent: the incident never happens; cap-claimants: an early alert caps the share of claimants; reduce-severity: verified claims / written terms shrink the hit; unified-voice: one voice across business lines.',
  }),
  incident: idSchema.optional(),
  share: share()
    .optional()
    .meta({ description: 'cap-claimants: share of the would-be claimants still harmed.' }),
  factor: share().optional().meta({ description: 'reduce-severity: multiplier on severity.' }),
  costCny: num(0, 1e12).default(0).meta({
    description:
      'One-off cost of the control, booked on the day its incident would break (day 0 without an incident).',
  }),
  label: z.string().max(300).optional(),
});

export const strategySchema = z.strictObject({
  id: idSchema,
  label: z.string().max(200).optional(),
  description: z.string().max(4000).default(''),
  controls: z.array(controlSchema).max(100).default([]),
  rules: z.array(ruleSchema).max(500).default([]),
});

export const seedAwarenessSchema = z.strictObject({
  incident: idSchema,
  share: share().optional().meta({ description: 'Share of all agents made aware (and spreading) on `day`.' }),
  agents: z
    .array(int(0, 2e9))
    .max(100_000)
    .optional()
    .meta({ description: 'Agent ids made aware (and spreading) on `day`.' }),
  day: int(0, 100_000)
    .default(0)
    .meta({ description: 'Day the seed takes effect, counted from calendar.start (0 = the start date).' }),
  joinGroup: z.boolean().default(false).meta({
    description:
      'The seeded agents also start as claimants and rights-group members of this incident (complex-contagion experiments).',
  }),
});

export const scenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  version: z
    .literal(SCENARIO_VERSION)
    .meta({ description: 'Scenario format version; older versions are migrated.' }),
  meta: z.strictObject({
    title: z.string().min(1).max(300),
    slug: idSchema.optional(),
    description: z.string().max(20_000).default(''),
    language: z.string().max(20).default('en'),
    patterns: z
      .array(z.string().max(1000))
      .max(50)
      .default([])
      .meta({ description: 'Patterns the scenario is meant to reproduce (pattern-oriented modelling).' }),
    teaching: z
      .string()
      .max(500)
      .optional()
      .meta({ description: 'Teaching page (Markdown), relative to this file.' }),
    references: z.array(z.string().max(1000)).max(200).default([]),
  }),
  calendar: z.strictObject({
    start: dateSchema,
    end: dateSchema,
  }),
  population: z.strictObject({
    segments: z.array(segmentSchema).min(1).max(64),
  }),
  network: networkSchema,
  model: modelSchema,
  history: z.array(historySchema).max(100).default([]),
  incidents: z.array(incidentSchema).max(32).default([]),
  events: z.array(eventSchema).max(500).default([]),
  seedAwareness: z.array(seedAwarenessSchema).max(100).default([]),
  strategies: z.array(strategySchema).min(1).max(64),
  outputs: z
    .strictObject({
      seed: int(0, 2 ** 31 - 1).default(1),
      replicates: int(1, 10_000).default(24),
      baseline: idSchema.optional(),
      keyMetrics: z.array(z.string().max(100)).max(100).optional(),
    })
    .default({ seed: 1, replicates: 24 }),
});

/** A scenario as written (defaults not yet applied). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A validated scenario with every default applied. */
export type Scenario = z.output<typeof scenarioSchema>;
export type Segment = Scenario['population']['segments'][number];
export type Incident = Scenario['incidents'][number];
export type ScenarioEvent = Scenario['events'][number];
export type Strategy = Scenario['strategies'][number];
export type Rule = Strategy['rules'][number];
export type Control = Strategy['controls'][number];
export type ModelParams = Scenario['model'];
export type TrustParams = ModelParams['trust'];
export type IncidentParams = ModelParams['incidents'];
export type RecoveryParams = ModelParams['recovery'];
export type AnnouncementParams = ModelParams['announcements'];
export type MediaParams = ModelParams['media'];
export type WomParams = ModelParams['wom'];
export type GrievanceParams = ModelParams['grievance'];
export type BehaviourParams = ModelParams['behaviour'];
export type Mechanisms = ModelParams['mechanisms'];
export type NetworkSpec = Scenario['network'];
