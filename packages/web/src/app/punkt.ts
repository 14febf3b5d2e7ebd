/**
 * Punkt's <pkt-icon> fetches `${window.pktIconPath}${name}.svg` through `window.pktFetch`, and
 * defaults to Punkt's CDN, which our CSP (connect-src 'self') refuses. The icons we use are
 * bundled here from @oslokommune/punkt-assets and served from memory by our own pktFetch, so no
 * request leaves the page. This module must be imported before @oslokommune/punkt-react.
 */
import alertError from '@oslokommune/punkt-assets/dist/icons/alert-error.svg?raw';
import alertInformation from '@oslokommune/punkt-assets/dist/icons/alert-information.svg?raw';
import alertSuccess from '@oslokommune/punkt-assets/dist/icons/alert-success.svg?raw';
import alertWarning from '@oslokommune/punkt-assets/dist/icons/alert-warning.svg?raw';
import calendar from '@oslokommune/punkt-assets/dist/icons/calendar.svg?raw';
import checkMedium from '@oslokommune/punkt-assets/dist/icons/check-medium.svg?raw';
import chevronThinDown from '@oslokommune/punkt-assets/dist/icons/chevron-thin-down.svg?raw';
import chevronThinLeft from '@oslokommune/punkt-assets/dist/icons/chevron-thin-left.svg?raw';
import chevronThinRight from '@oslokommune/punkt-assets/dist/icons/chevron-thin-right.svg?raw';
import chevronThinUp from '@oslokommune/punkt-assets/dist/icons/chevron-thin-up.svg?raw';
import clockHistory from '@oslokommune/punkt-assets/dist/icons/clock-history.svg?raw';
import close from '@oslokommune/punkt-assets/dist/icons/close.svg?raw';
import documentText from '@oslokommune/punkt-assets/dist/icons/document-text.svg?raw';
import download from '@oslokommune/punkt-assets/dist/icons/download.svg?raw';
import edit from '@oslokommune/punkt-assets/dist/icons/edit.svg?raw';
import exit from '@oslokommune/punkt-assets/dist/icons/exit.svg?raw';
import language from '@oslokommune/punkt-assets/dist/icons/language.svg?raw';
import lockLocked from '@oslokommune/punkt-assets/dist/icons/lock-locked.svg?raw';
import magnifyingGlassBig from '@oslokommune/punkt-assets/dist/icons/magnifying-glass-big.svg?raw';
import mobilePhone from '@oslokommune/punkt-assets/dist/icons/mobile-phone.svg?raw';
import plusSign from '@oslokommune/punkt-assets/dist/icons/plus-sign.svg?raw';
import print from '@oslokommune/punkt-assets/dist/icons/print.svg?raw';
import privacy from '@oslokommune/punkt-assets/dist/icons/privacy.svg?raw';
import sort from '@oslokommune/punkt-assets/dist/icons/sort.svg?raw';
import trashCan from '@oslokommune/punkt-assets/dist/icons/trash-can.svg?raw';
import user from '@oslokommune/punkt-assets/dist/icons/user.svg?raw';

const ICONS: Record<string, string> = {
  'alert-error': alertError,
  'alert-information': alertInformation,
  'alert-success': alertSuccess,
  'alert-warning': alertWarning,
  calendar,
  'check-medium': checkMedium,
  'chevron-thin-down': chevronThinDown,
  'chevron-thin-left': chevronThinLeft,
  'chevron-thin-right': chevronThinRight,
  'chevron-thin-up': chevronThinUp,
  'clock-history': clockHistory,
  close,
  'document-text': documentText,
  download,
  edit,
  exit,
  language,
  'lock-locked': lockLocked,
  'magnifying-glass-big': magnifyingGlassBig,
  'mobile-phone': mobilePhone,
  'plus-sign': plusSign,
  print,
  privacy,
  sort,
  'trash-can': trashCan,
  user,
};

export type IconName = keyof typeof ICONS;

/** Not fetched from: a local prefix so the icon cache keys never name the CDN. */
const ICON_PATH = '/punkt-icons/';

declare global {
  interface Window {
    pktIconPath?: string;
    pktAnimationPath?: string;
    pktFetch?: (url: string) => Promise<Response>;
  }
}

window.pktIconPath = ICON_PATH;
// Loader animations are not bundled; nothing of ours uses them, and they must not hit the CDN.
window.pktAnimationPath = '/punkt-animations/';
window.pktFetch = (url: string) => {
  const name = url.slice(url.lastIndexOf('/') + 1).replace(/\.svg$/, '');
  const svg = ICONS[name];
  return Promise.resolve(
    svg === undefined
      ? new Response('', { status: 404 })
      : new Response(svg, { status: 200, headers: { 'content-type': 'image/svg+xml' } }),
  );
};
