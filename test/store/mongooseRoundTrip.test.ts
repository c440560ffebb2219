// First end-to-end check: mongoose, unchanged, against the server (embedded unless MONGODB_URI).
import mongoose from 'mongoose';
import { openMongooseConnection, type TestConnection } from '../support/mongo';

const userSchema = new mongoose.Schema({
  email: { type: String, required: true, unique: true },
  name: String,
  shifts: Number,
  tags: [String],
});

describe('mongoose round trip', () => {
  let t: TestConnection;
  let User: mongoose.Model<mongoose.InferSchemaType<typeof userSchema>>;

  beforeAll(async () => {
    t = await openMongooseConnection('roundtrip');
    User = t.conn.model('User', userSchema);
    await User.init();
  });

  afterAll(() => t.cleanup());

  it('creates, finds, updates and deletes documents with Chinese text', async () => {
    const created = await User.create({ email: 'zhang@example.cn', name: '张伟', shifts: 2, tags: ['卡点'] });
    const found = await User.findById(created._id).lean();
    expect(found).toMatchObject({ email: 'zhang@example.cn', name: '张伟', shifts: 2, tags: ['卡点'] });

    await User.updateOne({ email: 'zhang@example.cn' }, { $inc: { shifts: 3 }, $push: { tags: '网格' } });
    expect(await User.findOne({ email: 'zhang@example.cn' }).lean()).toMatchObject({ shifts: 5, tags: ['卡点', '网格'] });

    const deleted = await User.deleteOne({ _id: created._id });
    expect(deleted.deletedCount).toBe(1);
    expect(await User.countDocuments()).toBe(0);
  });

  it('surfaces a unique-index violation as MongoDB duplicate key error 11000', async () => {
    await User.create({ email: 'li@example.cn', name: '李娜' });
    const err = await User.create({ email: 'li@example.cn', name: '李娜2' }).catch((e) => e);
    expect(err).toMatchObject({ code: 11000, keyValue: { email: 'li@example.cn' }, keyPattern: { email: 1 } });
    expect(err.message).toMatch(/^E11000 duplicate key error collection: \S+\.users index: email_1 dup key: \{ email: "li@example\.cn" \}$/);
  });

  it('upserts with findOneAndUpdate and aggregates', async () => {
    const doc = await User.findOneAndUpdate({ email: 'wang@example.cn' }, { $set: { shifts: 4 } }, { upsert: true, returnDocument: 'after' }).lean();
    expect(doc).toMatchObject({ email: 'wang@example.cn', shifts: 4 });
    const [total] = await User.aggregate([{ $match: { shifts: { $gte: 1 } } }, { $group: { _id: null, sum: { $sum: '$shifts' } } }]);
    expect(total.sum).toBe(4);
  });
});
