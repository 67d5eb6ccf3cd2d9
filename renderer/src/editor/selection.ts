/** What the editor pane shows; the list on the left sets it. */
export type Selection =
  | { kind: 'new-show' }
  | { kind: 'show'; id: number }
  | { kind: 'new-drop'; showId: number | null }
  | { kind: 'drop'; id: number; notice?: Notice };

/** What the form that just closed has to tell the one that opens (a new drop becomes an edit). */
export interface Notice {
  tone: 'ok' | 'error';
  text: string;
}

export const isSelected = (a: Selection, b: Selection): boolean =>
  a.kind === b.kind && ('id' in a && 'id' in b ? a.id === b.id : !('id' in a) && !('id' in b));
