import { describe } from 'vitest';
import { memoryUserStore } from '../../../services/user-service/store/memory-user-store.js';
import { userStoreContract } from './user-store-contract.js';

describe('memoryUserStore', () => {
  userStoreContract(memoryUserStore);
});
