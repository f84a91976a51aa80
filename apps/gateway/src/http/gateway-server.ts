import { createServer, type Server } from 'node:http';
import type { Gateway } from '../create-gateway.ts';

export interface ServerLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxConnections: number;
  maxHeaderBytes: number;
}
export const DEFAULT_SERVER_LIMITS: ServerLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 65_000,
  maxConnections: 1024,
  maxHeaderBytes: 16_384,
};
export function createGatewayServer(gateway: Gateway, _options: { limits: ServerLimits }): Server {
  return createServer(gateway);
}
