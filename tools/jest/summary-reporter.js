// Records each Jest run's totals in BILDUNGSRAUM_TEST_RESULTS_DIR (set by `npm test`), so the
// test command can close with one line counting every test of every project.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const dir = process.env.BILDUNGSRAUM_TEST_RESULTS_DIR;
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    const totals = {
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
    };
    writeFileSync(join(dir, `${process.pid}-${Date.now()}.json`), JSON.stringify(totals));
  }
}

module.exports = SummaryReporter;
