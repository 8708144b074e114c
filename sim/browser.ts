/**
 * Browser entry (dist/trustsim-browser.js, global `trustsim`): the same deterministic engine as the CLI, for
 * web pages and for the test that checks Node and the browser give byte-identical rows.
 */
export { compileModel } from './engine/compileModel';
export { run } from './engine/run';
export { compare } from './experiment/compare';
export { runReplicate } from './experiment/runReplicate';
export { parseScenarioText } from './scenario/parseScenarioText';
export { scenarioSchema } from './scenario/schema';
export { stableStringify } from './util/stableStringify';
