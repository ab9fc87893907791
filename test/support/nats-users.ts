import { natsAuthConfig, newNatsPassword, type NatsPrincipal, natsUserOf } from "@berth/bus";
import { type NatsServer, type NatsUsers, type ProcessPrincipal, startNatsServer } from "@berth/testkit";

export interface Credentials {
  user: string;
  pass: string;
}

/**
 * NATS users for a test cluster, as an operator keeps them: each process its
 * own user and password, the server's configuration rewritten and reloaded
 * when agents are added. The operator user is the tests' own, with every right.
 */
export class TestNatsUsers implements NatsUsers {
  private readonly passwords = new Map<string, { principal: NatsPrincipal; password: string }>();
  private server: NatsServer | undefined;

  constructor() {
    this.add({ kind: "operator" });
  }

  private add(principal: NatsPrincipal): Credentials {
    const user = natsUserOf(principal);
    const known = this.passwords.get(user) ?? { principal, password: newNatsPassword() };
    this.passwords.set(user, known);
    return { user, pass: known.password };
  }

  config(): string {
    return natsAuthConfig([...this.passwords.values()]);
  }

  /** Credentials of any principal; it must have been allowed before it can connect. */
  credentials(principal: NatsPrincipal): Credentials {
    return this.add(principal);
  }

  get operator(): Credentials {
    return this.add({ kind: "operator" });
  }

  attach(server: NatsServer): void {
    this.server = server;
  }

  async allow(principals: readonly ProcessPrincipal[]): Promise<(p: ProcessPrincipal) => Credentials> {
    for (const p of principals) this.add(p);
    await this.server?.reconfigure(this.config());
    return (p) => this.add(p);
  }
}

/** A nats-server that refuses connections without a user, and the users to reach it. */
export async function startSecuredNats(): Promise<{ nats: NatsServer; users: TestNatsUsers }> {
  const users = new TestNatsUsers();
  const nats = await startNatsServer({ config: users.config() });
  users.attach(nats);
  return { nats, users };
}
