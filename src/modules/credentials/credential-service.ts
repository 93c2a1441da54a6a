import type { Clock } from '../../core/ports/clock.js';
import type { EventBus } from '../../core/ports/event-bus.js';
import { InvalidInputError, NotFoundError } from '../../core/errors.js';
import { credentialNameField } from '../../config/model-definition.js';
import type { Logger } from '../../observability/logger.js';
import { CredentialCipher, CredentialUnreadableError, maskSecret } from '../../security/credential-cipher.js';
import type { CredentialRecord } from '../../core/records/credential.js';
import type { CredentialRepository, StoredCredential } from './credential-repository.js';

/** The most characters a vendor key may have (a long JWT or an Entra token fits). */
export const MAX_SECRET_CHARS = 16_384;

/** What this instance knows of one credential: its decrypted secret, or why it cannot be used. */
type Known = { readonly secret: string } | { readonly problem: string };

export interface CredentialServiceDeps {
  readonly repository: CredentialRepository;
  /** SWITCHYARD_MASTER_KEY; undefined: credentials can be neither stored nor read. */
  readonly masterKey: Buffer | undefined;
  readonly bus: Pick<EventBus, 'publish'>;
  readonly clock: Pick<Clock, 'now'>;
  readonly logger: Logger;
  /** The ids of the (not retired) models that name a credential. */
  readonly modelsUsing: (name: string) => readonly string[];
  /** Called after a credential was stored or rotated here (the models using it are probed again). */
  readonly onStored?: (name: string) => void;
}

const MISSING_MASTER_KEY =
  'SWITCHYARD_MASTER_KEY is not set: credentials are encrypted under it; set it to 32 random bytes in base64 (openssl rand -base64 32) and restart';

/**
 * Vendor keys stored through the API (SPEC §16), encrypted at rest under the master key and
 * never answered back. Every instance keeps the decrypted secrets in memory, read once at start;
 * a change made here updates this copy before it answers and publishes `credentialChanged`, on
 * which the other instances read that credential again (`reload`), so a rotation is used by the
 * next request everywhere once the event arrives. While a reload runs, `secret` waits for it
 * rather than answer the old key. After a Redis loss every credential is read again.
 */
export class CredentialService {
  readonly #known = new Map<string, Known>();
  readonly #reloading = new Map<string, Promise<void>>();
  readonly #cipher: CredentialCipher | undefined;

  constructor(private readonly deps: CredentialServiceDeps) {
    this.#cipher = deps.masterKey ? new CredentialCipher(deps.masterKey) : undefined;
  }

  /** Reads and decrypts every stored credential (at start, and after a Redis loss). */
  async load(): Promise<void> {
    const stored = await this.deps.repository.all();
    this.#known.clear();
    for (const credential of stored) this.#remember(credential);
  }

