import type { ComponentChildren } from 'preact';
import { navigate } from '../lib/router.ts';

/** A real link (it opens in a new tab, it can be copied) that navigates inside the app on a plain click. */
export function Link(props: { href: string; children: ComponentChildren; class?: string }) {
  const onClick = (e: MouseEvent) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(props.href);
  };
  return <a href={props.href} class={props.class} onClick={onClick}>{props.children}</a>;
}
