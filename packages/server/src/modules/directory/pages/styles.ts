/**
 * The inline stylesheet of the public directory pages (the page CSP allows inline styles, not
 * inline scripts). Punkt (pkt.min.css) gives fonts, buttons, inputs and tags; this adds the
 * layout, focus, a fallback look for the few things that must be readable even without Punkt,
 * and the print rules. Colours: Oslo dark blue #2a2859 on white (14:1), #595959 muted (7:1).
 */
export const PAGE_CSS = `
:root{--rf-blue:#2a2859;--rf-muted:#595959;--rf-line:#cccccc;--rf-focus:#6e2ce0;--rf-bg-subtle:#f2f2f2;--rf-green:#c7f6c9;--rf-yellow:#fff2c2;--rf-red:#ffdfdc;--rf-light-blue:#e5fcff}
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font-family:OsloSans,Arial,Helvetica,sans-serif;line-height:1.5;color:#2c2c2c;background:#fff;display:flex;flex-direction:column;min-height:100vh}
a{color:var(--rf-blue)}
a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid var(--rf-focus);outline-offset:2px}
.rf-container{width:100%;max-width:75rem;margin:0 auto;padding:0 1rem}
@media (min-width:48rem){.rf-container{padding:0 2rem}}
.rf-skip-link{position:absolute;left:1rem;top:-10rem;z-index:1000;padding:.75rem 1rem;background:#fff;color:var(--rf-blue);font-weight:500;border:2px solid var(--rf-blue)}
.rf-skip-link:focus,.rf-skip-link:focus-visible{top:1rem}
.rf-header{border-bottom:1px solid var(--rf-line);background:#fff}
.rf-header__bar{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:1rem;padding-top:1rem;padding-bottom:1rem}
.rf-header__brand{display:inline-flex;flex-wrap:wrap;align-items:center;gap:.25rem 1rem;color:var(--rf-blue);text-decoration:none}
.rf-header__brand:hover .rf-header__service{text-decoration:underline}
.rf-header__owner{font-weight:500;font-size:1.25rem}
.rf-header__service{font-size:1.25rem;border-left:1px solid var(--rf-blue);padding-left:1rem}
.rf-header__nav ul{list-style:none;margin:0;padding:0;display:flex;gap:1rem}
.rf-help{background:var(--rf-light-blue);border-top:1px solid var(--rf-line);margin:0}
.rf-help p{margin:0;padding:.5rem 0;font-size:.9375rem}
.rf-main{flex:1 0 auto;padding-top:2rem;padding-bottom:4rem}
.rf-main:focus{outline:none}
.rf-h1{font-size:clamp(1.75rem,4vw,2.5rem);font-weight:500;line-height:1.2;margin:0 0 1rem;color:var(--rf-blue)}
.rf-h2{font-size:1.5rem;font-weight:500;line-height:1.25;margin:2rem 0 .75rem;color:var(--rf-blue)}
.rf-h3{font-size:1.1875rem;font-weight:500;line-height:1.3;margin:1.25rem 0 .25rem}
.rf-lead{font-size:1.125rem;max-width:48rem}
.rf-muted{color:var(--rf-muted)}
.rf-text{max-width:48rem}
.rf-text p{margin:0 0 .75rem}
.rf-dir{display:grid;gap:2rem;margin-top:1.5rem}
@media (min-width:64rem){.rf-dir{grid-template-columns:minmax(18rem,22rem) 1fr;align-items:start}.rf-jump{display:none}}
.rf-search{display:flex;flex-direction:column;gap:1.25rem}
.rf-search__row{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end}
.rf-search__row .rf-field{flex:1 1 12rem}
.rf-field{display:flex;flex-direction:column;gap:.25rem;max-width:100%}
.rf-field label,.rf-label{font-weight:500}
.rf-hint{font-size:.875rem;color:var(--rf-muted);margin:0}
.rf-input,.rf-select{font:inherit;min-height:3rem;padding:.5rem .75rem;border:2px solid var(--rf-blue);border-radius:0;background:#fff;color:#2c2c2c;width:100%;max-width:100%}
.rf-fieldset{border:1px solid var(--rf-line);margin:0;padding:.75rem 1rem 1rem;min-width:0}
.rf-legend{font-weight:500;font-size:1.0625rem;padding:0 .25rem}
.rf-checks{display:flex;flex-direction:column;gap:.5rem}
.rf-check{display:flex;align-items:flex-start;gap:.5rem}
.rf-check input{width:1.25rem;height:1.25rem;margin:.15rem 0 0;flex:none;accent-color:var(--rf-blue)}
.rf-check input:focus-visible{outline:3px solid var(--rf-focus);outline-offset:2px}
.rf-actions{display:flex;flex-wrap:wrap;gap:.75rem 1.25rem;align-items:center}
.rf-button{font:inherit;font-weight:500;min-height:3rem;padding:.5rem 1.5rem;border:2px solid var(--rf-blue);background:var(--rf-blue);color:#fff;cursor:pointer}
.rf-button--secondary{background:#fff;color:var(--rf-blue)}
.rf-details summary{cursor:pointer;text-decoration:underline;color:var(--rf-blue)}
.rf-details[open] summary{margin-bottom:.75rem}
.rf-details .rf-field+.rf-field{margin-top:.75rem}
.rf-notes{margin:0 0 1rem;padding:0;list-style:none}
.rf-notes li{border-left:4px solid var(--rf-blue);background:var(--rf-light-blue);padding:.5rem .75rem;margin-bottom:.5rem}
.rf-hits{list-style:none;margin:0;padding:0}
.rf-hit{border-top:1px solid var(--rf-line);padding:1rem 0}
.rf-hit:last-child{border-bottom:1px solid var(--rf-line)}
.rf-hit .rf-h3{margin-top:0}
.rf-hit p{margin:.25rem 0}
.rf-badges{list-style:none;margin:.5rem 0 .75rem;padding:0;display:flex;flex-wrap:wrap;gap:.375rem}
.rf-badge{display:inline-block;border:1px solid var(--rf-line);padding:.0625rem .5rem;font-size:.875rem;line-height:1.5;background:#fff;color:#2c2c2c;border-radius:0}
.rf-badge--open{background:var(--rf-green);border-color:#007b4a}
.rf-badge--closed{background:var(--rf-bg-subtle)}
.rf-badge--warn{background:var(--rf-yellow);border-color:#8a6d00}
.rf-badge--stop{background:var(--rf-red);border-color:#a32a1f}
.rf-empty{border-left:4px solid var(--rf-blue);padding:.25rem 0 .25rem 1.25rem;margin:1.5rem 0;max-width:48rem}
.rf-empty .rf-h2{margin-top:0}
.rf-pagination ul{list-style:none;margin:1.5rem 0 0;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
.rf-pagination a,.rf-pagination span{display:inline-block;min-width:2.75rem;min-height:2.75rem;padding:.5rem .75rem;text-align:center;border:1px solid var(--rf-line)}
.rf-pagination [aria-current=page]{background:var(--rf-blue);color:#fff;border-color:var(--rf-blue);font-weight:500}
.rf-alert{border-left:4px solid var(--rf-blue);background:var(--rf-light-blue);padding:1rem 1.25rem;margin:1rem 0;max-width:48rem}
.rf-alert--warning{border-left-color:#8a6d00;background:var(--rf-yellow)}
.rf-alert--error{border-left-color:#a32a1f;background:var(--rf-red)}
.rf-alert p{margin:0}
.rf-alert p+p{margin-top:.5rem}
.rf-service__org{font-size:1.125rem;margin:0 0 .5rem}
.rf-section{margin-top:2rem;max-width:48rem}
.rf-list{margin:.25rem 0 .75rem;padding-left:1.25rem}
.rf-plain{list-style:none;margin:.25rem 0 .75rem;padding:0}
.rf-plain li{margin-bottom:.25rem}
.rf-location{border-left:4px solid var(--rf-line);padding-left:1rem;margin:1rem 0}
.rf-location p{margin:.25rem 0}
.rf-status-line{font-size:1.125rem;font-weight:500;margin:.25rem 0 .75rem}
.rf-verified{margin-top:2.5rem;padding-top:1rem;border-top:1px solid var(--rf-line)}
.rf-back{margin:0 0 1.5rem}
.rf-print-only{display:none}
.rf-footer{background:var(--rf-blue);color:#fff;margin-top:auto}
.rf-footer__inner{padding-top:1.5rem;padding-bottom:2rem}
.rf-footer h2{font-size:1.25rem;font-weight:500;margin:0 0 .5rem;color:#fff}
.rf-footer p{margin:0 0 .5rem;max-width:48rem}
.rf-footer a{color:#fff}
.rf-footer a:focus-visible{outline-color:#fff}
.rf-unlinked{word-break:break-word}
.rf-sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
/* Punkt draws the select chevron and the check mark from its CDN, which the CSP (img-src 'self' data:) blocks: the same icons inline. */
.rf-search select.pkt-input:not([multiple]){--svg:url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Cpath fill='%232A2859' fill-rule='evenodd' d='M16 19.41 6.33 10 5 11.29 16 22l11-10.71L25.67 10z'/%3E%3C/svg%3E")}
.rf-check .pkt-input-check__input-checkbox:checked[type=checkbox]{--svg:url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Cpath fill='%232A2859' fill-rule='evenodd' d='m23.704 12.214-9.707 9.707-5.707-5.707L9.704 14.8l4.293 4.293L22.29 10.8z'/%3E%3C/svg%3E")}
@media print{
  body{display:block;font-size:11pt;color:#000}
  .rf-skip-link,.rf-header__nav,.rf-search,.rf-pagination,.rf-back,.rf-help,.rf-jump,.rf-no-print{display:none!important}
  .rf-dir{display:block}
  .rf-main{padding:0}
  .rf-header{border:0}
  .rf-footer{background:none;color:#000;border-top:1px solid #000}
  .rf-footer a,.rf-footer h2{color:#000}
  .rf-print-only{display:block}
  a{color:#000}
  main a[href^="http"]:not(.rf-is-url)::after,.rf-footer a[href]::after{content:" (" attr(href) ")";font-size:90%;word-break:break-all}
  .rf-hit a[href]::after{content:" (" attr(href) ")";font-size:90%}
  .rf-badge{border:1px solid #000;background:none}
  .rf-location,.rf-hit,.rf-section{break-inside:avoid}
  h1,h2,h3{break-after:avoid}
}
`
  .trim()
  .replace(/\n\s*/g, '');
