import { useRef, type KeyboardEvent, type ReactNode } from 'react';

/**
 * Tabs as in the WAI-ARIA pattern: one tab stop for the list, arrow keys (and Home/End) move
 * between the tabs and show the one they land on. The active tab lives in the URL (the caller's
 * `onSelect`), so a tab can be linked to and reloaded.
 */
export function TabList<K extends string>({
  idPrefix,
  label,
  tabs,
  active,
  onSelect,
}: {
  idPrefix: string;
  label: string;
  tabs: readonly { key: K; label: string }[];
  active: K;
  onSelect: (key: K) => void;
}) {
  const refs = useRef(new Map<K, HTMLButtonElement>());

  const move = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    let next: number | null = null;
    if (event.key === 'ArrowRight') next = (index + 1) % tabs.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    if (next === null) return;
    event.preventDefault();
    const tab = tabs[next];
    if (!tab) return;
    onSelect(tab.key);
    refs.current.get(tab.key)?.focus();
  };

  return (
    <div role="tablist" aria-label={label} className="rf-tabs">
      {tabs.map((tab, index) => {
        const selected = tab.key === active;
        return (
          <button
            key={tab.key}
            ref={(element) => {
              if (element) refs.current.set(tab.key, element);
              else refs.current.delete(tab.key);
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${tab.key}`}
            aria-selected={selected}
            aria-controls={selected ? `${idPrefix}-panel-${tab.key}` : undefined}
            tabIndex={selected ? 0 : -1}
            className={`rf-tabs__tab${selected ? ' rf-tabs__tab--active' : ''}`}
            onClick={() => onSelect(tab.key)}
            onKeyDown={(event) => move(event, index)}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}

export function TabPanel({ idPrefix, tab, children }: { idPrefix: string; tab: string; children: ReactNode }) {
  return (
    <div role="tabpanel" id={`${idPrefix}-panel-${tab}`} aria-labelledby={`${idPrefix}-tab-${tab}`} className="rf-tabpanel">
      {children}
    </div>
  );
}
