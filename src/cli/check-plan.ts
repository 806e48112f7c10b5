import type { PlanOptions } from "../model/types";

/**
 * The plan `kjscore check` makes: it shows only Chinese, and counts the writes without saying why
 * each is made, so neither is made. Its own module so that the bench's check loop uses the same.
 */
export const CHECK_PLAN: PlanOptions = { english: false, writeReasons: false };
