/**
 * Number formatting through formatters made once per locale and precision: constructing an
 * Intl.NumberFormat sets up ICU number formatting (tens of microseconds), and a dashboard or
 * ratings page formats thousands of figures.
 */
const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(
  locale: string,
  maximumFractionDigits: number | undefined,
): Intl.NumberFormat {
  const key = `${locale}|${maximumFractionDigits ?? ""}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(
      locale,
      maximumFractionDigits === undefined ? undefined : { maximumFractionDigits },
    );
    formatters.set(key, formatter);
  }
  return formatter;
}

/** `value` in the locale's digits and grouping, with at most `maximumFractionDigits` decimals (the locale's default when omitted). */
export function formatDecimal(
  value: number,
  locale: string,
  maximumFractionDigits?: number,
): string {
  return formatterFor(locale, maximumFractionDigits).format(value);
}
