import { Column, CreateDateColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Column helpers that read the same on both dialects. Timestamps are `timestamp` on PostgreSQL
 * and `datetime` on SQLite, always UTC (see data-source.ts); ids are UUIDs (uuid / varchar).
 */
export const IdColumn = () => PrimaryGeneratedColumn('uuid');

/** A UUID reference column (a foreign key when the relation is declared too). */
export const UuidColumn = (options: { nullable?: boolean } = {}) =>
  Column({ type: 'uuid', nullable: options.nullable ?? false });

export const TimestampColumn = (options: { nullable?: boolean } = {}) =>
  Column({ type: Date, nullable: options.nullable ?? false });

export const CreatedAtColumn = () => CreateDateColumn();

export const BoolColumn = (defaultValue: boolean) => Column({ type: 'boolean', default: defaultValue });

export const VarcharColumn = (length: number, options: { nullable?: boolean; default?: string } = {}) =>
  Column({ type: 'varchar', length, nullable: options.nullable ?? false, ...(options.default !== undefined ? { default: options.default } : {}) });

/**
 * A JSON object column's TypeScript type. `any` values because TypeORM's insert typing cannot
 * express `unknown` leaves; the GraphQL layer exposes these as `JSONObject`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsonObject = Record<string, any>;
