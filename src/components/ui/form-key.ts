const keys = new WeakMap<object, number>();
let nextKey = 1;

/**
 * A key that changes with every new action result. React resets a form after its action runs,
 * and a <select>'s default is fixed when it mounts, so after a failed submit a select would fall
 * back to its first default instead of what the user chose. Keying the form on the result remounts
 * it with the echoed values as defaults.
 */
export function formKey(state: object | undefined | null): number {
  if (!state) return 0;
  let key = keys.get(state);
  if (key === undefined) {
    key = nextKey++;
    keys.set(state, key);
  }
  return key;
}
