/**
 * Playing through the projection years: the state (a year that advances on a timer until
 * the last) and its keyboard-operable controls (play/pause and a year slider), shared by the
 * map of Norway and the population pyramid.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@digdir/designsystemet-react';

/** Milliseconds per year while playing. */
const FRAME_MS = 450;

/** The shown year and whether it is advancing, from {@link useYearPlayback}. */
export interface YearPlayback {
  readonly year: number;
  readonly first: number;
  readonly last: number;
  readonly playing: boolean;
  /** Shows `year` and stops playing (the slider's choice). */
  readonly choose: (year: number) => void;
  /** Starts or pauses; starting at the last year begins again from the first. */
  readonly toggle: () => void;
}

/** The year shown between `first` and `last`, starting at `initial`. */
export function useYearPlayback(first: number, last: number, initial: number): YearPlayback {
  const [year, setYear] = useState(initial);
  const [playing, setPlaying] = useState(false);
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      setYear((y) => {
        if (y >= last) {
          setPlaying(false);
          return y;
        }
        return y + 1;
      });
    }, FRAME_MS);
    return () => clearInterval(timer);
  }, [playing, last]);
  return {
    year,
    first,
    last,
    playing,
    choose: (y) => {
      setPlaying(false);
      setYear(y);
    },
    toggle: () => {
      if (!playing && year >= last) setYear(first);
      setPlaying((p) => !p);
    },
  };
}

/** The play/pause button and the labelled year slider of a {@link YearPlayback}. */
export function YearPlayer({ playback }: { readonly playback: YearPlayback }) {
  const { t } = useTranslation('fremtid');
  const sliderId = useId();
  const { year, first, last, playing } = playback;
  return (
    <>
      <Button data-size="sm" variant="secondary" onClick={playback.toggle}>
        {playing ? t('pyramid.pause') : t('pyramid.play')}
      </Button>
      <label htmlFor={sliderId} className="fremtid-slider-label">
        {t('pyramid.year')}: <output htmlFor={sliderId}>{year}</output>
      </label>
      <input
        id={sliderId}
        type="range"
        className="fremtid-range"
        min={first}
        max={last}
        step={1}
        value={year}
        onChange={(e) => playback.choose(Number(e.target.value))}
      />
    </>
  );
}
