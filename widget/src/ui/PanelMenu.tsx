import { useEffect, useRef, useState } from 'preact/hooks';
import { loadEraseView } from './EraseSlot';
import { useWidget } from './widgetContext';

/** Where the visitor is in erasing their data; `null` when they are not. */
export type EraseStep = 'confirm' | 'pending' | 'waiting' | 'done' | null;

/**
 * The panel's menu: a disclosure button beside Close that shows "Delete my data on this
 * device". Escape closes the menu (not the panel) and returns focus to its button.
 */
export function PanelMenu() {
  const { t, idPrefix, eraseStep } = useWidget();
  const [open, setOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const itemRef = useRef<HTMLButtonElement>(null);
  const menuId = `${idPrefix}-menu`;
  useEffect(() => {
    if (open) itemRef.current?.focus();
  }, [open]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    event.preventDefault();
    event.stopPropagation();
    setOpen(false);
    toggleRef.current?.focus();
  };

  return (
    <div class="heard-menu" onKeyDown={onKeyDown}>
      <button
        ref={toggleRef}
        type="button"
        class="heard-icon-button"
        aria-label={t('ui.menu')}
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => {
          // Fetch the erase view while the visitor reads the menu (failures are retried on use).
          if (!open) loadEraseView().catch(() => undefined);
          setOpen(!open);
        }}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M12 8a2 2 0 1 0 0-4 2 2 0 0 0 0 4Zm0 6a2 2 0 1 0 0-4 2 2 0 0 0 0 4Zm0 6a2 2 0 1 0 0-4 2 2 0 0 0 0 4Z" />
        </svg>
      </button>
      <div id={menuId} class="heard-menu-list" hidden={!open}>
        <button
          ref={itemRef}
          type="button"
          class="heard-button heard-secondary heard-person"
          onClick={() => {
            setOpen(false);
            eraseStep.value = 'confirm';
          }}
        >
          {t('ui.erase')}
        </button>
      </div>
    </div>
  );
}
