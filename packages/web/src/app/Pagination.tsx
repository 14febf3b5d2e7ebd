import { Link, useSearchParams } from 'react-router-dom';
import { useI18n } from './i18n';
import { Icon } from './Icon';

/** The page number lives in the URL (?side=2), like the filters, so a page can be shared and reloaded. */
export const PAGE_PARAM = 'side';

export function currentPage(params: URLSearchParams): number {
  const page = Number(params.get(PAGE_PARAM));
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

export function Pagination({ total, pageSize, label }: { total: number; pageSize: number; label: string }) {
  const { t, formatNumber } = useI18n();
  const [params] = useSearchParams();
  const page = currentPage(params);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (total === 0) return null;
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const linkTo = (target: number) => {
    const next = new URLSearchParams(params);
    if (target <= 1) next.delete(PAGE_PARAM);
    else next.set(PAGE_PARAM, String(target));
    const text = next.toString();
    return text ? `?${text}` : '?';
  };
  return (
    <nav className="rf-pagination" aria-label={label}>
      <p className="rf-pagination__status">
        {t('pagination.showing', { first: formatNumber(first), last: formatNumber(last), total: formatNumber(total) })}
      </p>
      {pages > 1 && (
        <ul className="rf-pagination__links">
          <li>
            {page > 1 ? (
              <Link to={linkTo(page - 1)} className="pkt-link pkt-link--icon-left">
                <Icon name="chevron-thin-left" className="pkt-link__icon" />
                {t('pagination.previous')}
              </Link>
            ) : null}
          </li>
          <li>
            <span>{t('pagination.page', { page: formatNumber(page), pages: formatNumber(pages) })}</span>
          </li>
          <li>
            {page < pages ? (
              <Link to={linkTo(page + 1)} className="pkt-link pkt-link--icon-right">
                {t('pagination.next')}
                <Icon name="chevron-thin-right" className="pkt-link__icon" />
              </Link>
            ) : null}
          </li>
        </ul>
      )}
    </nav>
  );
}
