import { useEffect, useRef } from 'react';

/** The screen's title, focused when the screen opens so that a screen reader starts there. */
export function ScreenTitle({ children }: { children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
