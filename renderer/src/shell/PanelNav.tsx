import { viewsFor, type PanelRole, type PanelViewId } from './views';

interface Props {
  role: PanelRole;
  current: PanelViewId;
  onOpen: (id: PanelViewId) => void;
}

/** Real links (keyboard, middle-click, screen readers announce the current page). */
export function PanelNav({ role, current, onOpen }: Props) {
  return (
    <nav className="panel-nav" aria-label="Screens">
      {viewsFor(role).map((v) => (
        <a
          key={v.id}
          href={`#/${v.id}`}
          className="panel-nav__link"
          aria-current={v.id === current ? 'page' : undefined}
          onClick={(e) => {
            e.preventDefault();
            onOpen(v.id);
          }}
        >
          {v.label}
        </a>
      ))}
    </nav>
  );
}
