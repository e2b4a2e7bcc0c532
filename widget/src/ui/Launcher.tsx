import type { RefObject } from 'preact';
import { useAvoidFocused } from './avoidFocused';
import { LAUNCHER_ICON_PATH, LAUNCHER_ICON_VIEWBOX } from './launcherStyles';
import { useWidget } from './widgetContext';

interface Props {
  buttonRef: RefObject<HTMLButtonElement>;
  open: boolean;
  position: 'bottom-right' | 'bottom-left';
  /** The panel's id, once the panel exists. */
  panelId?: string;
  onClick(): void;
}

/** The bubble: same markup and CSS as the loader's, so the swap is invisible. */
export function Launcher({ buttonRef, open, position, panelId, onClick }: Props) {
  const { t, locale, thread } = useWidget();
  const unread = thread?.unread.value;
  const avoid = useAvoidFocused(buttonRef, !open);
  return (
    <button
      ref={buttonRef}
      type="button"
      class="heard-launcher"
      part="launcher"
      data-position={position}
      data-avoid={avoid ? 'true' : undefined}
      lang={locale}
      aria-label={unread?.label ?? t('ui.launcher')}
      aria-expanded={open}
      aria-controls={panelId}
      onClick={onClick}
    >
      <svg viewBox={LAUNCHER_ICON_VIEWBOX} aria-hidden="true" focusable="false">
        <path d={LAUNCHER_ICON_PATH} />
      </svg>
      {unread && (
        <span class="heard-badge" aria-hidden="true">
          {unread.count}
        </span>
      )}
    </button>
  );
}
