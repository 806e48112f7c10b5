// Prints one plain closing line, "tests: N passed, N failed, N skipped", after jest's own summary,
// so any tool that reads the end of a run (CI included) can count the tests without parsing jest's table.
class SummaryLineReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stdout.write(`\ntests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`);
  }
}
module.exports = SummaryLineReporter;
