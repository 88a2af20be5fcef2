/**
 * Prometheus metrics (`prom-client`), one registry per server so several servers in one
 * process (the tests) keep their own counts: HTTP requests and latency by route and status,
 * open documents and collaboration connections, how long storing an update and compacting a
 * document take, and the e-mails sent and failed. Served at `/metrics` (`metrics-route.ts`).
 */
import type { Hocuspocus } from '@hocuspocus/server';
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { StoreTimings } from '../documents/store.ts';

/** Request latency buckets (seconds): a local API answers in milliseconds. */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Storage buckets (seconds): an update commits in milliseconds, a compaction may take longer. */
const STORE_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** The route label of a request: its pattern (`/api/maps/:id`), never the concrete path. */
export function routeLabel(pattern: string | undefined): string {
  // Unmatched paths (404s, probes) are one label, so scanners cannot grow the series.
  return pattern ?? 'unmatched';
}

/** The server's metrics registry and the instruments the server feeds. */
export class ServerMetrics {
  readonly registry = new Registry();
  readonly #requests = new Counter({
    name: 'helhet_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly #latency = new Histogram({
    name: 'helhet_http_request_duration_seconds',
    help: 'Time from receiving a request to finishing its answer',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: HTTP_BUCKETS,
    registers: [this.registry],
  });
  readonly #appends = new Histogram({
    name: 'helhet_document_update_store_seconds',
    help: 'Time from receiving a document update to its commit in the database',
    labelNames: ['outcome'] as const,
    buckets: STORE_BUCKETS,
    registers: [this.registry],
  });
  readonly #compactions = new Histogram({
    name: 'helhet_document_compaction_seconds',
    help: 'Time to fold a document update log into its snapshot',
    labelNames: ['outcome'] as const,
    buckets: STORE_BUCKETS,
    registers: [this.registry],
  });

  readonly #mails = new Counter({
    name: 'helhet_mails_total',
    help: 'E-mails tried (invitations, password reset links), by kind and outcome (sent, failed)',
    labelNames: ['kind', 'outcome'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Counts an e-mail the server tried to send. */
  mailed(kind: string, outcome: 'sent' | 'failed'): void {
    this.#mails.inc({ kind, outcome });
  }

  /** What the document store reports into. */
  readonly storeTimings: StoreTimings = {
    appended: (seconds, ok) => this.#appends.observe({ outcome: ok ? 'ok' : 'error' }, seconds),
    compacted: (seconds, ok) =>
      this.#compactions.observe({ outcome: ok ? 'ok' : 'error' }, seconds),
  };

  /** Counts every answered request of `app`. */
  observeRequests(app: FastifyInstance): void {
    app.addHook('onResponse', async (request, reply) => {
      const labels = {
        method: request.method,
        route: routeLabel(request.routeOptions.url),
        status: String(reply.statusCode),
      };
      this.#requests.inc(labels);
      this.#latency.observe(labels, reply.elapsedTime / 1000);
    });
  }

  /** Reads open documents and connections from `hocuspocus` whenever metrics are scraped. */
  observeCollaboration(hocuspocus: Hocuspocus): void {
    new Gauge({
      name: 'helhet_open_documents',
      help: 'Documents held open in memory by the collaboration server',
      registers: [this.registry],
      collect() {
        this.set(hocuspocus.getDocumentsCount());
      },
    });
    new Gauge({
      name: 'helhet_collaboration_connections',
      help: 'Open collaboration connections (one per client and document)',
      registers: [this.registry],
      collect() {
        this.set(hocuspocus.getConnectionsCount());
      },
    });
  }
}
