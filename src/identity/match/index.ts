/**
 * Identity matching (issue 4): ties a check-up record to a registry person when the personal ID is
 * missing, mistyped, old or disagrees with the registry. Candidates come from blocking keys over an
 * in-memory index built once from the registry (`createBlockingIndex`); each is scored field by
 * field, Fellegi–Sunter style, with household rules on top; `matchRecord` answers linked, review or
 * new with the score breakdown. Everything here is pure: the index is data, settings are input.
 */
export { createBlockingIndex, findCandidates, BLOCK_KINDS, type BlockingIndex, type BlockKind, type IndexOptions } from "./blocking.ts";
export { matchRecord, type MatchDecision, type MatchReason, type MatchResult, type ScoredCandidate } from "./decide.ts";
export { matchInputFromRecord, birthDateFromMoment, matchSex } from "./input.ts";
export { DEFAULT_MATCH_SETTINGS, matchSettings, weightOf, type MatchSettings, type Probability } from "./settings.ts";
export { MATCH_FIELDS, type Contribution, type MatchField } from "./score.ts";
export { foldForBlocking, normalizeName, splitFullName, joinNameParts, type NameParts } from "./names.ts";
export { jaroWinkler, syllableSimilarity } from "./similarity.ts";
export { familyShares, familyVariants } from "./name-frequency.ts";
export { readIdEvidence, type IdEvidence } from "./old-id.ts";
export { parseInsuranceCard, socialInsuranceNumber, type InsuranceCard } from "./insurance.ts";
export type { Crosswalks, MatchBirthDate, MatchInput, MatchPerson, MatchSex, BirthPrecision } from "./types.ts";
