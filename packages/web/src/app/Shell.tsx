import { useEffect } from 'react';
import { Link, NavLink, Navigate, Outlet, useLocation } from 'react-router-dom';
import osloLogo from '@oslokommune/punkt-assets/dist/logos/oslologo.svg';
import { useAuth } from './auth';
import { useI18n } from './i18n';
import { Icon } from './Icon';
import { Loading, focusPageHeading } from './page';
import { SessionWatch } from './SessionWatch';

/** Set after the first page: from then on every new path moves focus (also across shells). */
let firstPageShown = false;

/** Moves focus to the new page's h1 when the path changes (not on the first load, not for ?query changes). */
function useFocusOnNavigation() {
  const { pathname } = useLocation();
  useEffect(() => {
    if (!firstPageShown) {
      firstPageShown = true;
      return;
    }
    focusPageHeading();
  }, [pathname]);
}

function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  const next = language === 'nb' ? 'en' : 'nb';
  return (
    <button type="button" className="pkt-btn pkt-btn--tertiary pkt-btn--small pkt-btn--icon-left rf-header__button" onClick={() => setLanguage(next)}>
      <Icon name="language" className="pkt-btn__icon" />
      <span className="pkt-btn__text" lang={next}>
        {t('header.switchLanguage')}
      </span>
    </button>
  );
}

function Header({ withUser, innsyn = false }: { withUser: boolean; innsyn?: boolean }) {
  const { me, logout } = useAuth();
  const { t } = useI18n();
  const home = me?.user.homeUnit;
  return (
    <header className="rf-header">
      <div className="rf-header__bar pkt-container">
        <Link to={innsyn ? '/innsyn/planer' : '/'} className="rf-header__brand">
          <img src={osloLogo} alt={t('header.logoAlt')} className="rf-header__logo" width="60" height="31" />
          <span className="rf-header__service">{t('app.name')}</span>
        </Link>
        <div className="rf-header__tools">
          {withUser && me && home && (
            <p className="rf-header__user">
              <Icon name="user" className="rf-header__user-icon" />
              <span>
                <span className="pkt-sr-only">{t('header.loggedInAs')} </span>
                <span className="rf-header__user-name">{me.user.displayName}</span>
                <span className="rf-header__user-unit">
                  {home.districtName && home.districtName !== home.name ? `${home.name}, ${home.districtName}` : home.name}
                </span>
              </span>
            </p>
          )}
          {innsyn && (
            <a href="#hjelp" className="rf-header__help">
              <Icon name="mobile-phone" className="rf-header__help-icon" />
              {t('help.jump')}
            </a>
          )}
          <LanguageSwitch />
          {innsyn && (
            <Link to={me ? '/' : '/logg-inn'} className="pkt-btn pkt-btn--secondary pkt-btn--small rf-header__button">
              <span className="pkt-btn__text">{me ? t('innsyn.toApp') : t('innsyn.login')}</span>
            </Link>
          )}
          {withUser && me && (
            <button type="button" className="pkt-btn pkt-btn--secondary pkt-btn--small pkt-btn--icon-left rf-header__button" onClick={() => void logout()}>
              <Icon name="exit" className="pkt-btn__icon" />
              <span className="pkt-btn__text">{t('header.logout')}</span>
            </button>
          )}
        </div>
      </div>
      {withUser && me && <MainNav />}
    </header>
  );
}

function MainNav() {
  const { can } = useAuth();
  const { t } = useI18n();
  const links: { to: string; label: string; show: boolean; end?: boolean }[] = [
    { to: '/', label: t('nav.start'), show: true, end: true },
    { to: '/planer', label: t('nav.plans'), show: can('plan.read') },
    { to: '/tjenesteoversikt', label: t('nav.directory'), show: can('directory.read') },
    { to: '/admin/brukere', label: t('nav.users'), show: can('user.list') },
    { to: '/organisasjon', label: t('nav.organization'), show: true },
    { to: '/tilgangslogg', label: t('nav.audit'), show: can('audit.search') },
    { to: '/profil', label: t('nav.profile'), show: true },
  ];
  return (
    <nav aria-label={t('nav.label')} className="rf-nav">
      <ul className="rf-nav__list pkt-container">
        {links
          .filter((link) => link.show)
          .map((link) => (
            <li key={link.to}>
              <NavLink to={link.to} end={link.end ?? false} className="rf-nav__link">
                {link.label}
              </NavLink>
            </li>
          ))}
      </ul>
    </nav>
  );
}

