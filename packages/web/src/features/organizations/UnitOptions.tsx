import { unitLabel, type UnitIndex } from './units';

/**
 * <option>s for a unit picker, in tree order and indented by depth. Each option names its
 * district as well, since "Rusteamet" exists in several. Inactive units cannot be chosen.
 */
export function UnitOptions({ index, allowed }: { index: UnitIndex; allowed?: ReadonlySet<string> }) {
  const units = index.ordered.filter((unit) => unit.active && (!allowed || allowed.has(unit.id)));
  const minDepth = Math.min(...units.map((unit) => unit.depth));
  return (
    <>
      {units.map((unit) => (
        <option key={unit.id} value={unit.id}>
          {'\u00a0\u00a0\u00a0'.repeat(Math.max(0, unit.depth - minDepth))}
          {unitLabel(index, unit.id)}
        </option>
      ))}
    </>
  );
}
