import type { Agent } from '../store/store.mjs';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in agent, set by the auth hook on every `/api/` call (null on public routes). */
    agent: Agent | null;
  }
}
