// @ts-check
/**
 * Heard's own SMTP listener, for a shop that points its inbound domain's MX record here. It
 * takes mail for the inbound domain only, and there only for an address shaped like a reply
 * address, so it relays nothing for anyone. Whether a token is genuine, and whether its
 * complaint still takes answers, is decided after the message is in: every well-shaped
 * recipient is accepted alike, so a stranger learns nothing by trying tokens, and nothing is
 * ever sent back (no bounce to a forged sender).
 */
import { SMTPServer } from 'smtp-server';
import { tokenOf } from './reply-address.mjs';

/** The largest message taken: an answer with a photo or two. */
export const DEFAULT_MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/**
 * @param {{
 *   inbound: { local: string, domain: string },
 *   receive: ReturnType<typeof import('./receive.mjs').createInbound>['receive'],
 *   tls?: { key: Buffer | string, cert: Buffer | string } | null,
 *   maxBytes?: number,
 *   log: { info(object: object, message: string): void, warn(object: object, message: string): void, error(object: object, message: string): void },
 * }} options
 */
export function createSmtpListener({ inbound, receive, tls = null, maxBytes = DEFAULT_MAX_MESSAGE_BYTES, log }) {
  const server = new SMTPServer({
    name: inbound.domain,
    banner: 'Heard inbound mail',
    secure: false,
    // Without a certificate of the shop's, no STARTTLS at all: the library's own built-in
    // certificate would be offered, and a sender checking it would give up.
    ...(tls ? { key: tls.key, cert: tls.cert } : {}),
    // Nobody signs in: the listener delivers to Heard alone and relays for no one.
    authOptional: true,
    disabledCommands: tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
    size: maxBytes,
    rejectOversized: true,
    maxClients: 100,
    socketTimeout: 60_000,
    closeTimeout: 10_000,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (typeof tokenOf(inbound, address.address) !== 'string') {
        callback(Object.assign(new Error('5.1.1 No such recipient here'), { responseCode: 550 }));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      /** @type {Buffer[]} */
      const chunks = [];
      stream.on('data', (/** @type {Buffer} */ chunk) => {
        if (!stream.sizeExceeded) chunks.push(chunk);
      });
      stream.on('error', (error) => callback(error));
      stream.on('end', () => {
        // rejectOversized answers 552 for the message too large; nothing of it is read.
        if (stream.sizeExceeded) {
          log.info({ inbound: 'smtp', reason: 'too-large' }, 'email not threaded: larger than the listener takes');
          callback(null);
          return;
        }
        const mailFrom = session.envelope.mailFrom;
        const returnPath = mailFrom ? mailFrom.address : '';
        receive(Buffer.concat(chunks), { recipients: session.envelope.rcptTo.map((rcpt) => rcpt.address), returnPath, via: 'smtp' }).then(
          () => callback(null, 'Message accepted'),
          (error) => {
            // Try again later: the sending server keeps the message and retries.
            log.error({ err: error }, 'email answer not stored');
            callback(Object.assign(new Error('4.3.0 Try again later'), { responseCode: 451 }));
          },
        );
      });
    },
  });
  server.on('error', (error) => log.warn({ err: error }, 'inbound SMTP connection failed'));

  return {
    /**
     * @param {number} port
     * @param {string} host
     * @returns {Promise<number>} the port listened on
     */
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.server.once('error', reject);
        server.listen(port, host, () => {
          server.server.off('error', reject);
          const address = server.server.address();
          resolve(address && typeof address === 'object' ? address.port : port);
        });
      });
    },
    /** @returns {Promise<void>} */
    close() {
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
