// @ts-check
import { h } from './dom.mjs';

/** What a reply may send, as the server keeps it (it decides the type again from the bytes). */
const TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/heic', 'image/heif', 'application/pdf'];
const MAX_FILES = 5;
const MAX_MB = 20;

/**
 * @typedef {{ sha256: string, type: string, size: number, width?: number, height?: number }} KeptFile
 * @typedef {(file: File) => Promise<KeptFile>} Upload
 *   Sends one file to the complaint; rejects with the server's sentence.
 */

/** A file's size as an agent reads it. @param {number} bytes */
export const fileSize = (bytes) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/**
 * "Attach files" under the reply box: a real file input with its label, each file picked sent
 * at once (so the reply only names files already kept), listed with its name, its size and a
 * button that removes it. A file refused (type, size, how many, or by the server) says why
 * beside the control, and the others stay.
 * @param {Upload} upload
 * @returns {{ element: HTMLElement, hashes: () => string[], busy: () => boolean, clear: () => void }}
 */
export function replyFiles(upload) {
  /** @type {{ name: string, file: KeptFile }[]} */
  const picked = [];
  let sending = 0;
  const input = /** @type {HTMLInputElement} */ (h('input', { type: 'file', id: 'reply-files-input', multiple: true, accept: TYPES.join(','), 'aria-describedby': 'reply-files-hint reply-files-error' }));
  const hint = h('span', { id: 'reply-files-hint', class: 'reply-delivery' }, `Photos or PDFs, at most ${MAX_FILES} files of ${MAX_MB} MB each; the visitor opens them from their thread.`);
  const error = h('span', { id: 'reply-files-error', class: 'error field-error', role: 'alert' });
  const list = h('ul', { class: 'files', id: 'reply-files', 'aria-label': 'Files sent with the reply' });

  const draw = () => {
    list.replaceChildren(
      ...picked.map((entry) =>
        h('li', { class: 'file' }, `${entry.name} · ${fileSize(entry.file.size)} `,
          h('button', { type: 'button', 'aria-label': `Remove ${entry.name}`, onclick: () => {
            picked.splice(picked.indexOf(entry), 1);
            draw();
            input.focus();
          } }, 'Remove'))),
    );
  };

  input.addEventListener('change', async () => {
    const files = [...(input.files ?? [])];
    input.value = '';
    /** @type {string[]} */
    const refused = [];
    for (const file of files) {
      if (picked.length + sending >= MAX_FILES) refused.push(`${file.name} is not attached: a reply may send at most ${MAX_FILES} files.`);
      else if (!TYPES.includes(file.type)) refused.push(`${file.name} is not attached: only photos (JPEG, PNG, WebP, GIF, HEIC) and PDFs can be sent.`);
      else if (file.size > MAX_MB * 1024 * 1024) refused.push(`${file.name} is not attached: a file may be at most ${MAX_MB} MB.`);
      else if (file.size === 0) refused.push(`${file.name} is not attached: it is empty.`);
      else {
        sending += 1;
        try {
          const kept = await upload(file);
          if (!picked.some((entry) => entry.file.sha256 === kept.sha256)) picked.push({ name: file.name, file: kept });
        } catch (failure) {
          refused.push(`${file.name} is not attached. ${failure instanceof Error ? failure.message : String(failure)}`);
        } finally {
          sending -= 1;
        }
        draw();
      }
    }
    error.textContent = refused.join(' ');
  });

  const element = h('div', { class: 'reply-files' },
    h('p', {}, h('label', { for: 'reply-files-input' }, 'Attach files'), ' ', input, ' ', hint, error),
    list,
  );
  return {
    element,
    hashes: () => picked.map((entry) => entry.file.sha256),
    busy: () => sending > 0,
    // Once the reply is sent, the next one starts with none.
    clear: () => {
      picked.length = 0;
      error.textContent = '';
      draw();
    },
  };
}
