/** A vendor credential as the gateway shows it: its name, mask and dates; never its secret. */
export interface CredentialRecord {
  readonly name: string;
  /** The secret's last characters (`…abcd`), or fewer for a short one. */
  readonly mask: string;
  readonly createdAt: Date;
  readonly rotatedAt: Date | null;
}
