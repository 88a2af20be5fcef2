/**
 * The live tour of a map: presenting a presentation (stepping through saved views), leading
 * everyone to one's view, and following someone's camera.
 *
 * Everyone publishes the canvas rectangle they see (`camera` in presence). A follower fits
 * that rectangle to its own window (`core/map/zoom/camera.ts`), so a projector and a laptop
 * show the same region. A follower follows either by choice (someone picked in the presence
 * list) or because a facilitator leads (`lead` in presence, which the server removes from
 * anyone else's: nobody else can move another person's camera). Panning or zooming by hand,
 * or "Forlat", stops following; a lead left can be rejoined while it lasts.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { useStoreApi, useReactFlow } from '@xyflow/react';
import type { CanvasRect, MapSnapshot, MapView, Presentation } from '@helhet/model';
import { publishCamera, publishLead, type Lead, type Peer } from '../../collab/presence.ts';
import {
  centredOn,
  viewportMoved,
  viewportShowing,
  visibleRect,
} from '../../core/map/zoom/camera.ts';

/** How often at most a moving camera is published (ms). */
const CAMERA_INTERVAL = 80;

/** A presentation being shown here: by this person, or by the leader followed. */
export interface TourStep {
  presentation: Presentation;
  index: number;
  /** The step's view; null when it was deleted meanwhile. */
  view: MapView | null;
}

/** The live tour's state and actions; see the module comment. */
export interface LiveTour {
  /** The peer whose camera this canvas follows now. */
  followed: Peer | null;
  /** Whether {@link followed} leads (presents or brought everyone) rather than was picked. */
  followedLeads: boolean;
  /** A lead this person left, which they can rejoin. */
  leftLeader: Peer | null;
  follow: (clientId: number) => void;
  leave: () => void;
  rejoin: () => void;
  /** Whether this person may lead (facilitator or owner; the server decides it anyway). */
  canLead: boolean;
  /** This person's own lead, when leading. */
  lead: Lead | null;
  /** Shows a presentation from its first step; `toAll` leads everyone through it. */
  present: (presentationId: string, toAll: boolean) => void;
  /** Moves the presentation shown here by `delta` steps (within its length). */
  step: (delta: number) => void;
  /** Stops presenting or leading. */
  stop: () => void;
  /** Leads everyone's camera to this person's view until stopped. */
  bringEveryone: () => void;
  /** The presentation step shown here (own or the leader's), or null. */
  tourStep: TourStep | null;
  /** Whether this person presents (locally or to everyone). */
  presenting: boolean;
  /** Moves this canvas to a saved view's camera (when it has one). */
  showCamera: (view: MapView) => void;
}

/** Context holding the {@link LiveTour}. */
export const LiveTourContext = createContext<LiveTour | null>(null);

/** The live tour of the enclosing map page (null outside one). */
export function useLiveTour(): LiveTour | null {
  return useContext(LiveTourContext);
}

/** Options of {@link useLiveTourState}. */
export interface LiveTourOptions {
  provider: HocuspocusProvider | undefined;
  peers: readonly Peer[];
  snapshot: MapSnapshot;
  canLead: boolean;
}

const leadKey = (peer: Peer) => `${peer.clientId}:${peer.lead?.since ?? ''}`;

