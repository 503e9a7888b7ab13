import { type Kysely, sql } from 'kysely';
import { columnTypes, dialectOf } from '../dialect.js';

// Spaces, guest spaces, their members and guests, threads with comments and likes, space
// templates, favourites, and what a guest account has beyond a user row.
//
// Who belongs to which space decides what apps, threads and files an actor may reach, so the
// membership tables (and a space's privacy, fixed membership and who may create apps there) move
// the directory version of 0008 like group and department memberships do: facts cached per
// version are never stale.
//
//   space_members.entity_type = 'USER' | 'GROUP' | 'ORGANIZATION', entity_id the row's id
//   space_guests               guest accounts (users.kind = 'guest') of a guest space
//   spaces.related_links       [{"type":"APP","id":"3"} | {"type":"SPACE","id":"2"} | {"type":"URL","url","title"}]
//   thread_comments.mentions   [{"type":"USER"|"GROUP"|"ORGANIZATION","code"}]
//   thread_comments.files      [{"fileId", "width"?}]
//
// Notifications learn to point at a thread comment: app_id becomes optional, space_id,
// thread_id and thread_comment_id appear. Files learn to belong to a thread comment.
const SPACE_MEMBERSHIP = ['space_members', 'space_guests'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const kind = dialectOf(db);
  const t = columnTypes(kind);

  await db.schema
    .createTable('spaces')
    .addColumn('domain_id', 'text', (c) => c.notNull().references('domains.id').onDelete('cascade'))
    .addColumn('id', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('is_guest', t.bool, (c) => c.notNull())
    .addColumn('is_private', t.bool, (c) => c.notNull())
    .addColumn('use_multi_thread', t.bool, (c) => c.notNull())
    .addColumn('fixed_member', t.bool, (c) => c.notNull())
    .addColumn('show_announcement', t.bool, (c) => c.notNull())
    .addColumn('show_thread_list', t.bool, (c) => c.notNull())
    .addColumn('show_app_list', t.bool, (c) => c.notNull())
    .addColumn('show_member_list', t.bool, (c) => c.notNull())
    .addColumn('show_related_link_list', t.bool, (c) => c.notNull())
    .addColumn('create_app', 'text', (c) => c.notNull())
    .addColumn('body', 'text')
    .addColumn('cover_type', 'text', (c) => c.notNull())
    .addColumn('cover_key', 'text', (c) => c.notNull())
    .addColumn('default_thread_id', 'integer')
    .addColumn('related_links', t.json, (c) => c.notNull())
    .addColumn('creator_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('modifier_id', 'integer', (c) => c.notNull())
    .addColumn('modified_at', t.time, (c) => c.notNull())
    .addPrimaryKeyConstraint('spaces_pk', ['domain_id', 'id'])
    .execute();

  await db.schema
    .createTable('space_members')
    .addColumn('domain_id', 'text', (c) => c.notNull())
    .addColumn('space_id', 'integer', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('is_admin', t.bool, (c) => c.notNull())
    .addColumn('include_subs', t.bool, (c) => c.notNull())
    .addPrimaryKeyConstraint('space_members_pk', ['domain_id', 'space_id', 'entity_type', 'entity_id'])
    .addForeignKeyConstraint('space_members_space_fk', ['domain_id', 'space_id'], 'spaces', ['domain_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('space_members_entity_ix').on('space_members').columns(['domain_id', 'entity_type', 'entity_id']).execute();

  await db.schema
    .createTable('space_guests')
    .addColumn('domain_id', 'text', (c) => c.notNull())
    .addColumn('space_id', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('added_at', t.time, (c) => c.notNull())
    .addPrimaryKeyConstraint('space_guests_pk', ['domain_id', 'space_id', 'user_id'])
    .addForeignKeyConstraint('space_guests_space_fk', ['domain_id', 'space_id'], 'spaces', ['domain_id', 'id'], (c) => c.onDelete('cascade'))
    .addForeignKeyConstraint('space_guests_user_fk', ['domain_id', 'user_id'], 'users', ['domain_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('space_guests_user_ix').on('space_guests').columns(['domain_id', 'user_id']).execute();

  await db.schema
    .createTable('guest_profiles')
    .addColumn('domain_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('company', 'text', (c) => c.notNull())
    .addColumn('division', 'text', (c) => c.notNull())
    .addColumn('callto', 'text', (c) => c.notNull())
    .addColumn('sur_name_reading', 'text', (c) => c.notNull())
    .addColumn('given_name_reading', 'text', (c) => c.notNull())
    .addColumn('image_file_id', 'text')
    .addColumn('first_login_at', t.time)
    .addPrimaryKeyConstraint('guest_profiles_pk', ['domain_id', 'user_id'])
    .addForeignKeyConstraint('guest_profiles_user_fk', ['domain_id', 'user_id'], 'users', ['domain_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();

  await db.schema
    .createTable('space_threads')
    .addColumn('domain_id', 'text', (c) => c.notNull())
    .addColumn('id', 'integer', (c) => c.notNull())
    .addColumn('space_id', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('body', 'text')
    .addColumn('creator_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('modifier_id', 'integer', (c) => c.notNull())
    .addColumn('modified_at', t.time, (c) => c.notNull())
    .addPrimaryKeyConstraint('space_threads_pk', ['domain_id', 'id'])
    .addForeignKeyConstraint('space_threads_space_fk', ['domain_id', 'space_id'], 'spaces', ['domain_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('space_threads_space_ix').on('space_threads').columns(['domain_id', 'space_id', 'id']).execute();

  await db.schema
    .createTable('thread_followers')
    .addColumn('domain_id', 'text', (c) => c.notNull())
    .addColumn('thread_id', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('thread_followers_pk', ['domain_id', 'thread_id', 'user_id'])
    .addForeignKeyConstraint('thread_followers_thread_fk', ['domain_id', 'thread_id'], 'space_threads', ['domain_id', 'id'], (c) => c.onDelete('cascade'))
    .addForeignKeyConstraint('thread_followers_user_fk', ['domain_id', 'user_id'], 'users', ['domain_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();

  await db.schema
    .createTable('thread_comments')
    .addColumn('domain_id', 'text', (c) => c.notNull())
    .addColumn('id', 'integer', (c) => c.notNull())
    .addColumn('space_id', 'integer', (c) => c.notNull())
    .addColumn('thread_id', 'integer', (c) => c.notNull())
    .addColumn('parent_id', 'integer')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('mentions', t.json, (c) => c.notNull())
    .addColumn('files', t.json, (c) => c.notNull())
    .addColumn('like_count', 'integer', (c) => c.notNull())
    .addColumn('creator_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addPrimaryKeyConstraint('thread_comments_pk', ['domain_id', 'id'])
    .addForeignKeyConstraint('thread_comments_thread_fk', ['domain_id', 'thread_id'], 'space_threads', ['domain_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('thread_comments_thread_ix').on('thread_comments').columns(['domain_id', 'thread_id', 'id']).execute();

  await db.schema
    .createTable('thread_comment_likes')
    .addColumn('domain_id', 'text', (c) => c.notNull())
    .addColumn('comment_id', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addPrimaryKeyConstraint('thread_comment_likes_pk', ['domain_id', 'comment_id', 'user_id'])
    .addForeignKeyConstraint('thread_comment_likes_comment_fk', ['domain_id', 'comment_id'], 'thread_comments', ['domain_id', 'id'], (c) => c.onDelete('cascade'))
    .addForeignKeyConstraint('thread_comment_likes_user_fk', ['domain_id', 'user_id'], 'users', ['domain_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();

  await db.schema
    .createTable('space_templates')
    .addColumn('domain_id', 'text', (c) => c.notNull().references('domains.id').onDelete('cascade'))
    .addColumn('id', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('definition', t.json, (c) => c.notNull())
    .addColumn('creator_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addPrimaryKeyConstraint('space_templates_pk', ['domain_id', 'id'])
    .execute();

  await db.schema
    .createTable('space_favourites')
    .addColumn('domain_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('space_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addPrimaryKeyConstraint('space_favourites_pk', ['domain_id', 'user_id', 'space_id'])
    .addForeignKeyConstraint('space_favourites_space_fk', ['domain_id', 'space_id'], 'spaces', ['domain_id', 'id'], (c) => c.onDelete('cascade'))
    .addForeignKeyConstraint('space_favourites_user_fk', ['domain_id', 'user_id'], 'users', ['domain_id', 'id'], (c) => c.onDelete('cascade'))
    .execute();

  for (const col of ['space_id', 'thread_id', 'thread_comment_id']) {
    await db.schema.alterTable('files').addColumn(col, 'integer').execute();
  }
  await notificationsForThreads(db);
  await membershipTriggers(db);
}

/** notifications.app_id becomes optional; a notification may point at a thread comment instead. */
async function notificationsForThreads(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`alter table notifications alter column app_id drop not null`.execute(db);
    for (const col of ['space_id', 'thread_id', 'thread_comment_id']) {
      await db.schema.alterTable('notifications').addColumn(col, 'integer').execute();
    }
    return;
  }
  // SQLite cannot relax NOT NULL in place: rebuild the table under the same name.
  await sql`create table notifications_next (
      domain_id text not null, id integer not null, recipient_id integer not null, kind text not null,
      to_me integer not null, app_id integer, record_id integer, comment_id integer, sender_id integer,
      detail text not null, created_at text not null, read_at text,
      space_id integer, thread_id integer, thread_comment_id integer,
      constraint notifications_pk primary key (domain_id, id),
      constraint notifications_recipient_fk foreign key (domain_id, recipient_id) references users (domain_id, id) on delete cascade,
      constraint notifications_app_fk foreign key (domain_id, app_id) references apps (domain_id, id) on delete cascade)`.execute(db);
  await sql`insert into notifications_next (domain_id, id, recipient_id, kind, to_me, app_id, record_id, comment_id, sender_id, detail, created_at, read_at)
      select domain_id, id, recipient_id, kind, to_me, app_id, record_id, comment_id, sender_id, detail, created_at, read_at from notifications`.execute(db);
  await sql`drop table notifications`.execute(db);
  await sql`alter table notifications_next rename to notifications`.execute(db);
  await db.schema.createIndex('notifications_recipient_ix').on('notifications').columns(['domain_id', 'recipient_id', 'id']).execute();
  await db.schema.createIndex('notifications_created_ix').on('notifications').columns(['created_at']).execute();
}

async function membershipTriggers(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'sqlite') {
    const bump = (row: 'new' | 'old') => sql.raw(`update domains set directory_version = directory_version + 1 where id = ${row}.domain_id;`);
    for (const t of [...SPACE_MEMBERSHIP, 'spaces']) {
      await sql`create trigger ${sql.raw(`${t}_directory_insert`)} after insert on ${sql.table(t)} begin ${bump('new')} end`.execute(db);
      await sql`create trigger ${sql.raw(`${t}_directory_delete`)} after delete on ${sql.table(t)} begin ${bump('old')} end`.execute(db);
    }
    await sql`create trigger space_members_directory_update after update on space_members begin ${bump('new')} end`.execute(db);
    await sql`create trigger spaces_directory_update after update of is_private, fixed_member, create_app on spaces
      when old.is_private is not new.is_private or old.fixed_member is not new.fixed_member or old.create_app is not new.create_app
      begin ${bump('new')} end`.execute(db);
    return;
  }
  for (const t of [...SPACE_MEMBERSHIP, 'spaces']) {
    await sql`create trigger ${sql.raw(`${t}_directory_change`)} after insert or delete on ${sql.table(t)}
      for each row execute function directory_changed()`.execute(db);
  }
  await sql`create trigger space_members_directory_update after update on space_members
    for each row execute function directory_changed()`.execute(db);
  await sql`create trigger spaces_directory_update after update of is_private, fixed_member, create_app on spaces
    for each row when (old.is_private is distinct from new.is_private or old.fixed_member is distinct from new.fixed_member
      or old.create_app is distinct from new.create_app)
    execute function directory_changed()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const kind = dialectOf(db);
  await db.deleteFrom('notifications').where('app_id', 'is', null).execute();
  if (kind === 'postgres') {
    for (const col of ['space_id', 'thread_id', 'thread_comment_id']) await db.schema.alterTable('notifications').dropColumn(col).execute();
    await sql`alter table notifications alter column app_id set not null`.execute(db);
  } else {
    await sql`create table notifications_prev (
        domain_id text not null, id integer not null, recipient_id integer not null, kind text not null,
        to_me integer not null, app_id integer not null, record_id integer, comment_id integer, sender_id integer,
        detail text not null, created_at text not null, read_at text,
        constraint notifications_pk primary key (domain_id, id),
        constraint notifications_recipient_fk foreign key (domain_id, recipient_id) references users (domain_id, id) on delete cascade,
        constraint notifications_app_fk foreign key (domain_id, app_id) references apps (domain_id, id) on delete cascade)`.execute(db);
    await sql`insert into notifications_prev select domain_id, id, recipient_id, kind, to_me, app_id, record_id, comment_id, sender_id, detail, created_at, read_at from notifications`.execute(db);
    await sql`drop table notifications`.execute(db);
    await sql`alter table notifications_prev rename to notifications`.execute(db);
    await db.schema.createIndex('notifications_recipient_ix').on('notifications').columns(['domain_id', 'recipient_id', 'id']).execute();
    await db.schema.createIndex('notifications_created_ix').on('notifications').columns(['created_at']).execute();
  }
  for (const col of ['space_id', 'thread_id', 'thread_comment_id']) await db.schema.alterTable('files').dropColumn(col).execute();
  // Dropping a table drops its triggers in both databases.
  for (const t of [
    'space_favourites',
    'space_templates',
    'thread_comment_likes',
    'thread_comments',
    'thread_followers',
    'space_threads',
    'guest_profiles',
    'space_guests',
    'space_members',
    'spaces',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
