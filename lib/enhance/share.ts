/**
 * "Share this page", enhanced (browser module, bundled by scripts/build-modules.ts). The server
 * markup (components/ShareControl.tsx) is a section with the Facebook sharer link, which works
 * without JavaScript, and an empty status line. Here:
 *
 * - where the browser has the Web Share API (phones), a first button opens the system share
 *   sheet (Zalo, Messenger, SMS… whatever the phone has);
 * - after the Facebook link, "Copy link" copies the URL and says so in the status line
 *   (announced to screen readers), with a fallback for browsers without the Clipboard API.
 */

/** Copying without the Clipboard API (older browsers, pages not in a secure context). */
function copyWithSelection(text: string): boolean {
  const focused = document.activeElement as HTMLElement | null;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'share-copy-area';
  document.body.appendChild(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  focused?.focus(); // the keyboard stays where it was
  return ok;
}

function button(label: string, onClick: () => void): HTMLLIElement {
  const li = document.createElement('li');
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'share-button';
  b.textContent = label;
  b.addEventListener('click', onClick);
  li.append(b);
  return li;
}

function enhance(root: HTMLElement) {
  const d = root.dataset;
  const url = d.shareUrl!;
  const list = root.querySelector('ul');
  const status = root.querySelector<HTMLElement>('[role="status"]');
  if (!list || !status) return;

  function say(state: 'copied' | 'failed') {
    status!.className = state === 'failed' ? 'share-failed' : 'share-status';
    status!.textContent = state === 'copied' ? d.labelCopied! : d.labelCopyFailed!;
  }

  async function copy() {
    status!.textContent = ''; // a second copy is announced again
    try {
      if (!navigator.clipboard) throw new Error('no Clipboard API');
      await navigator.clipboard.writeText(url);
      say('copied');
    } catch {
      say(copyWithSelection(url) ? 'copied' : 'failed');
    }
  }

  async function share() {
    try {
      await navigator.share({ title: d.shareTitle, url });
    } catch (e) {
      // Closing the share sheet is not a failure; anything else falls back to copying.
      if (!(e instanceof DOMException && e.name === 'AbortError')) await copy();
    }
  }

  if (typeof navigator.share === 'function') list.prepend(button(d.labelShare!, share));
  list.append(button(d.labelCopy!, copy));
}

for (const root of document.querySelectorAll<HTMLElement>('[data-enhance="share"]')) enhance(root);