/** The live tour's state for one map page (inside React Flow's provider). */
export function useLiveTourState({
  provider,
  peers,
  snapshot,
  canLead,
}: LiveTourOptions): LiveTour {
  const flow = useReactFlow();
  const store = useStoreApi();
  const [chosen, setChosen] = useState<number | null>(null);
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const [own, setOwn] = useState<{
    presentationId: string | null;
    step: number;
    toAll: boolean;
    since: number;
  } | null>(null);

  // Publish this person's camera as it moves (at most every CAMERA_INTERVAL ms).
  useEffect(() => {
    if (!provider) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const send = () => {
      timer = null;
      const { transform, width, height } = store.getState();
      if (!width || !height) return;
      const [x, y, zoom] = transform;
      publishCamera(provider, visibleRect({ x, y, zoom }, { width, height }));
    };
    send();
    const unsubscribe = store.subscribe((state, prev) => {
      if (
        state.transform === prev.transform &&
        state.width === prev.width &&
        state.height === prev.height
      )
        return;
      timer ??= setTimeout(send, CAMERA_INTERVAL);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [provider, store]);

  // Publish this person's lead (only presenting to all or bringing everyone leads).
  const lead = useMemo<Lead | null>(
    () =>
      own && own.toAll && canLead
        ? { presentationId: own.presentationId, step: own.step, since: own.since }
        : null,
    [own, canLead],
  );
  useEffect(() => publishLead(provider, lead), [provider, lead]);
  useEffect(() => () => publishLead(provider, null), [provider]);

  const leader = useMemo(() => {
    if (own) return null;
    const leading = peers.filter((p) => p.lead && p.camera);
    return leading.sort((a, b) => b.lead!.since - a.lead!.since)[0] ?? null;
  }, [peers, own]);
  const leaderLeft = leader !== null && left.has(leadKey(leader));
  const picked = chosen === null ? null : (peers.find((p) => p.clientId === chosen) ?? null);
  const followed = own ? null : (picked ?? (leader && !leaderLeft ? leader : null));
  const followedLeads = followed !== null && followed === leader;

  const presentations = snapshot.presentations;
  const views = snapshot.views;
  const shownStep = own?.presentationId
    ? { presentationId: own.presentationId, step: own.step }
    : followed?.lead?.presentationId
      ? { presentationId: followed.lead.presentationId, step: followed.lead.step }
      : null;
  const tourStep = useMemo<TourStep | null>(() => {
    if (!shownStep) return null;
    const presentation = presentations.find((p) => p.id === shownStep.presentationId);
    if (!presentation || presentation.steps.length === 0) return null;
    const index = Math.min(shownStep.step, presentation.steps.length - 1);
    const view = views.find((v) => v.id === presentation.steps[index]!.viewId) ?? null;
    return { presentation, index, view };
  }, [shownStep?.presentationId, shownStep?.step, presentations, views]); // eslint-disable-line react-hooks/exhaustive-deps

  const tourStepView = tourStep?.view ?? null;

  // The region the tour shows here (the followed camera, or the presenter's step), kept in
  // view when the canvas changes size (a panel opens, a notice arrives) until a hand moves it.
  const held = useRef<CanvasRect | null>(null);
  const fit = useCallback(
    (rect: CanvasRect, duration = 0) => {
      held.current = rect;
      const { width, height } = store.getState();
      void flow.setViewport(viewportShowing(rect, { width, height }), { duration });
    },
    [flow, store],
  );
  useEffect(
    () =>
      store.subscribe((state, prev) => {
        if (held.current && (state.width !== prev.width || state.height !== prev.height))
          // After the canvas's own reaction to the new size (the fit it opened with).
          queueMicrotask(() => held.current && fit(held.current));
      }),
    [store, fit],
  );

  // Follow: fit the followed camera to this window whenever it moves. While the leader's
  // camera still shows their presentation step's region, the region itself is fitted, so
  // every window shows the step as saved rather than the leader's window shape of it.
  const leaderCamera = followed?.camera ?? null;
  const stepRegion = followed?.lead?.presentationId ? (tourStepView?.camera ?? null) : null;
  const camera = useMemo(
    () =>
      leaderCamera && stepRegion && centredOn(leaderCamera, stepRegion) ? stepRegion : leaderCamera,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [JSON.stringify(leaderCamera), JSON.stringify(stepRegion)],
  );
  useEffect(() => {
    if (!camera) return;
    const { width, height, transform } = store.getState();
    const [x, y, zoom] = transform;
    if (!viewportMoved({ x, y, zoom }, viewportShowing(camera, { width, height }))) return;
    fit(camera);
  }, [camera, fit, store]);

  const leave = useCallback(() => {
    setChosen(null);
    if (leader) setLeft((s) => new Set(s).add(leadKey(leader)));
  }, [leader]);
  // A pan or zoom by hand takes the camera back: stop following and holding.
  const following = followed !== null;
  useEffect(() => {
    const pane = store.getState().domNode;
    if (!pane) return;
    const byHand = (event: Event) => {
      const target = event.target as Element | null;
      if (event.type !== 'wheel' && !target?.closest('.react-flow__pane')) return;
      held.current = null;
      if (following) leave();
    };
    pane.addEventListener('wheel', byHand, { passive: true });
    pane.addEventListener('pointerdown', byHand);
    return () => {
      pane.removeEventListener('wheel', byHand);
      pane.removeEventListener('pointerdown', byHand);
    };
  }, [following, leave, store]);
  useEffect(() => {
    if (!following) held.current = null;
  }, [following]);

  const showCamera = useCallback(
    (view: MapView) => {
      if (view.camera) fit(view.camera, 200);
    },
    [fit],
  );

  // The presenter's own camera goes to each step's view (followers follow that camera).
  const ownView = own?.presentationId ? tourStep?.view : null;
  useEffect(() => {
    if (ownView) showCamera(ownView);
    // On a step change only, not on every edit of the view elsewhere.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ownView?.id, own?.step]);

  const present = useCallback((presentationId: string, toAll: boolean) => {
    setChosen(null);
    setOwn({ presentationId, step: 0, toAll, since: Date.now() });
  }, []);
  const step = useCallback(
    (delta: number) =>
      setOwn((o) => {
        if (!o?.presentationId) return o;
        const length = presentations.find((p) => p.id === o.presentationId)?.steps.length ?? 0;
        const next = Math.max(0, Math.min(length - 1, o.step + delta));
        return next === o.step ? o : { ...o, step: next };
      }),
    [presentations],
  );
  const stop = useCallback(() => {
    held.current = null;
    setOwn(null);
  }, []);
  const bringEveryone = useCallback(() => {
    setChosen(null);
    setOwn({ presentationId: null, step: 0, toAll: true, since: Date.now() });
  }, []);
  const follow = useCallback((clientId: number) => {
    setOwn(null);
    setChosen(clientId);
  }, []);
  const rejoin = useCallback(() => {
    setChosen(null);
    setLeft(new Set());
  }, []);

  return useMemo(
    () => ({
      followed,
      followedLeads,
      leftLeader: leaderLeft && chosen === null ? leader : null,
      follow,
      leave,
      rejoin,
      canLead,
      lead,
      present,
      step,
      stop,
      bringEveryone,
      tourStep,
      presenting: own?.presentationId != null,
      showCamera,
    }),
    [
      followed,
      followedLeads,
      leaderLeft,
      chosen,
      leader,
      follow,
      leave,
      rejoin,
      canLead,
      lead,
      present,
      step,
      stop,
      bringEveryone,
      tourStep,
      own,
      showCamera,
    ],
  );
}
