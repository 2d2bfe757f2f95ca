import { useCallback, useEffect, useState } from 'react';
import type { Assessment } from './data/innovation-index';

/** localStorage key of the self-assessments (namespaced, versioned). */
export const ASSESSMENT_STORAGE_KEY = 'gancang-pikat.innovation.assessments.v1';

/** Where the stored values came from: the shipped example, or the user (entered or imported). */
export type AssessmentOrigin = 'example' | 'user';

export interface StoredAssessments {
  version: 1;
  origin: AssessmentOrigin;
  /** True once the user changed an example value (it is still labelled an example). */
  edited: boolean;
  assessments: Assessment[];
}

function readStored(): StoredAssessments | null {
  try {
    const raw = globalThis.localStorage?.getItem(ASSESSMENT_STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as StoredAssessments;
    return parsed.version === 1 && Array.isArray(parsed.assessments) ? parsed : null;
  } catch {
    return null;
  }
}

/** The saved self-assessments, persisted in localStorage; the example until the user has their own. */
export function useAssessments(example: Assessment[] | null) {
  const [stored, setStored] = useState<StoredAssessments | null>(() => readStored());

  useEffect(() => {
    if (stored === null && example !== null) {
      setStored({ version: 1, origin: 'example', edited: false, assessments: example });
    }
  }, [stored, example]);

  useEffect(() => {
    if (stored) globalThis.localStorage?.setItem(ASSESSMENT_STORAGE_KEY, JSON.stringify(stored));
  }, [stored]);

  const saveYear = useCallback((assessment: Assessment) => {
    setStored((s) => {
      const rest = (s?.assessments ?? []).filter((a) => a.year !== assessment.year);
      return {
        version: 1,
        origin: s?.origin ?? 'user',
        edited: true,
        assessments: [...rest, assessment].sort((a, b) => a.year - b.year),
      };
    });
  }, []);

  const replaceAll = useCallback((assessments: Assessment[], origin: AssessmentOrigin) => {
    setStored({ version: 1, origin, edited: false, assessments });
  }, []);

  return { stored, saveYear, replaceAll };
}
