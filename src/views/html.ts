/**
 * Auto-escaping HTML templates. Every interpolated value is escaped unless it is
 * already `Html` (built by this tag or by `raw`), so a component cannot forget to
 * escape user data: the only way to inject markup is to call `raw` explicitly.
 */
export class Html {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

/** Values a template accepts; false, null and undefined render as nothing. */
export type Renderable =
  Html | string | number | boolean | null | undefined | readonly Renderable[];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for use in element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

function render(value: Renderable): string {
  if (value instanceof Html) return value.value;
  if (value === null || value === undefined || value === false || value === true) return '';
  if (Array.isArray(value)) return value.map((v: Renderable) => render(v)).join('');
  return escapeHtml(String(value));
}

/** Tagged template that escapes every interpolation. */
export function html(strings: TemplateStringsArray, ...values: Renderable[]): Html {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) {
    out += render(values[i]) + (strings[i + 1] ?? '');
  }
  return new Html(out);
}

/** Marks trusted markup (never user data) as safe to insert unescaped. */
export function raw(markup: string): Html {
  return new Html(markup);
}

/** JSON inside a `<script type="application/json">` for a page's script: "<" escaped so no text can close the element. */
export function jsonScript(id: string, value: unknown): Html {
  return raw(
    `<script type="application/json" id="${escapeHtml(id)}">${JSON.stringify(value).replace(/</g, '\\u003c')}</script>`,
  );
}

/** Joins fragments into one. */
export function join(parts: readonly Renderable[], separator: Renderable = ''): Html {
  const sep = render(separator);
  return new Html(parts.map((p) => render(p)).join(sep));
}
