/**
 * Another screen (the calendar) asks the editor to open a drop. Both live in the same page, so the
 * request is a value handed over when the editor mounts, not a URL: the shell's routes are screens.
 */
let pendingDropId: number | null = null;

export function openDropInEditor(dropId: number): void {
  pendingDropId = dropId;
}

/** The drop another screen asked for, once (a later visit to the editor starts fresh). */
export function takeRequestedDrop(): number | null {
  const id = pendingDropId;
  pendingDropId = null;
  return id;
}
