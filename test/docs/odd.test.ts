/**
 * docs/ODD.md stays true to the code, and the documentation's links and command lines stay valid:
 * - §3 lists exactly the processes of SCHEDULE, in order (a numbered list with the names in backticks);
 * - every name in backticks in a §7 heading is a function exported from sim/, every SCHEDULE process is named in a
 *   §7 heading, and each §7 subsection links the source files that define its functions;
 * - every parameter default quoted in ODD.md equals the schema's default;
 * - relative links (and #anchors into Markdown files) in README.md, docs/*.md and the scenario pages
 *   (every .md under scenarios/) point at things that exist;
 * - the README's `npx trustsim` commands and options exist in the CLI, and CITATION.cff matches package.json.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildProgram } from '../../sim/cli/main';
import { SCHEDULE } from '../../sim/engine/schedule';
import { scenarioSchema } from '../../sim/scenario/schema';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const read = (rel: string) => readFileSync(join(REPO, rel), 'utf8');
const ODD = read('docs/ODD.md');

/** The Markdown without fenced code blocks (their lines are blanked, so line structure is kept). */
function withoutFences(md: string): string {
  let inFence = false;
  return md
    .split('\n')
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) {
        inFence = !inFence;
        return '';
      }
      return inFence ? '' : line;
    })
    .join('\n');
}

/** Fenced code blocks with their info string. */
function fencedBlocks(md: string): Array<{ lang: string; body: string }> {
  const out: Array<{ lang: string; body: string }> = [];
  let open: { lang: string; body: string } | null = null;
  for (const line of md.split('\n')) {
    const fence = /^\s*(?:```|~~~)\s*(\S*)/.exec(line);
    if (fence && open === null) open = { lang: fence[1]!, body: '' };
    else if (fence && open !== null) {
      out.push(open);
      open = null;
    } else if (open !== null) open.body += `${line}\n`;
  }
  return out;
}

/** The text of top-level section `## <n>.` up to the next `## ` heading. */
function section(md: string, n: number): string {
  const lines = withoutFences(md).split('\n');
  const start = lines.findIndex((l) => new RegExp(`^## ${n}\\.\\s`).test(l));
  expect(start, `docs/ODD.md has no "## ${n}." section`).toBeGreaterThanOrEqual(0);
  let end = lines.length;
  for (let i = start + 1; i < lines.length; i++) {
    if (/^## /.test(lines[i]!)) {
      end = i;
      break;
    }
  }
  return lines.slice(start + 1, end).join('\n');
}

/** Level-3 subsections of a section: heading text and body. */
function subsections(text: string): Array<{ heading: string; body: string }> {
  const out: Array<{ heading: string; body: string }> = [];
  for (const line of text.split('\n')) {
    const m = /^### (.*)$/.exec(line);
    if (m) out.push({ heading: m[1]!, body: '' });
    else if (out.length > 0) out[out.length - 1]!.body += `${line}\n`;
  }
  return out;
}

function walk(dir: string, ext: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p, ext));
    else if (name.endsWith(ext)) out.push(p);
  }
  return out;
}

/** Exported function name → repo-relative file that exports it, from a grep of sim/. */
function exportedFunctions(): Map<string, string> {
  const map = new Map<string, string>();
  for (const file of walk(join(REPO, 'sim'), '.ts')) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^export\s+(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)/gm)) {
      map.set(m[1]!, relative(REPO, file).split('\\').join('/'));
    }
  }
  return map;
}

const LINK = /\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;

