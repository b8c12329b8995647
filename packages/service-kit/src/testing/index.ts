export { parsePrometheusText, sampleValue, type MetricSample } from './prometheus-text.js'
