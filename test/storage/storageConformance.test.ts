import { ConversationState, TestAdapter, type Storage, type StoreItem } from 'botbuilder';
import { AtomicMemoryStorage } from '../../bot/storage/atomicMemoryStorage';
import { RedisStorage } from '../../bot/storage/redisStorage';
import { testRedis } from '../support/testRedis';

/**
 * The Bot Framework SDK's storage conformance cases (botbuilder-js `storageBaseTests`, botbuilder-dotnet
 * `StorageBaseTests`: ReadUnknown, CreateObject, HandleCrazyKeys, UpdateObject, DeleteObject,
 * DeleteUnknownObject, BatchOperations, ProceedsThroughWaterfall), run on every store the bot can use.
 * Our stores are stricter than the SDK's MemoryStorage on one point: a batch with a conflict writes nothing.
 */

const redisConnection = testRedis('conformance');
let storeCount = 0;

interface StoreUnderTest {
  name: string;
  /** A fresh, empty store for one test. */
  create: () => Storage;
}

const stores: StoreUnderTest[] = [
  { name: 'AtomicMemoryStorage', create: () => new AtomicMemoryStorage() },
  {
    name: 'RedisStorage',
    // Each test gets its own namespace under the run's prefix, so tests cannot see each other's keys.
    create: () => new RedisStorage(redisConnection.redis, { prefix: `${redisConnection.prefix}${++storeCount}:`, ttlSeconds: 300 }),
  },
];

afterAll(async () => {
  await redisConnection.cleanup();
});

/** Reads one key and fails the test when it is absent. */
async function readOne(storage: Storage, key: string): Promise<StoreItem> {
  const items = await storage.read([key]);
  const item: StoreItem | undefined = items[key];
  if (!item) throw new Error(`expected "${key}" to be stored`);
  return item;
}

