/**
 * Keys chosen by data from the API (a specialty code) are checked against the dictionary before
 * use: an unknown code is shown as sent rather than as a missing-key placeholder.
 */
import vi from "./vi.json";

type Specialty = keyof typeof vi.specialty;

export const specialtyKey = (code: string): `specialty.${Specialty}` | null =>
  Object.hasOwn(vi.specialty, code) ? `specialty.${code as Specialty}` : null;

type Actor = keyof typeof vi.actor;

/** `actor.kind` from the access log (clinician, guardian, system…) as a role word. */
export const actorKey = (kind: string): `actor.${Actor}` | null => (Object.hasOwn(vi.actor, kind) ? `actor.${kind as Actor}` : null);
