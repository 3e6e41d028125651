// Summarises a CI run (used by .ci/run):
//
//   node scripts/summarize-tests.mjs <steps.tsv>
//
// steps.tsv has one line per step: name <TAB> exit code <TAB> seconds <TAB> vitest JSON file (or "-").
// Test suites are counted from their Vitest JSON report (numPassedTests /
// numFailedTests). A step that failed without a report, or whose report shows
// no failed test although the step failed (a crash, an error outside tests),
// counts as 1 failed; a failed check step (install, type check, lint, build)
// likewise. The last line printed is exactly "N passed, N failed".
// Exit code: 1 if anything failed, else 0.
import { existsSync, readFileSync } from "node:fs";

const file = process.argv[2];
if (!file) {
  console.error("Usage: node scripts/summarize-tests.mjs <steps.tsv>");
  process.exit(2);
}

/** @type {{ name: string; rc: number; seconds: number; report: string }[]} */
const steps = readFileSync(file, "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => {
    const [name = "?", rc = "1", seconds = "0", report = "-"] = line.split("\t");
    return { name, rc: Number(rc), seconds: Number(seconds), report };
  });

function readReport(path) {
  if (path === "-" || !existsSync(path)) return null;
  try {
    const json = JSON.parse(readFileSync(path, "utf8"));
    if (typeof json.numPassedTests !== "number" || typeof json.numFailedTests !== "number") return null;
    return json;
  } catch {
    return null;
  }
}

let passed = 0;
let failed = 0;
const rows = [];
for (const step of steps) {
  const isSuite = step.report !== "-";
  const status = step.rc === 0 ? "ok" : step.rc === -1 ? "skipped" : `FAILED (exit ${step.rc})`;
  let counts = "";
  if (isSuite) {
    const report = readReport(step.report);
    if (!report) {
      if (step.rc === -1) {
        counts = "not run";
      } else {
        counts = "no JSON report: counted as 1 failed";
        failed += 1;
      }
    } else {
      let suiteFailed = report.numFailedTests;
      const notes = [];
      if (report.numPendingTests || report.numTodoTests) notes.push(`${report.numPendingTests + (report.numTodoTests ?? 0)} skipped`);
      if (step.rc !== 0 && suiteFailed === 0) {
        suiteFailed = 1;
        notes.push(`exit ${step.rc} with no failed test (failed file or error outside tests): counted as 1 failed`);
      }
      passed += report.numPassedTests;
      failed += suiteFailed;
      counts = `${report.numPassedTests} passed, ${suiteFailed} failed${notes.length ? ` (${notes.join("; ")})` : ""}`;
    }
  } else if (step.rc > 0) {
    failed += 1;
    counts = "counted as 1 failed";
  }
  rows.push([step.name, status, `${step.seconds.toFixed(1)} s`, counts]);
}

const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i].length), 4));
console.log("");
console.log("CI summary");
console.log("-".repeat(widths[0] + widths[1] + widths[2] + 30));
for (const row of rows) {
  console.log(`${row[0].padEnd(widths[0])}  ${row[1].padEnd(widths[1])}  ${row[2].padStart(widths[2])}  ${row[3]}`);
}
const total = steps.reduce((sum, step) => sum + Math.max(0, step.seconds), 0);
console.log("-".repeat(widths[0] + widths[1] + widths[2] + 30));
console.log(`total step time ${total.toFixed(1)} s`);
const anyStepFailed = steps.some((step) => step.rc > 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || anyStepFailed ? 1 : 0);
