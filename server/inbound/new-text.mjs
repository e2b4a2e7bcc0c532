// @ts-check
/**
 * The new text of an email answer: what the sender wrote above the quoted history (or, when they
 * wrote below or between the quotes, outside of it), without their signature. The history is
 * recognised by how mail clients introduce it in the four languages Heard speaks: Gmail's,
 * Apple Mail's and Thunderbird's "On … wrote:" attributions, Outlook's header blocks and
 * "-----Original Message-----", forwarded originals, and `>` lines.
 */

/**
 * The end of an attribution line: "wrote:" and its equivalents. Gmail's Hungarian puts the
 * date after the verb ("ezt írta (időpont: …):").
 */
const ATTRIBUTION = /(?:\bwrote|\bmenulis|írta(?: \(időpont: [^)]*\))?|napísal(?:\(a\)|a)?|\bschrieb|a écrit)\s*:\s*$/i;
/** Outlook's and Gmail's separators before a quoted or forwarded original. */
const SEPARATOR = [
  /^-{2,}\s*(?:Original Message|Mesej Asal|Eredeti üzenet|Pôvodná správa|Pôvodný e-mail)\s*-{2,}$/i,
  /^-{2,}\s*(?:Forwarded message|Mesej yang dimajukan|Mesej dimajukan|Továbbított üzenet|Továbbított levél|Preposlaná správa|Preposlaný e-mail)\s*-{2,}$/i,
  /^Begin forwarded message:$/i,
  /^(?:Mulakan mesej yang dimajukan|Továbbított levél kezdete|Začiatok preposlanej správy):$/i,
];
/** The first two fields of a quoted header block, in each language: "From:" then "Sent:". */
const HEADER_FROM = /^\*?(?:From|Daripada|Dari|Feladó|Od)\s*:\*?\s+\S/i;
const HEADER_NEXT = /^\*?(?:Sent|Date|Dihantar|Tarikh|Elküldve|Dátum|Odoslané|To|Kepada|Címzett|Komu|Subject|Perkara|Tárgy|Predmet)\s*:/i;
/** Lines phones and mail apps add under what was written. */
const DEVICE_LINE = [
  /^Sent from my [\w ’'-]+$/i,
  /^Sent from (?:Mail|Outlook|Yahoo Mail)(?: for [\w ]+)?$/i,
  /^Get Outlook for (?:iOS|Android)\s*(?:<[^>]*>)?$/i,
  /^Dihantar dari (?:iPhone|iPad|peranti Android) saya$/i,
  /^Dihantar daripada [\w ]+$/i,
  /^(?:iPhone|iPad|Android)-r[óo]l küldve$/i,
  /^Küldve (?:az )?[\w ]+ (?:készülékről|eszközről)$/i,
  /^Odoslané z (?:iPhonu|iPadu|môjho [\w ]+|aplikácie [\w ]+)$/i,
];

/**
 * @param {string} text the message's text (mailparser's `text`, made from the HTML when there is no plain part)
 * @returns {string} the new text, trimmed; empty when there is none
 */
export function newText(text) {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  /** @type {string[]} */
  const kept = [];
  for (let index = 0; index < lines.length; index += 1) {
    const line = /** @type {string} */ (lines[index]).trimEnd();
    const trimmed = line.trim();
    if (/^>/.test(trimmed)) continue;
    const attribution = attributionAt(lines, index);
    if (attribution > 0) {
      // Followed by `>` lines: an introduction to them, and the answer may go on below them.
      const next = lines.slice(index + attribution).find((candidate) => candidate.trim() !== '');
      if (next !== undefined && next.trim().startsWith('>')) {
        index += attribution - 1;
        continue;
      }
      break;
    }
    if (SEPARATOR.some((pattern) => pattern.test(trimmed))) break;
    if (/^_{10,}$/.test(trimmed) && HEADER_FROM.test(lines[index + 1]?.trim() ?? '')) break;
    if (HEADER_FROM.test(trimmed) && HEADER_NEXT.test(lines[index + 1]?.trim() ?? '')) break;
    if (line === '-- ' || line === '--') {
      // A signature runs to the next quoted part; what follows it is not new.
      const resume = lines.findIndex((candidate, at) => at > index && candidate.trim().startsWith('>'));
      if (resume < 0) break;
      index = resume - 1;
      continue;
    }
    kept.push(line);
  }
  return withoutDeviceLines(kept).join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/**
 * How many lines an attribution takes at `index` (Gmail wraps a long one over two), 0 when
 * there is none.
 * @param {string[]} lines
 * @param {number} index
 */
function attributionAt(lines, index) {
  const line = (lines[index] ?? '').trim();
  if (line === '') return 0;
  if (ATTRIBUTION.test(line) && looksLikeAttribution(line)) return 1;
  const joined = `${line} ${(lines[index + 1] ?? '').trim()}`;
  if (lines[index + 1]?.trim() && ATTRIBUTION.test(joined) && looksLikeAttribution(joined) && !ATTRIBUTION.test(line)) return 2;
  return 0;
}

/**
 * An attribution names a time or an address, which "as my neighbour wrote:" does not.
 * @param {string} line
 */
function looksLikeAttribution(line) {
  return /\d{1,2}[:.]\d{2}/.test(line) || /@|<[^>]+>/.test(line);
}

/**
 * What was written without the device's trailing line ("Sent from my iPhone").
 * @param {string[]} lines
 */
function withoutDeviceLines(lines) {
  const out = [...lines];
  while (out.length > 0) {
    const last = /** @type {string} */ (out[out.length - 1]).trim();
    if (last === '' || DEVICE_LINE.some((pattern) => pattern.test(last))) out.pop();
    else break;
  }
  return out;
}
