import { randomUUID } from 'node:crypto';
import { startCluster } from '../drill/cluster.ts';
import { killUnderLoad, signInPeople } from '../drill/scenarios.ts';
import { closedLoop, latency, type Latency, type Throughput } from './load.ts';

/**
 * Scale-out figures with real processes (bff/drill/cluster.ts): two BFF instances behind HAProxy on the
 * PostgreSQL server and Redis.
 * - Cases per second through the balancer with both instances, then with one (the other stopped as in a
 *   deploy); the ratio two ÷ one. On a 2-core machine that also runs PostgreSQL, Redis, the balancer and the
 *   load generator it is evidence, not a gate.
 * - One instance killed under load: the time from the kill until each cut-off socket is connected again.
 */

const COMPANIES = 6;
export const RECONNECT_TARGET_P95_MS = 5000;

export interface ScaleOutResult {
  residents: number;
  two: Throughput;
  one: Throughput;
  kill: { sockets: number; cutOff: number; stranded: number; reconnect: Latency; lost: number; acknowledged: number };
}

export async function benchScaleOut(): Promise<ScaleOutResult | string> {
  let cluster;
  try {
    cluster = await startCluster({ instances: 2, name: `mp_bench_scale_${process.pid}` });
  } catch (error) {
    return `nicht möglich (${(error as Error).message.split('\n')[0]})`;
  }
  try {
    const people = await signInPeople(cluster, cluster.url, COMPANIES);
    const clients = people.map((person) => person.client);
    const file = (index: number) =>
      clients[index].request(
        'POST',
        '/api/cases',
        {
          type: 'damage',
          ...people[index].damage,
          urgency: 'normal',
          description: 'Der Wasserhahn tropft.',
          residentAvailability: 'werktags',
        },
        { headers: { 'idempotency-key': randomUUID() } },
      );
    const two = await closedLoop('POST /api/cases, 2 instances', clients, 201, (_client, index) => file(index));
    const [first, second] = cluster.instances;
    // A deploy takes one instance away; the balancer's health check (300 ms × 2) stops sending to it.
    await cluster.stop(second);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const one = await closedLoop('POST /api/cases, 1 instance', clients, 201, (_client, index) => file(index));
    await cluster.start(second);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const killed = await killUnderLoad(cluster, people.slice(0, 6), first);
    return {
      residents: people.length,
      two,
      one,
      kill: {
        sockets: killed.sockets,
        cutOff: killed.reconnectMs.length,
        stranded: killed.stranded,
        reconnect: latency(killed.reconnectMs.length ? killed.reconnectMs : [NaN]),
        lost: killed.lost,
        acknowledged: killed.acknowledged,
      },
    };
  } finally {
    await cluster.close();
  }
}
