import { z } from 'zod';

/** Real communes, from the official list packaged by Etalab (@etalab/decoupage-administratif). */

const EtalabCommuneSchema = z.object({
  code: z.string(),
  nom: z.string(),
  type: z.string(),
  departement: z.string().optional(),
  codesPostaux: z.array(z.string()).optional(),
});

export interface DirectoryCommune {
  inseeCode: string;
  name: string;
  department: string;
  postalCodes: string[];
}

let directory: Map<string, DirectoryCommune> | undefined;

/** The current commune with this INSEE code, or undefined (merged, delegated or unknown codes). */
export function communeByInseeCode(inseeCode: string): DirectoryCommune | undefined {
  directory ??= loadDirectory();
  return directory.get(inseeCode);
}

function loadDirectory(): Map<string, DirectoryCommune> {
  // Loaded on first use: the file holds ~37 000 communes and most processes never need it.
  const raw: unknown = require('@etalab/decoupage-administratif/data/communes.json');
  const communes = z.array(EtalabCommuneSchema).parse(raw);
  const byCode = new Map<string, DirectoryCommune>();
  for (const commune of communes) {
    if (commune.type !== 'commune-actuelle' || !commune.departement || !commune.codesPostaux?.length) continue;
    byCode.set(commune.code, {
      inseeCode: commune.code,
      name: commune.nom,
      department: commune.departement,
      postalCodes: commune.codesPostaux,
    });
  }
  return byCode;
}
