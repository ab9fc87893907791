import { type BusHandles, GroupCommit, isCasConflict, lockHolder } from "@berth/bus";
import {
  type AppDefinition,
  bookQuota,
  isMarathonTask,
  ledgerWithFrameworks,
  withoutFrameworks,
  footprint,
  hasLimits,
  ledgerOfApps,
  type QuotaLedger,
  QuotaExceededError,
  type Team,
  teamOf,
  type Usage,
  usageOf,
} from "@berth/core";
import type { ClusterView } from "./cluster-view.js";

/**
 * Team quotas, booked where apps are changed: each change replaces its app's
 * booking on the team's ledger with compare-and-set, so two changes racing for
 * the last of a quota cannot both win. A change that fails after booking puts
 * the old booking back; one lost to a crash is corrected by `reconcile`.
 * Only a team whose quota limits something keeps a ledger: the others' changes
 * book nothing (one write fewer a change), and their usage is read from their apps.
 */
export class QuotaBook {
  /** Bookings of one team made at once go to its ledger together: many racing writers would only lose to each other. */
  private readonly ledgers: GroupCommit<QuotaLedger>;

  constructor(
    private readonly bus: BusHandles<"apps" | "deployments" | "locks" | "quotas">,
    private readonly view: ClusterView,
  ) {
    this.ledgers = new GroupCommit(bus.quotas);
  }

  /** Refuses (403) when the app's new footprint would take its team over a quota; changes nothing. */
  check(appId: string, target: AppDefinition | undefined): void {
    this.checkAll([{ appId, target }]);
  }

  /** Refuses (403) when these changes together would take any of their teams over a quota; changes nothing. */
  checkAll(changes: readonly { appId: string; target: AppDefinition | undefined }[]): void {
    const ledgers = new Map<string, QuotaLedger | undefined>();
    for (const { appId, target } of changes) {
      const team = this.view.team(teamOf(appId));
      const ledger = ledgers.has(team.id) ? ledgers.get(team.id) : this.counted(team.id, this.view.quotas.get(team.id)?.value);
      const r = bookQuota(ledger, team.quota, appId, footprint(target));
      if (!r.ok) throw new QuotaExceededError(r.reason);
      ledgers.set(team.id, r.ledger);
    }
  }

  /** Books the app's new footprint; returns how to undo it. */
  async book(appId: string, target: AppDefinition | undefined): Promise<() => Promise<void>> {
    const team = this.view.team(teamOf(appId));
    if (!hasLimits(team.quota)) return async () => undefined;
    const outcome = await this.ledgers.change<{ before: Usage | undefined; refusal?: string }>(team.id, (ledger) => {
      const r = bookQuota(this.counted(team.id, ledger), team.quota, appId, footprint(target));
      return r.ok
        ? { next: withoutFrameworks(r.ledger), result: { before: ledger?.apps[appId] } }
        : { next: undefined, result: { before: undefined, refusal: r.reason } };
    });
    if (outcome.refusal !== undefined) throw new QuotaExceededError(outcome.refusal);
    return async () => {
      await this.ledgers.change(team.id, (ledger) => {
        const apps = { ...(ledger?.apps ?? {}) };
        if (outcome.before) apps[appId] = outcome.before;
        else delete apps[appId];
        return { next: { apps }, result: undefined };
      });
    };
  }

  /** What a team holds: its stored apps and its frameworks' tasks. */
  usage(team: Team): Usage {
    return usageOf(this.counted(team.id, ledgerOfApps(this.appsOf(team.id))));
  }

  private appsOf(team: string): AppDefinition[] {
    return [...this.view.apps.values()].filter((app) => teamOf(app.id) === team);
  }

  /** A team's ledger with its frameworks' tasks counted beside its apps (never stored so: see withoutFrameworks). */
  private counted(team: string, ledger: QuotaLedger | undefined): QuotaLedger {
    const bookings = [...this.view.ledgers.values()].flatMap((l) =>
      l.reservations.filter((r) => !isMarathonTask(r) && teamOf(r.appId) === team),
    );
    return bookings.length === 0 ? (ledger ?? { apps: {} }) : ledgerWithFrameworks(ledger, bookings);
  }

  /**
   * Makes the ledger of every team with limits match its stored apps, skipping
   * apps a deployment holds (their booking is in flight). Returns how many
   * bookings it corrected.
   */
  async reconcile(): Promise<number> {
    const teams = new Set([...this.view.apps.values()].map((app) => teamOf(app.id)));
    for (const [team] of this.view.quotas.entriesList()) teams.add(team);
    let fixed = 0;
    for (const team of teams) if (hasLimits(this.view.team(team).quota)) fixed += await this.reconcileTeam(team, true);
    return fixed;
  }

  /**
   * Makes one team's ledger match its stored apps. `skipLocked` leaves alone
   * the apps a deployment holds; without it (a team that just gained limits,
   * whose changes booked nothing), every app is set to what is stored.
   */
  async reconcileTeam(team: string, skipLocked: boolean): Promise<number> {
    const actual = new Map(this.appsOf(team).map((app) => [app.id, footprint(app)]));
    const locked = new Set<string>();
    for (const appId of new Set([...actual.keys(), ...Object.keys(this.view.quotas.get(team)?.value.apps ?? {})])) {
      if (skipLocked && (await lockHolder(this.bus, appId, Date.now()))) locked.add(appId);
    }
    let changed = 0;
    try {
      await this.bus.quotas.mutate(team, (current) => {
        let ledger = current ?? { apps: {} };
        changed = 0;
        for (const appId of new Set([...Object.keys(ledger.apps), ...actual.keys()])) {
          const want = actual.get(appId) ?? footprint(undefined);
          if (locked.has(appId) || JSON.stringify(want) === JSON.stringify(ledger.apps[appId] ?? footprint(undefined))) continue;
          const r = bookQuota(ledger, {}, appId, want);
          if (r.ok) ledger = r.ledger;
          changed++;
        }
        return changed > 0 ? ledger : undefined;
      });
    } catch (err) {
      if (!isCasConflict(err)) throw err;
      return 0;
    }
    return changed;
  }
}
