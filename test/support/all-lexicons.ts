import { registerAllLexicons } from '../../src/triage/all';

// Node and component tests triage text in any language, as the package's `triage` does; the
// widget's one-language-at-a-time loading is tested on its own (test/triage/load.test.ts) and
// in real Chromium.
registerAllLexicons();
