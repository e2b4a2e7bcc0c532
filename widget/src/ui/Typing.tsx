/**
 * Three dots while the bot "types". Purely visual (`aria-hidden`): the lines themselves are
 * already in the live region, so screen readers hear them without waiting for this.
 */
export function Typing() {
  return (
    <div class="heard-typing" aria-hidden="true">
      <span class="heard-dot" />
      <span class="heard-dot" />
      <span class="heard-dot" />
    </div>
  );
}
