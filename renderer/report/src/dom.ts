/** Tiny DOM helpers: every value goes in as text (names and titles are user input). */

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

export interface Column<R> {
  label: string;
  value(row: R): string;
  /** Right-aligned (numbers). */
  num?: boolean;
}

/** A table with a caption; an empty one says so instead of showing a bare header. */
export function table<R>(id: string, caption: string, columns: Array<Column<R>>, rows: R[]): HTMLElement {
  const head = el(
    'tr',
    {},
    ...columns.map((c) => el('th', { scope: 'col', class: c.num ? 'num' : '' }, c.label)),
  );
  const body = rows.length
    ? rows.map((r) =>
        el('tr', {}, ...columns.map((c) => el('td', { class: c.num ? 'num' : '' }, c.value(r)))),
      )
    : [el('tr', {}, el('td', { colspan: String(columns.length), class: 'muted' }, 'Nothing recorded.'))];
  return el(
    'section',
    { class: 'block', id },
    el('table', {}, el('caption', {}, caption), el('thead', {}, head), el('tbody', {}, ...body)),
  );
}

export function section(id: string, title: string, ...children: Node[]): HTMLElement {
  return el('section', { class: 'block', id }, el('h2', {}, title), ...children);
}
