// @ts-check

/**
 * Reads a new password: typed twice at a terminal, without echo, or the first line of standard
 * input when it is not a terminal (`printf '%s\n' "$PASSWORD" | heard-server create-admin …`).
 * It is never an argument, which would leave it in the shell's history and the process list.
 * @param {{ stdin?: NodeJS.ReadStream, stderr?: NodeJS.WriteStream }} [streams]
 * @returns {Promise<string>}
 */
export async function readNewPassword({ stdin = process.stdin, stderr = process.stderr } = {}) {
  if (!stdin.isTTY) return firstLine(stdin);
  // Echo is off before the first prompt shows, and stays off between the two: nothing typed
  // ahead is shown either.
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  try {
    const password = await prompt('New password: ', stdin, stderr);
    const again = await prompt('The same password again: ', stdin, stderr);
    if (password !== again) throw new Error('the two passwords differ; nothing was changed.');
    return password;
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
  }
}

/** @param {NodeJS.ReadableStream} stdin @returns {Promise<string>} */
async function firstLine(stdin) {
  let text = '';
  for await (const chunk of stdin) {
    text += chunk;
    if (text.includes('\n')) break;
  }
  const line = text.split('\n')[0]?.replace(/\r$/, '') ?? '';
  if (line === '') throw new Error('no password on standard input: give it as the first line.');
  return line;
}

/**
 * One line typed at the terminal, in raw mode so nothing is shown; Ctrl-C or Ctrl-D gives up.
 * @param {string} question
 * @param {NodeJS.ReadStream} stdin
 * @param {NodeJS.WriteStream} stderr
 * @returns {Promise<string>}
 */
function prompt(question, stdin, stderr) {
  stderr.write(question);
  stdin.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (/** @type {Error | null} */ error) => {
      stdin.off('data', onData);
      stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (/** @type {string} */ chunk) => {
      for (const character of chunk) {
        if (character === '\r' || character === '\n') return done(null);
        if (character === '\u0003' || character === '\u0004') return done(new Error('no password typed; nothing was changed.'));
        if (character === '\u007f' || character === '\b') typed = [...typed].slice(0, -1).join('');
        else if (character >= ' ') typed += character;
      }
    };
    stdin.on('data', onData);
  });
}
