"use client";
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

export type BarDatum = { name: string; value: number };

/**
 * Horizontal bars, one per row (organizations by share met, record types by count). A picture
 * for the eye (role="img" with a summary label); the table beside it carries the data.
 */
export function HorizontalBarChart({
  data,
  label,
  unit,
  max,
  color = "#991b1b",
}: {
  data: BarDatum[];
  label: string;
  unit?: string;
  max?: number;
  color?: string;
}) {
  const height = Math.max(120, data.length * 30 + 40);
  return (
    <div role="img" aria-label={label} className="w-full max-w-3xl" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height }}>
        <BarChart
          data={data}
          layout="vertical"
          margin={{ top: 4, right: 48, bottom: 4, left: 8 }}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke="#e7e5e4" strokeDasharray="3 3" horizontal={false} />
          <XAxis
            type="number"
            domain={[0, max ?? "auto"]}
            unit={unit}
            tick={{ fontSize: 12, fill: "#44403c" }}
          />
          <YAxis
            type="category"
            dataKey="name"
            width={168}
            tick={{ fontSize: 12, fill: "#292524" }}
            interval={0}
          />
          <Tooltip
            formatter={(v) => (typeof v === "number" ? `${v}${unit ?? ""}` : String(v ?? ""))}
          />
          <Bar dataKey="value" fill={color} isAnimationActive={false} barSize={18}>
            <LabelList
              dataKey="value"
              position="right"
              formatter={(v: unknown) => (typeof v === "number" ? `${v}${unit ?? ""}` : "")}
              style={{ fontSize: 12, fill: "#292524" }}
            />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
