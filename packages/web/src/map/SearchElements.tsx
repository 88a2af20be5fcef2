/**
 * Finds elements by text (label, description, tags; see `core/map/search.ts`) and centres
 * the chosen one on the canvas.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Search } from '@digdir/designsystemet-react';
import { useReactFlow } from '@xyflow/react';
import type { MapElement } from '@helhet/model';
import { useMapEditor } from './MapContext.ts';
import { NODE_HEIGHT, NODE_WIDTH } from '../core/map/geometry.ts';
import { searchElements } from '../core/map/search.ts';

/** At most this many matches are listed; the count says how many there are. */
const MAX_LISTED = 8;

/** Search box with a list of matches. */
export function SearchElements() {
  const { t } = useTranslation();
  const { snapshot, select } = useMapEditor();
  const flow = useReactFlow();
  const [query, setQuery] = useState('');
  const matches = useMemo(
    () => searchElements(snapshot.elements, query),
    [snapshot.elements, query],
  );

  const choose = (e: MapElement) => {
    select({ elements: [e.id], links: [] });
    void flow.setCenter(e.x + NODE_WIDTH / 2, e.y + NODE_HEIGHT / 2, { zoom: 1, duration: 300 });
  };

  return (
    <div className="search" role="search">
      <Search data-size="sm">
        <Search.Input
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && matches[0]) choose(matches[0]);
          }}
        />
        <Search.Clear aria-label={t('search.clear')} onClick={() => setQuery('')} />
      </Search>
      {query.trim() && (
        <div className="search__results">
          <p role="status" className="search__count">
            {t('search.count', { count: matches.length })}
          </p>
          {matches.length > 0 && (
            <ul>
              {matches.slice(0, MAX_LISTED).map((e) => (
                <li key={e.id}>
                  <Button variant="tertiary" data-size="sm" onClick={() => choose(e)}>
                    {e.label}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
