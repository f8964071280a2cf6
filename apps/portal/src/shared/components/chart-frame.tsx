import type { ReactNode } from "react";
import { useContainerWidth } from "../hooks/use-container-width";

/**
 * A chart with its caption (`block` names the CSS block: `<block>` and `<block>__canvas`). Charts are pictures of a
 * table shown next to them: `aria-hidden` keeps screen readers on the table, which holds the same figures.
 */
export function ChartFrame({
  block,
  caption,
  note,
  height = 280,
  children,
}: {
  block: string;
  caption: string;
  note?: ReactNode;
  height?: number;
  children: (size: { width: number; height: number }) => ReactNode;
}) {
  const { ref, width } = useContainerWidth();
  return (
    <figure className={block}>
      <div ref={ref} className={`${block}__canvas`} aria-hidden="true">
        {children({ width, height })}
      </div>
      <figcaption>
        {caption}
        {note !== undefined && <span className={`${block}__note`}>{note}</span>}
      </figcaption>
    </figure>
  );
}
