import { type ReactNode, useEffect, useRef, useState } from "react";

const FALLBACK_WIDTH = 640;

/** The width available to a chart (ResizeObserver when the browser has it; a fixed width otherwise, e.g. in tests). */
function useContainerWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(FALLBACK_WIDTH);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      if (w && w > 0) setWidth(Math.floor(w));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

/**
 * A chart with its caption. Charts are pictures of a table shown next to them: `aria-hidden` keeps screen readers
 * on the table, which holds the same figures.
 */
export function ChartFrame({ caption, height = 280, children }: { caption: string; height?: number; children: (size: { width: number; height: number }) => ReactNode }) {
  const { ref, width } = useContainerWidth();
  return (
    <figure className="dashboard-chart">
      <div ref={ref} className="dashboard-chart__canvas" aria-hidden="true">
        {children({ width, height })}
      </div>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
