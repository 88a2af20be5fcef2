/**
 * Migration `0003_fremtid_dialogues`: Fremtidsdialog's dialogues, statements, participants
 * and answers. One answer per participant and statement is the answers table's primary key,
 * so the database itself refuses a second one (a changed answer is an update). Tokens are
 * stored as SHA-256 hashes only. Every row goes with its dialogue (cascade).
 */
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { DialectName } from '../db/migrations.ts';

/** The migration (the same DDL for both dialects: text and integer columns only). */
export function fremtidDialoguesMigration(_dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('fremtid_dialogues')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('region_code', 'text', (c) => c.notNull())
        .addColumn('facilitator_token_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('fremtid_statements')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('dialogue_id', 'text', (c) =>
          c.notNull().references('fremtid_dialogues.id').onDelete('cascade'),
        )
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('figure', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('proposed_by', 'text')
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('fremtid_statements_dialogue')
        .on('fremtid_statements')
        .columns(['dialogue_id', 'position'])
        .execute();
      await db.schema
        .createTable('fremtid_participants')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('dialogue_id', 'text', (c) =>
          c.notNull().references('fremtid_dialogues.id').onDelete('cascade'),
        )
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('fremtid_answers')
        .addColumn('participant_id', 'text', (c) =>
          c.notNull().references('fremtid_participants.id').onDelete('cascade'),
        )
        .addColumn('statement_id', 'text', (c) =>
          c.notNull().references('fremtid_statements.id').onDelete('cascade'),
        )
        .addColumn('answer', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('fremtid_answers_one_per_participant', [
          'participant_id',
          'statement_id',
        ])
        .execute();
      await db.schema
        .createIndex('fremtid_answers_statement')
        .on('fremtid_answers')
        .column('statement_id')
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const t of [
        'fremtid_answers',
        'fremtid_participants',
        'fremtid_statements',
        'fremtid_dialogues',
      ])
        await db.schema.dropTable(t).execute();
    },
  };
}
