// What handing figures from a worker thread back to the request thread would cost (ADR 0017,
// "Worker threads for evaluations"): v8 serialization, as postMessage uses, of the rules
// benchmark's one-date evaluation and of a large university's evaluation input.
//
// Run: npx tsx bench/snapshot-transfer.ts
import v8 from "node:v8";
import { campaign, generate } from "./rules-evaluate";
import { evaluateCampaign } from "../src/rules/evaluate-campaign";

const data = generate();
const evaluation = evaluateCampaign({ campaign, ...data, asOf: "2026-06-30", windows: "current" });
// About the large generated university of the load runs: 140,000 records, 20,000 members.
const input = { records: data.records.slice(0, 140_000), members: data.members };

function time(label: string, value: unknown, runs = 3) {
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    const bytes = v8.serialize(value);
    const serializeMs = performance.now() - t;
    t = performance.now();
    v8.deserialize(bytes);
    const deserializeMs = performance.now() - t;
    console.log(
      `${label}: ${(bytes.length / 1e6).toFixed(1)} MB, serialize ${serializeMs.toFixed(0)} ms, deserialize ${deserializeMs.toFixed(0)} ms`,
    );
  }
}

time(`evaluation (${evaluation.results.length} results)`, evaluation);
time(`input (${input.records.length} records, ${input.members.length} members)`, input);
