/** The commented starter scenario written by `trustsim init`. It validates and runs as it is. */
export const STARTER_SCENARIO = `# yaml-language-server: $schema=./scenario.schema.json
# A trustsim scenario. Run:   trustsim validate THIS_FILE && trustsim compare THIS_FILE
# Every model parameter has a default with its source and evidence grade: see docs/parameters.md.
# The header above gives editors (VS Code with the YAML extension) completion and checks from the schema that
# \`trustsim init\` wrote beside this file (\`trustsim schema > scenario.schema.json\` writes it again).
version: 1

meta:
  title: My first brand-trust crisis
  description: One cancelled promotion, four ways to answer it.
  language: en

calendar:
  start: 2025-11-01      # day 0
  end: 2026-01-15        # last simulated day

population:
  segments:
    - id: buyers          # the people harmed: their real number, simulated one agent each
      label: Buyers of the cancelled order
      size: 400
      agents: 400
      commitment: { mean: 0.5, sd: 0.15 }
    - id: fans
      label: Loyal customers
      size: 2000000       # real people; each agent stands for size / agents people
      agents: 1500
      commitment: { mean: 0.7, sd: 0.1 }
      trust:
        ability: { mean: 0.8, sd: 0.1 }
        benevolence: { mean: 0.72, sd: 0.1 }
        integrity: { mean: 0.74, sd: 0.1 }
      owners: 0.9
    - id: public
      label: General public on social media
      size: 60000000
      agents: 4000
      talkativeness: { mean: 0.2, sd: 0.1 }

network:
  kind: sbm               # stochastic block model: ties mostly inside each segment
  meanDegree: 16
  homophily: 0.6

history:                  # past incidents raise attributed responsibility (the "Velcro" effect)
  - { id: old-fine, date: 2022-02-15, kind: fine, label: Fine for misleading advertising, amountCny: 80000 }

incidents:
  - id: promo
    label: Flash-sale orders cancelled
    line: appliances
    date: 2025-11-10
    violation: { ability: 0.4, benevolence: 0.3, integrity: 0.3 }
    cluster: accidental   # victim | accidental | preventable (SCCT)
    severity: 0.6
    salience: 6           # stories on the first day
    claimants: { segment: buyers, lossCny: 1500, expectation: 0.55 }

strategies:
  - id: token-voucher
    label: Template reply and a ¥30 voucher
    rules:
      - { when: { after: promo, days: 1 }, do: template, incident: promo }
      - { when: { after: promo, days: 1 }, do: compensation, incident: promo, amountCny: 30, form: voucher }
  - id: silence
    label: Say nothing
  - id: honour
    label: Apologise the same day and deliver the orders
    controls:
      - { kind: unified-voice }
    rules:
      - { when: { after: promo, days: 0 }, do: apology, incident: promo }
      - { when: { after: promo, days: 0 }, do: fulfil, incident: promo }
  - id: wait-then-pay
    label: Pay cash only once complaints pile up
    rules:
      - { when: { trigger: "complaints_7d > 150" }, do: compensation, incident: promo, amountCny: 1500 }

outputs:
  seed: 1
  replicates: 20
  baseline: token-voucher
`;
