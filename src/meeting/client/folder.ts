// The meeting folder page, enhanced: drag and drop, several files at once with a progress
// bar each, and the file list kept live by a listening WebSocket. Without this script the
// page's plain form and list do the same job, one submit at a time.
import type { FileInfo, ServerMessage } from '../protocol.ts';

type Lang = 'sl' | 'cs' | 'en';
type Config = {
  base: string;
  ws: string;
  upload: string;
  maxFileBytes: number;
  lang: Lang;
  timeZone: string;
  text: Record<string, string>;
};

const config = JSON.parse(
  document.getElementById('folder-config')?.textContent ?? 'null',
) as Config | null;
const LOCALES: Record<Lang, string> = { sl: 'sl-SI', cs: 'cs-CZ', en: 'en-GB' };

function t(key: string, params: Record<string, string | number> = {}): string {
  const text = config?.text[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function size(bytes: number, locale: string): string {
  const [unit, value] =
    bytes < 1024 * 1024
      ? (['kilobyte', Math.max(1, bytes / 1024)] as const)
      : (['megabyte', bytes / 1024 / 1024] as const);
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit,
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}

if (config) start(config);

function start(c: Config): void {
  const locale = LOCALES[c.lang];
  const list = document.getElementById('folder-files');
  const form = document.getElementById('folder-form') as HTMLFormElement | null;
  const input = document.getElementById('file') as HTMLInputElement | null;
  const drop = document.getElementById('folder-drop');
  const progress = document.getElementById('folder-progress');
  if (!list || !form || !input || !drop || !progress) return;

  const errors = el('ul', { class: 'folder-errors' });
  const errorBox = el(
    'div',
    { class: 'error-summary', role: 'alert', tabindex: '-1', hidden: '' },
    errors,
  );
  form.before(errorBox);
  drop.prepend(el('p', { class: 'hint' }, t('folder.drop')));
  drop.classList.add('drop-enhanced');

  function render(files: FileInfo[]): void {
    const clock = new Intl.DateTimeFormat(locale, {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: c.timeZone,
    });
    list!.replaceChildren(
      ...(files.length === 0
        ? [el('li', { class: 'hint' }, t('files.empty'))]
        : files.map((f) => {
            const meta = [
              size(f.size, locale),
              `${f.uploader} (${t(`files.role.${f.uploaderRole}`)})`,
              clock.format(new Date(f.uploadedAt)),
              ...(f.state === 'unscanned' ? [t('files.unscanned')] : []),
            ].join(' · ');
            if (f.state === 'infected') {
              return el(
                'li',
                { class: 'file infected' },
                el('span', { class: 'file-name' }, f.name),
                ' ',
                el('span', { class: 'hint' }, meta),
                el(
                  'p',
                  { class: 'error-message' },
                  t('files.infected', { signature: f.signature ?? '' }),
                ),
              );
            }
            return el(
              'li',
              { class: 'file' },
              el('a', { href: `${c.base}/files/${f.id}`, download: '' }, f.name),
              ' ',
              el('span', { class: 'hint' }, meta),
            );
          })),
    );
  }

  function showErrors(messages: string[]): void {
    errors.replaceChildren(...messages.map((m) => el('li', {}, m)));
    errorBox.hidden = messages.length === 0;
    if (messages.length) errorBox.focus();
  }

  /** Uploads one file with a progress bar; resolves with the server's errors (none on success). */
  function upload(file: File): Promise<string[]> {
    if (file.size > c.maxFileBytes)
      return Promise.resolve([
        t('files.error.too_large', { name: file.name, max: size(c.maxFileBytes, locale) }),
      ]);
    const bar = el('progress', {
      max: '100',
      value: '0',
      'aria-label': t('folder.progress', { name: file.name }),
    });
    const row = el(
      'div',
      { class: 'upload' },
      el('span', {}, t('folder.uploading', { name: file.name })),
      ' ',
      bar,
    );
    progress!.append(row);
    return new Promise((resolve) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', c.upload);
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.upload.addEventListener('progress', (e) => {
        if (e.lengthComputable) bar.value = Math.round((e.loaded / e.total) * 100);
      });
      xhr.addEventListener('load', () => {
        let body: { uploaded?: string[]; errors?: string[] } = {};
        try {
          body = JSON.parse(xhr.responseText) as typeof body;
        } catch {
          body = { errors: [t('folder.failed')] };
        }
        bar.value = 100;
        row.replaceChildren(
          body.errors?.length ? '' : t('folder.done', { name: body.uploaded?.[0] ?? file.name }),
        );
        if (body.errors?.length) row.remove();
        resolve(body.errors ?? []);
      });
      xhr.addEventListener('error', () => {
        row.remove();
        resolve([t('folder.failed')]);
      });
      const data = new FormData();
      data.append('file', file, file.name);
      xhr.send(data);
    });
  }

  async function uploadAll(files: File[]): Promise<void> {
    if (files.length === 0) return showErrors([t('files.error.no_file')]);
    showErrors([]);
    progress!.replaceChildren();
    const problems: string[] = [];
    // One at a time: the folder's limit is checked per file, and a phone's upload is the bottleneck anyway.
    for (const f of files) problems.push(...(await upload(f)));
    showErrors(problems);
    input!.value = '';
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void uploadAll(Array.from(input.files ?? []));
  });
  for (const type of ['dragenter', 'dragover'] as const) {
    drop.addEventListener(type, (e) => {
      e.preventDefault();
      drop.classList.add('dragging');
    });
  }
  drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('dragging');
    void uploadAll(Array.from(e.dataTransfer?.files ?? []));
  });

  function closed(): void {
    form!
      .querySelectorAll('input, button')
      .forEach((x) => ((x as HTMLInputElement).disabled = true));
    list!.replaceChildren(el('li', {}, t('folder.closed')));
    document.getElementById('folder-zip')?.remove();
    progress!.replaceChildren(el('p', { class: 'notice', role: 'status' }, t('folder.closed')));
  }

  let retries = 0;
  function listen(): void {
    const socket = new WebSocket(new URL(c.ws, location.href).href.replace(/^http/, 'ws'));
    socket.addEventListener('open', () => {
      retries = 0;
      document.body.dataset.folderLive = 'yes';
    });
    socket.addEventListener('message', (e) => {
      const m = JSON.parse(String(e.data)) as ServerMessage;
      if (m.type === 'files') render(m.files);
      if (m.type === 'ended') closed();
    });
    socket.addEventListener('close', (e) => {
      document.body.dataset.folderLive = 'no';
      // Closed on purpose (the meeting ended, the folder closed, access withdrawn): stay closed.
      if (e.code === 1000 || e.code === 4410 || e.code === 1008)
        return e.code === 1008 ? undefined : closed();
      window.setTimeout(listen, Math.min(10_000, 500 * 2 ** retries++));
    });
  }
  listen();
}