describe.each(stores)('$name honours the Bot Framework storage contract', ({ create }) => {
  let storage: Storage;
  beforeEach(() => {
    storage = create();
  });

  describe('read', () => {
    it('returns nothing for a key it has never seen', async () => {
      const items = await storage.read(['unknown']);
      expect(items).toEqual({});
      expect(Object.keys(items)).not.toContain('unknown');
    });

    it('returns only the known keys when a read mixes known and unknown keys', async () => {
      await storage.write({ known: { value: 1 } });
      const items = await storage.read(['unknown-1', 'known', 'unknown-2']);
      expect(Object.keys(items)).toEqual(['known']);
    });

    it('returns nothing for an empty list of keys', async () => {
      await expect(storage.read([])).resolves.toEqual({});
    });
  });

  describe('create', () => {
    it('stores items written with and without an eTag and reads them back with a real eTag', async () => {
      await storage.write({ plain: { id: 1, count: 1 }, storeItem: { id: 2, count: 1, eTag: '*' } });
      const items = await storage.read(['plain', 'storeItem']);
      expect(items.plain).toEqual({ id: 1, count: 1, eTag: expect.any(String) });
      expect(items.storeItem).toEqual({ id: 2, count: 1, eTag: expect.any(String) });
      for (const item of [items.plain as StoreItem, items.storeItem as StoreItem]) {
        expect(item.eTag).not.toBe('');
        expect(item.eTag).not.toBe('*');
      }
    });

    it('accepts any eTag for a key that does not exist yet, and replaces it with its own', async () => {
      await expect(storage.write({ fresh: { value: 'first', eTag: 'an-eTag-nobody-issued' } })).resolves.toBeUndefined();
      const item = await readOne(storage, 'fresh');
      expect(item.value).toBe('first');
      expect(item.eTag).not.toBe('an-eTag-nobody-issued');
    });

    it('accepts a write of no items', async () => {
      await expect(storage.write({})).resolves.toBeUndefined();
    });

    it('round-trips nested objects, arrays and every JSON type', async () => {
      const document = {
        dialogState: { dialogStack: [{ id: 'main', state: { options: {}, values: { instanceId: 'x' }, stepIndex: 2 } }] },
        profile: { locale: 'fr-FR', name: 'Élodie Müller-Ngô 🏠', income: 23456.78, verified: false, spouse: null },
        history: [1, 'two', { three: [3] }, [], {}],
        emptyText: '',
        withNewline: 'line one\nline two',
      };
      await storage.write({ nested: document });
      const { eTag, ...readBack } = await readOne(storage, 'nested');
      expect(readBack).toEqual(document);
      expect(typeof eTag).toBe('string');
    });

    it('handles keys with punctuation, spaces and non-ASCII characters', async () => {
      const crazyKey = "!@#$%^&*()_+{}|:\"<>?[]\\;',./`~ é 会話 \t";
      await storage.write({ [crazyKey]: { value: 'crazy' } });
      const items = await storage.read([crazyKey]);
      expect(items[crazyKey]).toEqual({ value: 'crazy', eTag: expect.any(String) });
      await storage.delete([crazyKey]);
      await expect(storage.read([crazyKey])).resolves.toEqual({});
    });

    it('does not share objects with its callers', async () => {
      const written = { inner: { count: 1 } };
      await storage.write({ isolated: written });
      written.inner.count = 99;
      const firstRead = await readOne(storage, 'isolated');
      expect(firstRead.inner).toEqual({ count: 1 });
      (firstRead.inner as { count: number }).count = 42;
      expect((await readOne(storage, 'isolated')).inner).toEqual({ count: 1 });
    });
  });

  describe('update', () => {
    it('accepts a write with the eTag it last returned, and issues a new eTag', async () => {
      await storage.write({ item: { count: 1 } });
      const loaded = await readOne(storage, 'item');
      await storage.write({ item: { ...loaded, count: 2 } });
      const reloaded = await readOne(storage, 'item');
      expect(reloaded.count).toBe(2);
      expect(reloaded.eTag).not.toBe(loaded.eTag);
    });

    it('rejects a write with a stale eTag with an "eTag conflict" error and keeps the stored value', async () => {
      await storage.write({ item: { count: 1 } });
      const stale = await readOne(storage, 'item');
      await storage.write({ item: { ...stale, count: 2 } });

      await expect(storage.write({ item: { ...stale, count: 3 } })).rejects.toThrow(/eTag conflict/);
      expect((await readOne(storage, 'item')).count).toBe(2);
    });

    it.each([
      { shape: 'the wildcard "*"', eTag: '*' },
      { shape: 'no eTag', eTag: undefined },
      { shape: 'an empty eTag', eTag: '' },
    ])('overwrites whatever is stored when the write carries $shape', async ({ eTag }) => {
      await storage.write({ item: { count: 1 } });
      const stale = await readOne(storage, 'item');
      await storage.write({ item: { ...stale, count: 2 } });

      const item: StoreItem = { count: 100 };
      if (eTag !== undefined) item.eTag = eTag;
      await storage.write({ item });
      const reloaded = await readOne(storage, 'item');
      expect(reloaded.count).toBe(100);
      expect(reloaded.eTag).not.toBe(stale.eTag);
    });
  });

  describe('delete', () => {
    it('removes an item so that a read no longer returns it', async () => {
      await storage.write({ doomed: { count: 1 }, kept: { count: 2 } });
      await storage.delete(['doomed']);
      const items = await storage.read(['doomed', 'kept']);
      expect(Object.keys(items)).toEqual(['kept']);
    });

    it('deletes the same key twice without complaint', async () => {
      await storage.write({ doomed: { count: 1 } });
      await storage.delete(['doomed']);
      await expect(storage.delete(['doomed'])).resolves.toBeUndefined();
      await expect(storage.read(['doomed'])).resolves.toEqual({});
    });

    it('deletes an unknown key, or no key at all, without complaint', async () => {
      await expect(storage.delete(['never-written'])).resolves.toBeUndefined();
      await expect(storage.delete([])).resolves.toBeUndefined();
    });

    it('treats a deleted key as new, so the eTag of the deleted item is accepted again', async () => {
      await storage.write({ item: { count: 1 } });
      const loaded = await readOne(storage, 'item');
      await storage.delete(['item']);
      await storage.write({ item: { ...loaded, count: 5 } });
      expect((await readOne(storage, 'item')).count).toBe(5);
    });
  });

  describe('batches', () => {
    it('writes, reads and deletes several keys at once', async () => {
      await storage.write({ a: { n: 1 }, b: { n: 2 }, c: { n: 3 } });
      const loaded = await storage.read(['a', 'b', 'c']);
      expect(Object.keys(loaded).sort()).toEqual(['a', 'b', 'c']);

      await storage.write({ a: { ...loaded.a, n: 10 }, b: { ...loaded.b, n: 20 } });
      const updated = await storage.read(['a', 'b', 'c']);
      expect([updated.a?.n, updated.b?.n, updated.c?.n]).toEqual([10, 20, 3]);

      await storage.delete(['a', 'c']);
      expect(Object.keys(await storage.read(['a', 'b', 'c']))).toEqual(['b']);
    });

    it('writes none of the keys of a batch when one of them has a stale eTag', async () => {
      await storage.write({ conversation: { turn: 1 }, user: { visits: 1 } });
      const loaded = await storage.read(['conversation', 'user']);
      await storage.write({ user: { ...loaded.user, visits: 2 } });

      await expect(
        storage.write({
          conversation: { ...loaded.conversation, turn: 2 },
          user: { ...loaded.user, visits: 3 },
          brandNew: { created: true },
        }),
      ).rejects.toThrow(/eTag conflict/);

      const after = await storage.read(['conversation', 'user', 'brandNew']);
      expect(after.conversation).toEqual({ turn: 1, eTag: loaded.conversation?.eTag });
      expect(after.user?.visits).toBe(2);
      expect(after.brandNew).toBeUndefined();
    });
  });

  describe('with the SDK state classes', () => {
    it('keeps conversation state across turns through ConversationState', async () => {
      const conversationState = new ConversationState(storage);
      const turns = conversationState.createProperty<number>('turns');
      const adapter = new TestAdapter(async (context) => {
        const count = (await turns.get(context, 0)) + 1;
        await turns.set(context, count);
        await context.sendActivity(`turn ${count}`);
        await conversationState.saveChanges(context);
      });

      await adapter.send('bonjour').assertReply('turn 1').send('encore').assertReply('turn 2').send('et encore').assertReply('turn 3').startTest();
    });
  });
});
