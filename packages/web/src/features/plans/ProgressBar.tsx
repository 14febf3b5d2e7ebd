import type { Progress } from '@rusfag/core';
import { useI18n } from '../../app/i18n';
import { PROGRESS_ORDER, categoryLabel } from './model';

/**
 * Progress of a plan, goal or strategy: a bar with one part per status category, and the numbers
 * beside it as text. The bar only repeats the numbers (it is hidden from screen readers), so no
 * information depends on colour. `compact` lists only the categories that have measures.
 */
export function ProgressBar({ progress, label, compact = false }: { progress: Progress; label: string; compact?: boolean }) {
  const { t, tp, formatNumber } = useI18n();
  const total = progress.total;
  const shown = compact ? PROGRESS_ORDER.filter((key) => progress[key] > 0) : PROGRESS_ORDER;
  return (
    <div className={`rf-progress${compact ? ' rf-progress--compact' : ''}`}>
      <div className="rf-progress__bar" aria-hidden="true">
        {total > 0 &&
          PROGRESS_ORDER.filter((key) => progress[key] > 0).map((key) => (
            <span key={key} className={`rf-progress__part rf-progress__part--${key}`} style={{ width: `${(progress[key] / total) * 100}%` }} />
          ))}
      </div>
      {total === 0 ? (
        <p className="rf-progress__empty">{t('plans.progress.noMeasures')}</p>
      ) : (
        <ul className="rf-progress__legend" aria-label={label}>
          {shown.map((key) => (
            <li key={key}>
              <span className={`rf-progress__swatch rf-progress__part--${key}`} aria-hidden="true" />
              {categoryLabel(t, key)}: <strong>{formatNumber(progress[key])}</strong>
            </li>
          ))}
          <li className="rf-progress__total">{tp('plans.progress.total', total)}</li>
        </ul>
      )}
    </div>
  );
}
