/** Each user's Notion token, if connected. Implementations throw StoreUnavailableError when down. */
export interface ConnectionStore {
  get(userId: string): Promise<string | null>;
  set(userId: string, token: string): Promise<void>;
  delete(userId: string): Promise<void>;
  /** True when the store can be used (for `/ready`). */
  ping(): Promise<boolean>;
}