  /** Another instance changed `name`: read it again; `secret` waits for this. */
  reload(name: string): Promise<void> {
    const running = this.deps.repository.find(name).then(
      (stored) => {
        if (stored) this.#remember(stored);
        else this.#known.delete(name);
      },
      (error: unknown) => {
        this.#known.set(name, { problem: `credential ${name} could not be read from the database` });
        this.deps.logger.error({ err: error, credential: name }, 'credentials: reading a changed credential failed');
      },
    );
    const tracked = running.finally(() => {
      if (this.#reloading.get(name) === tracked) this.#reloading.delete(name);
    });
    this.#reloading.set(name, tracked);
    return tracked;
  }

  list(): Promise<CredentialRecord[]> {
    return this.deps.repository.all().then((all) => all.map((c) => c.record));
  }

  exists(name: string): boolean {
    return this.#known.has(name);
  }

  /** The decrypted key, or undefined when there is no such credential or it cannot be decrypted (see `problem`). */
  async secret(name: string): Promise<string | undefined> {
    await this.#reloading.get(name);
    const known = this.#known.get(name);
    return known && 'secret' in known ? known.secret : undefined;
  }

  /** Why a model naming this credential has no key (for health and operator messages); undefined: it has one. */
  problem(name: string): string | undefined {
    const known = this.#known.get(name);
    if (!known) return `credential ${name} does not exist: create it with createCredential`;
    return 'problem' in known ? known.problem : undefined;
  }

  async create(input: { name: unknown; secret: unknown }): Promise<CredentialRecord> {
    const name = this.#parseName(input.name, 'input.name');
    const secret = parseSecret(input.secret, 'input.secret');
    const cipher = this.#requireCipher();
    const stored = await this.deps.repository.insert(name, cipher.seal(name, secret), maskSecret(secret), this.#now());
    if (!stored)
      throw InvalidInputError.forField('input.name', `a credential "${name}" already exists; use rotateCredential to change its secret`);
    return this.#changed(name, secret, stored.record);
  }

  async rotate(nameInput: unknown, secretInput: unknown): Promise<CredentialRecord> {
    const name = this.#parseName(nameInput, 'name');
    const secret = parseSecret(secretInput, 'secret');
    const cipher = this.#requireCipher();
    const stored = await this.deps.repository.replace(name, cipher.seal(name, secret), maskSecret(secret), this.#now());
    if (!stored) throw new NotFoundError('credential', name);
    return this.#changed(name, secret, stored.record);
  }

  /** Deletes a credential no model uses; refused, naming them, while models do. */
  async delete(nameInput: unknown): Promise<CredentialRecord> {
    const name = this.#parseName(nameInput, 'name');
    const users = this.deps.modelsUsing(name);
    if (users.length > 0)
      throw InvalidInputError.forField(
        'name',
        `credential ${name} is used by the model${users.length === 1 ? '' : 's'} ${users.join(', ')}: point them at another credential (updateModel) or retire them first`,
      );
    const record = await this.deps.repository.delete(name);
    if (!record) throw new NotFoundError('credential', name);
    this.#known.delete(name);
    this.deps.bus.publish('credentialChanged', { name, at: new Date(this.deps.clock.now()) });
    return record;
  }

  modelsUsing(name: string): readonly string[] {
    return this.deps.modelsUsing(name);
  }

  #changed(name: string, secret: string, record: CredentialRecord): CredentialRecord {
    this.#known.set(name, { secret });
    this.deps.bus.publish('credentialChanged', { name, at: new Date(this.deps.clock.now()) });
    this.deps.logger.info({ credential: name }, 'credentials: stored');
    this.deps.onStored?.(name);
    return record;
  }

  #remember({ record, sealed }: StoredCredential): void {
    const { name } = record;
    if (!this.#cipher) {
      this.#known.set(name, { problem: `credential ${name} cannot be decrypted: ${MISSING_MASTER_KEY}` });
      return;
    }
    try {
      this.#known.set(name, { secret: this.#cipher.open(name, sealed) });
    } catch (error) {
      if (!(error instanceof CredentialUnreadableError)) throw error;
      this.#known.set(name, { problem: error.message });
      this.deps.logger.error({ credential: name }, error.message);
    }
  }

  #requireCipher(): CredentialCipher {
    if (!this.#cipher) throw new InvalidInputError([{ path: '', message: `cannot store a credential: ${MISSING_MASTER_KEY}` }]);
    return this.#cipher;
  }

  #parseName(value: unknown, path: string): string {
    const parsed = credentialNameField.safeParse(value);
    if (!parsed.success) throw InvalidInputError.forField(path, parsed.error.issues[0]?.message ?? 'expected a credential name');
    return parsed.data;
  }

  #now(): Date {
    return new Date(this.deps.clock.now());
  }
}

/** A vendor key: a string of 1 to 16,384 characters. The message never repeats the value. */
function parseSecret(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_SECRET_CHARS || value.trim() !== value)
    throw InvalidInputError.forField(
      path,
      `expected the vendor key: 1 to ${MAX_SECRET_CHARS} characters without leading or trailing whitespace (the value is not repeated here)`,
    );
  return value;
}
