export { parsePrometheusText, sampleValue, scrapeMetrics, type MetricSample } from './prometheus-text.js'
