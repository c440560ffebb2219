// TTL indexes expire documents whose date is older than expireAfterSeconds. The monitor period
// is a server option, so this runs on an embedded server only (mongod's period is 60 s).
import { MongoClient } from 'mongodb';
import { startEmbeddedServer, type EmbeddedServer } from '../../src/store/embedded';
import { usingEmbedded, type AnyDoc } from '../support/mongo';

const maybe = usingEmbedded() ? describe : describe.skip;

maybe('TTL indexes', () => {
  let server: EmbeddedServer;
  let client: MongoClient;
  beforeAll(async () => {
    server = await startEmbeddedServer({ ttlIntervalMs: 50 });
    client = await MongoClient.connect(server.uri);
  });
  afterAll(async () => {
    await client.close();
    await server.close();
  });

  it('deletes documents past expireAfterSeconds and keeps the others', async () => {
    const c = client.db('ttl').collection<AnyDoc>('sessions');
    await c.createIndex({ lastSeen: 1 }, { expireAfterSeconds: 3600 });
    const now = Date.now();
    await c.insertMany([
      { _id: 'old', lastSeen: new Date(now - 2 * 3600_000) },
      { _id: 'oldInArray', lastSeen: [new Date(now), new Date(now - 7200_000)] },
      { _id: 'fresh', lastSeen: new Date(now) },
      { _id: 'notADate', lastSeen: 'yesterday' },
      { _id: 'missing' },
    ]);
    const deadline = Date.now() + 5000;
    while ((await c.countDocuments()) > 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect((await c.find().toArray()).map((d) => d._id).sort()).toEqual(['fresh', 'missing', 'notADate']);
  });
});
