/**
 * The built-in sample's plan, as the engine computes it. In the page build this module is run
 * by webpack at build time (build-time-loader.js) and bundled as its JSON result, so the first
 * view needs neither the engine in the main bundle nor a computation in the browser; anywhere
 * else (tests, Node) it runs as written. Same engine, same plan.
 */
import { computePlan } from "../model";
import type { Plan } from "../model/types";
import { seedWorkbookData } from "../sample/workbook-data";

const samplePlan: Plan = computePlan(seedWorkbookData());
export default samplePlan;
