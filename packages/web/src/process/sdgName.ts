/** The SDG's name in the UI language: the official Norwegian name for bokmål and nynorsk. */
import { sdg } from '@helhet/model';

/** "4 God utdanning" / "4 Quality education". */
export function sdgLabel(number: number, language: string): string {
  const goal = sdg(number);
  if (!goal) return String(number);
  return `${number} ${language === 'en' ? goal.en : goal.nb}`;
}
