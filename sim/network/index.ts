export { barabasiAlbert } from './barabasiAlbert';
export { type BuildCsrOptions, buildCsr } from './buildCsr';
export { COMPLETE_GRAPH_MAX_N, completeGraph } from './completeGraph';
export { EdgeBuffer } from './EdgeBuffer';
export { EdgeListError } from './EdgeListError';
export { erdosRenyi } from './erdosRenyi';
export { type EdgeListOptions, fromEdgeList } from './fromEdgeList';
export { degree, edgeCount, type Graph, selfLoopCount } from './Graph';
export { sbmExpectedEdges } from './sbmExpectedEdges';
export {
  type Components,
  clusteringCoefficient,
  connectedComponents,
  type DegreeStats,
  degreeHistogram,
  degreeStats,
} from './stats';
export { stochasticBlockModel } from './stochasticBlockModel';
export { toEdgeList } from './toEdgeList';
export { wattsStrogatz } from './wattsStrogatz';
