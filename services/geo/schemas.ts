import { z } from 'zod';

/** A commune or municipal arrondissement a person may mean, from @etalab/decoupage-administratif. */
export const CommuneCandidateSchema = z.object({
  /** INSEE code: what the portal's offer search takes. */
  code: z.string(),
  name: z.string(),
  /** 2 characters in metropolitan France (01…95, 2A, 2B), 3 overseas (971…989). */
  department: z.string(),
  postalCodes: z.array(z.string()),
  population: z.number(),
  /** For a municipal arrondissement: its city (75056 Paris, 69123 Lyon, 13055 Marseille). */
  city: z.string().optional(),
});
export type CommuneCandidate = z.infer<typeof CommuneCandidateSchema>;

export const DepartmentCandidateSchema = z.object({ code: z.string(), name: z.string() });
export type DepartmentCandidate = z.infer<typeof DepartmentCandidateSchema>;

/** Overseas departments and collectivities have 3-character codes (971 Guadeloupe … 989 Clipperton). */
export function isOverseasDepartment(departmentCode: string): boolean {
  return /^9[78]\d$/.test(departmentCode);
}
