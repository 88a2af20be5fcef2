/**
 * The words printed on a poster besides the map's own text, in each interface language. The
 * terms are the ones the web app uses for the same things (felt, kobling, samme retning, …).
 */
import type { UiLanguage } from '../http/access.ts';
import type { ElementKind, Polarity } from '../map/schema.ts';

/** A language a poster can be printed in: the interface languages. */
export type PosterLanguage = UiLanguage;

/** Everything a poster says that is not the map's own text. */
export interface PosterTexts {
  /** Heading of the legend of fields. */
  fields: string;
  /** Heading of the legend of link polarities. */
  links: string;
  polarity: Readonly<Record<Polarity, string>>;
  /** What the delay mark (‖) means. */
  delay: string;
  kinds: Readonly<Record<ElementKind, string>>;
  ageSpan: (from: number, to: number) => string;
  ageFrom: (from: number) => string;
  ageTo: (to: number) => string;
  /** The attribution line at the foot of the poster. */
  source: (workspace: string, date: string) => string;
}

/** {@link PosterTexts} in bokmål, nynorsk and English. */
export const POSTER_TEXTS: Readonly<Record<PosterLanguage, PosterTexts>> = {
  nb: {
    fields: 'Felt',
    links: 'Koblinger',
    polarity: { '+': 'Samme retning (+)', '-': 'Motsatt retning (−)', '?': 'Ukjent (?)' },
    delay: 'Forsinkelse (‖)',
    kinds: {
      factor: 'Faktor',
      experience: 'Opplevelse',
      actor: 'Aktør',
      service: 'Tjeneste',
      structure: 'Struktur',
      event: 'Hendelse',
      note: 'Notat',
    },
    ageSpan: (from, to) => `${from}–${to} år`,
    ageFrom: (from) => `fra ${from} år`,
    ageTo: (to) => `til ${to} år`,
    source: (workspace, date) => `Helhet · ${workspace} · eksportert ${date}`,
  },
  nn: {
    fields: 'Felt',
    links: 'Koplingar',
    polarity: { '+': 'Same retning (+)', '-': 'Motsett retning (−)', '?': 'Ukjend (?)' },
    delay: 'Forseinking (‖)',
    kinds: {
      factor: 'Faktor',
      experience: 'Oppleving',
      actor: 'Aktør',
      service: 'Teneste',
      structure: 'Struktur',
      event: 'Hending',
      note: 'Notat',
    },
    ageSpan: (from, to) => `${from}–${to} år`,
    ageFrom: (from) => `frå ${from} år`,
    ageTo: (to) => `til ${to} år`,
    source: (workspace, date) => `Helhet · ${workspace} · eksportert ${date}`,
  },
  en: {
    fields: 'Fields',
    links: 'Links',
    polarity: { '+': 'Same direction (+)', '-': 'Opposite direction (−)', '?': 'Unknown (?)' },
    delay: 'Delay (‖)',
    kinds: {
      factor: 'Factor',
      experience: 'Experience',
      actor: 'Actor',
      service: 'Service',
      structure: 'Structure',
      event: 'Event',
      note: 'Note',
    },
    ageSpan: (from, to) => `ages ${from}–${to}`,
    ageFrom: (from) => `from age ${from}`,
    ageTo: (to) => `up to age ${to}`,
    source: (workspace, date) => `Helhet · ${workspace} · exported ${date}`,
  },
};

/** `date` as a long date in `language` ("2. desember 2026", "2 December 2026"), in UTC. */
export function posterDate(date: Date, language: PosterLanguage): string {
  const locale = language === 'en' ? 'en-GB' : language;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
