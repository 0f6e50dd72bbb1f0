import { inputClass } from "@/components/ui/field";

export type OrgOption = { id: string; name: string; depth: number };

/** An organization picker that shows the tree by indentation. */
export function OrgSelect({
  options,
  name,
  defaultValue,
  placeholder,
  fieldProps,
}: {
  options: OrgOption[];
  name: string;
  defaultValue?: string;
  placeholder: string;
  fieldProps: Record<string, unknown>;
}) {
  return (
    <select {...fieldProps} name={name} defaultValue={defaultValue} className={inputClass}>
      <option value="">{placeholder}</option>
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {"\u3000".repeat(o.depth)}
          {o.name}
        </option>
      ))}
    </select>
  );
}
