/*
 * Hungarian in one download: the widget's lines and the triage's vocabulary, fetched together by the
 * visitor whose language it is. The module the download starts from, so it exports the two as
 * they are, with no module object built around them (see `scripts/build.mjs`).
 */
export { hu as catalog } from '../catalogs/hu';
export { hu as lexicon } from '../../triage/lexicons/hu';
