/**
 * Real destinations on loopback for forwarding tests: a webhook receiver that verifies every
 * request with the `standardwebhooks` package, an SMTP server that captures mail, and a
 * Slack-compatible endpoint. Each can be told to fail (`answers`) to drive the retry paths.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { Webhook } from 'standardwebhooks';

export interface Arrival {
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
  /** Set by the webhook receiver: the parsed body when the signature verified, else null. */
  verified: unknown | null;
  receivedAt: number;
}

/** The status (and headers) to answer the n-th request (0-based); 200 once the list runs out. */
export type Answers = (index: number) => { status: number; headers?: Record<string, string> } | undefined;

export interface HttpPeer {
  url: string;
  /** Every request, answered or not, in arrival order. */
  arrivals: Arrival[];
  /** Requests answered 2xx (for the webhook receiver: 2xx and verified). */
  accepted(): Arrival[];
  /** Resolves once `count` requests have been accepted. */
  waitForAccepted(count: number): Promise<Arrival[]>;
  setAnswers(answers: Answers): void;
  close(): Promise<void>;
}

/**
 * A webhook receiver like a site owner would write: it verifies the signature with the secret it
 * was given and answers 401 when it does not match.
 */
export function startWebhookReceiver(secret: string, answers?: Answers, port = 0): Promise<HttpPeer> {
  const webhook = new Webhook(secret);
  return startHttpPeer((arrival) => {
    try {
      arrival.verified = webhook.verify(arrival.body, arrival.headers as Record<string, string>);
      return undefined;
    } catch {
      return { status: 401 };
    }
  }, answers, port);
}

/** A Slack-compatible incoming webhook: takes JSON with a `text`. */
export function startChatEndpoint(answers?: Answers): Promise<HttpPeer> {
  return startHttpPeer((arrival) => {
    try {
      const body = JSON.parse(arrival.body);
      return typeof body.text === 'string' ? undefined : { status: 400 };
    } catch {
      return { status: 400 };
    }
  }, answers);
}

function startHttpPeer(check: (arrival: Arrival) => { status: number } | undefined, initial?: Answers, listenPort = 0): Promise<HttpPeer> {
  const arrivals: Arrival[] = [];
  let answers: Answers = initial ?? (() => undefined);
  let waiters: Array<() => void> = [];
  const accepted = () => arrivals.filter((arrival) => arrival.status >= 200 && arrival.status < 300);
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const arrival: Arrival = { headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), status: 200, verified: null, receivedAt: Date.now() };
      const scripted = answers(arrivals.length);
      arrivals.push(arrival);
      const refused = check(arrival);
      const answer: { status: number; headers?: Record<string, string> } = refused ?? scripted ?? { status: 200 };
      arrival.status = answer.status;
      response.writeHead(answer.status, { 'content-type': 'text/plain', ...answer.headers });
      response.end(String(answer.status));
      for (const wake of waiters) wake();
    });
  });
  return new Promise((resolve) => {
    server.listen(listenPort, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/hook`,
        arrivals,
        accepted,
        setAnswers: (next) => {
          answers = next;
        },
        waitForAccepted: (count) =>
          new Promise((done) => {
            const check = () => {
              if (accepted().length < count) return;
              waiters = waiters.filter((waiter) => waiter !== check);
              done(accepted());
            };
            waiters.push(check);
            check();
          }),
        close: () => new Promise((closed) => {
          server.closeAllConnections();
          server.close(() => closed());
        }),
      });
    });
  });
}

export interface MailPeer {
  url: string;
  mail: ParsedMail[];
  /** Recipients of each captured message, in the same order as `mail`. */
  recipients: string[][];
  waitForMail(count: number): Promise<ParsedMail[]>;
  /** Answer the n-th delivery (0-based) with this SMTP error code, or accept it. */
  setRefusals(refuse: (index: number) => number | undefined): void;
  close(): Promise<void>;
}

/** A local SMTP server (no TLS, no auth) that parses and keeps every message it accepts. */
export function startMailServer(): Promise<MailPeer> {
  const mail: ParsedMail[] = [];
  const recipients: string[][] = [];
  let attempts = 0;
  let refuse: (index: number) => number | undefined = () => undefined;
  let waiters: Array<() => void> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const code = refuse(attempts++);
      if (code) {
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error('Try again later'), { responseCode: code })));
        return;
      }
      simpleParser(stream).then((parsed) => {
        mail.push(parsed);
        recipients.push(session.envelope.rcptTo.map((rcpt) => rcpt.address));
        callback();
        for (const wake of waiters) wake();
      }, callback);
    },
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.server.address() as AddressInfo;
      resolve({
        url: `smtp://127.0.0.1:${port}`,
        mail,
        recipients,
        setRefusals: (next) => {
          refuse = next;
        },
        waitForMail: (count) =>
          new Promise((done) => {
            const check = () => {
              if (mail.length < count) return;
              waiters = waiters.filter((waiter) => waiter !== check);
              done(mail);
            };
            waiters.push(check);
            check();
          }),
        close: () => new Promise((closed) => server.close(() => closed())),
      });
    });
  });
}