/** Relative link targets of a Markdown text (outside code), as written. */
function links(md: string): string[] {
  const text = withoutFences(md).replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(LINK)].map((m) => m[1]!);
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, duplicates numbered. */
function anchors(md: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const line of withoutFences(md).split('\n')) {
    const m = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const text = m[1]!.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
    const base = text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

describe('docs/ODD.md §3: process overview and scheduling', () => {
  it('lists exactly the processes of SCHEDULE, in order and numbered 1..n', () => {
    const items = [...section(ODD, 3).matchAll(/^(\d+)\.\s+`([A-Za-z_$][\w$]*)`/gm)];
    expect(items.map((m) => m[2])).toEqual([...SCHEDULE]);
    expect(items.map((m) => Number(m[1]))).toEqual(SCHEDULE.map((_, i) => i + 1));
  });
});

describe('docs/ODD.md §7: submodels', () => {
  const subs = subsections(section(ODD, 7)).filter((s) => /^7\.\d+\s/.test(s.heading));
  const exported = exportedFunctions();

  it('has a subsection per submodel', () => {
    expect(subs.length).toBeGreaterThanOrEqual(SCHEDULE.length);
  });

  it('heads each subsection with functions that sim/ exports', () => {
    const missing: string[] = [];
    let named = 0;
    for (const s of subs) {
      for (const m of s.heading.matchAll(/`([A-Za-z_$][\w$]*)`/g)) {
        named++;
        if (!exported.has(m[1]!)) missing.push(`${s.heading}: ${m[1]}`);
      }
    }
    expect(named).toBeGreaterThanOrEqual(SCHEDULE.length);
    expect(missing, 'no `export function <name>` in sim/').toEqual([]);
  });

  it('names every scheduled process in a §7 heading', () => {
    const headings = subs.map((s) => s.heading);
    const unnamed = SCHEDULE.filter((p) => !headings.some((h) => new RegExp(`\\b${p}\\b`).test(h)));
    expect(unnamed).toEqual([]);
  });

  it('links, in each subsection, the source file of every function in its heading', () => {
    const unlinked: string[] = [];
    for (const s of subs) {
      const linked = new Set(
        links(s.body).map((l) =>
          relative(REPO, resolve(join(REPO, 'docs'), l.split('#')[0]!))
            .split('\\')
            .join('/'),
        ),
      );
      for (const m of s.heading.matchAll(/`([A-Za-z_$][\w$]*)`/g)) {
        const file = exported.get(m[1]!);
        if (file && !linked.has(file)) unlinked.push(`${s.heading}: ${m[1]} is in ${file}`);
      }
    }
    expect(unlinked).toEqual([]);
  });
});

describe('docs/ODD.md: parameter defaults', () => {
  const defaults = scenarioSchema.parse({
    version: 1,
    meta: { title: 'defaults' },
    calendar: { start: '2025-01-01', end: '2025-01-02' },
    population: { segments: [{ id: 'a', size: 1 }] },
    strategies: [{ id: 's' }],
  }) as unknown as Record<string, unknown>;

  function lookup(path: string): unknown {
    let v: unknown = defaults;
    for (const part of path.split('.')) {
      const key = part.endsWith('[]') ? part.slice(0, -2) : part;
      v = (v as Record<string, unknown> | undefined)?.[key];
      if (part.endsWith('[]')) v = (v as unknown[] | undefined)?.[0];
    }
    return v;
  }

  const rows = [
    ...withoutFences(ODD).matchAll(
      /^\|\s*`((?:model|network|population)\.[\w.[\]]+)`\s*\|\s*([^|]+?)\s*\|/gm,
    ),
  ].map((m) => ({ key: m[1]!, cell: m[2]!.replace(/[`"]/g, '').trim() }));

  it('quotes defaults in its parameter tables', () => {
    expect(rows.length).toBeGreaterThan(80);
  });

  it('quotes every default as the schema sets it', () => {
    const wrong: string[] = [];
    for (const { key, cell } of rows) {
      const v = lookup(key);
      const ok =
        typeof v === 'number'
          ? Math.abs(Number(cell) - v) <= 1e-4 * Math.max(1, Math.abs(v))
          : typeof v === 'boolean' || typeof v === 'string'
            ? cell === String(v)
            : false;
      if (!ok) wrong.push(`${key}: ODD says ${cell}, the schema ${JSON.stringify(v)}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('documentation links', () => {
  const files = [
    'README.md',
    ...readdirSync(join(REPO, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
    ...walk(join(REPO, 'scenarios'), '.md').map((f) => relative(REPO, f).split('\\').join('/')),
  ];

  it('cover the scenario pages, and those link the committed validation summary', () => {
    const pages = files.filter((f) => f.startsWith('scenarios/'));
    expect(pages).toContain('scenarios/xiaomi-trust-crisis-2025.md');
    expect(pages).toContain('scenarios/teaching/compensation-dose.md');
    for (const rel of [
      'README.md',
      'docs/ODD.md',
      'scenarios/xiaomi-trust-crisis-2025.md',
      'scenarios/teaching/apology-vs-denial.md',
      'scenarios/teaching/compensation-dose.md',
      'scenarios/teaching/donation-during-dispute.md',
    ]) {
      const targets = links(read(rel)).map((l) =>
        relative(REPO, resolve(dirname(join(REPO, rel)), l.split('#')[0]!))
          .split('\\')
          .join('/'),
      );
      expect(targets, rel).toContain('docs/validation.md');
      // validation/ is not committed: a link into it is dead on a fresh clone.
      expect(
        targets.filter((t) => t.startsWith('validation/')),
        rel,
      ).toEqual([]);
    }
  });

  it('point at files and headings that exist', () => {
    const broken: string[] = [];
    for (const rel of files) {
      const md = read(rel);
      for (const target of links(md)) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // http:, https:, mailto:
        const [path, anchor] = target.split('#') as [string, string | undefined];
        const abs = path === '' ? join(REPO, rel) : resolve(dirname(join(REPO, rel)), decodeURI(path));
        if (!existsSync(abs)) {
          broken.push(`${rel}: ${target} (no such file)`);
          continue;
        }
        if (anchor && abs.endsWith('.md') && !anchors(readFileSync(abs, 'utf8')).has(anchor)) {
          broken.push(`${rel}: ${target} (no such heading)`);
        }
      }
    }
    expect(broken).toEqual([]);
  });
});

describe('README.md command lines', () => {
  const readme = read('README.md');
  const program = buildProgram({ out: () => {}, err: () => {}, isTTY: false, env: {} });
  const commands = new Map(program.commands.map((c) => [c.name(), c]));

  it('gives the two quick-start commands, and package.json has their scripts', () => {
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toContain('npm ci && npm test');
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts.demo).toBeDefined();
    expect(pkg.scripts.test).toBeDefined();
    const out = /--out\s+(\S+)/.exec(pkg.scripts.demo!)?.[1];
    expect(out, 'the demo writes where the README says').toBeDefined();
    expect(readme).toContain(`${out}/`);
  });

  it('uses only commands and options the CLI has', () => {
    const unknown: string[] = [];
    const code = fencedBlocks(readme)
      .filter((b) => b.lang === 'sh' || b.lang === 'bash' || b.lang === '')
      .map((b) => b.body)
      .join('\n');
    const inline = [...readme.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!);
    const joined = code.replace(/\\\n\s*/g, ' '); // shell line continuations
    const lines = [...joined.split('\n'), ...inline].map((l) => l.replace(/#.*$/, ''));
    for (const line of lines) {
      const m = /\b(?:npx trustsim|node bin\/trustsim\.mjs)\s+([a-z]+)(.*)$/.exec(line);
      if (!m) continue;
      const cmd = commands.get(m[1]!);
      if (!cmd) {
        if (m[1] !== 'help') unknown.push(`command ${m[1]} in: ${line.trim()}`);
        continue;
      }
      const longs = new Set([
        ...cmd.options.map((o) => o.long),
        ...program.options.map((o) => o.long),
        '--help',
      ]);
      for (const opt of m[2]!.matchAll(/(?:^|\s)(--[a-z][a-z-]*)/g)) {
        if (!longs.has(opt[1]!)) unknown.push(`${m[1]} ${opt[1]} in: ${line.trim()}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('lists only options of run and compare that exist', () => {
    const unknown: string[] = [];
    for (const name of ['run', 'compare'] as const) {
      const at = readme.indexOf(`npx trustsim ${name} scenarios/`);
      expect(at, `README shows \`npx trustsim ${name}\``).toBeGreaterThanOrEqual(0);
    }
    const all = new Set(program.commands.flatMap((c) => c.options.map((o) => o.long)));
    for (const m of readme.matchAll(/^- `(--[a-z][a-z-]*)/gm)) if (!all.has(m[1]!)) unknown.push(m[1]!);
    expect(unknown).toEqual([]);
  });
});

describe('CITATION.cff', () => {
  it('is CFF 1.2.0 with the version and licence of package.json', () => {
    const cff = parse(read('CITATION.cff')) as Record<string, unknown>;
    const pkg = JSON.parse(read('package.json')) as { version: string; license: string };
    expect(cff['cff-version']).toBe('1.2.0');
    expect(cff.title).toBe('trustsim');
    expect(String(cff.version)).toBe(pkg.version);
    expect(cff.license).toBe(pkg.license);
    expect(Array.isArray(cff.authors) && cff.authors.length > 0).toBe(true);
  });
});
