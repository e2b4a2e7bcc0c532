// Sentry's feedback widget, mounted as its docs say: the SDK's init with feedbackIntegration.
// The DSN points at the bench's loopback server, so envelopes stay on this machine.
import { feedbackIntegration, init } from '@sentry/browser';

init({
  dsn: window.BENCH_DSN,
  integrations: [feedbackIntegration({ colorScheme: 'system', autoInject: true })],
});
