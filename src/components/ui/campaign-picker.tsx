/**
 * A GET form that picks one campaign of a page (`?campaign=<id>`); shown only when there is more
 * than one to choose from.
 */
export function CampaignPicker({
  campaigns,
  selectedId,
  label,
  submitLabel,
}: {
  campaigns: ReadonlyArray<{ id: string; name: string }>;
  selectedId: string | undefined;
  label: string;
  submitLabel: string;
}) {
  if (campaigns.length <= 1) return null;
  return (
    <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
      <label className="grid gap-1 text-sm">
        {label}
        <select
          name="campaign"
          defaultValue={selectedId}
          className="min-h-11 rounded-md border border-stone-300 bg-white px-2"
        >
          {campaigns.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="min-h-11 rounded-md bg-red-800 px-4 text-sm text-white">
        {submitLabel}
      </button>
    </form>
  );
}