function Footer() {
  const { t } = useI18n();
  return (
    <footer className="rf-footer">
      <div className="pkt-container rf-footer__inner">
        <p>{t('footer.text')}</p>
      </div>
    </footer>
  );
}

/** Skip link, header, main landmark and footer: the frame of every page. */
function Frame({ withUser, innsyn = false }: { withUser: boolean; innsyn?: boolean }) {
  const { t } = useI18n();
  useFocusOnNavigation();
  return (
    <>
      <a className="rf-skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Header withUser={withUser} innsyn={innsyn} />
      <main id="main" tabIndex={-1} className="rf-main pkt-container">
        <Outlet />
        {innsyn && <HelpNow />}
      </main>
      <Footer />
    </>
  );
}

/** "Trenger du hjelp nå?": on every public page, with numbers that can be called from a phone. */
function HelpNow() {
  const { t } = useI18n();
  return (
    <aside id="hjelp" className="rf-help" aria-labelledby="hjelp-heading" tabIndex={-1}>
      <h2 id="hjelp-heading" className="rf-h2">
        {t('help.title')}
      </h2>
      <ul className="rf-help__list">
        <li>
          <span className="rf-help__what">{t('help.emergency')}</span>
          <a href="tel:113" className="rf-help__number">
            113
          </a>
        </li>
        <li>
          <span className="rf-help__what">{t('help.legevakt')}</span>
          <a href="tel:116117" className="rf-help__number">
            116 117
          </a>
        </li>
        <li>
          <span className="rf-help__what">{t('help.rustelefonen')}</span>
          <a href="tel:08588" className="rf-help__number">
            08588
          </a>
          <span className="rf-help__note">{t('help.rustelefonenNote')}</span>
        </li>
      </ul>
    </aside>
  );
}

/** Pages for logged-in users; anyone else goes to the login page and comes back afterwards. */
export function AuthenticatedShell() {
  const { state } = useAuth();
  const location = useLocation();
  const { t } = useI18n();
  if (state.status === 'loading') {
    return (
      <main id="main" className="rf-main pkt-container">
        <Loading label={t('app.starting')} />
      </main>
    );
  }
  if (state.status === 'unavailable') {
    return (
      <main id="main" className="rf-main pkt-container">
        <h1 className="rf-h1">{t('app.unavailableTitle')}</h1>
        <p>{state.message}</p>
        <button type="button" className="pkt-btn pkt-btn--primary" onClick={() => window.location.reload()}>
          <span className="pkt-btn__text">{t('common.retry')}</span>
        </button>
      </main>
    );
  }
  if (state.status === 'anonymous') {
    const back = `${location.pathname}${location.search}`;
    const query = state.reason === 'loggedOut' || back === '/' ? '' : `?neste=${encodeURIComponent(back)}`;
    return <Navigate to={`/logg-inn${query}`} replace state={{ reason: state.reason }} />;
  }
  return (
    <>
      <Frame withUser />
      <SessionWatch me={state.me} />
    </>
  );
}

/** Login and other pages that need no session. */
export function PublicShell() {
  return <Frame withUser={false} />;
}

/**
 * Public pages (innsyn): no login needed and never a redirect to the login page. The header has
 * the language switch and a way to log in; every page ends with "Trenger du hjelp nå?".
 */
export function InnsynShell() {
  return <Frame withUser={false} innsyn />;
}

/** Pages anyone may see (the 404 page): with the user's header when logged in. */
export function OpenShell() {
  const { state } = useAuth();
  if (state.status === 'loading') return null;
  if (state.status === 'authenticated') {
    return (
      <>
        <Frame withUser />
        <SessionWatch me={state.me} />
      </>
    );
  }
  return <Frame withUser={false} />;
}
