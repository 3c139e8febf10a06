import { MigrationInterface, QueryRunner } from 'typeorm';

export class ImportIssueTotalsAndErrorsWorkbook1796192478212 implements MigrationInterface {
  name = 'ImportIssueTotalsAndErrorsWorkbook1796192478212';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`import_batches\` ADD \`issue_totals\` mediumtext NULL`);
    await queryRunner.query(`ALTER TABLE \`import_batches\` ADD \`errors_path\` varchar(500) NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`import_batches\` DROP COLUMN \`errors_path\``);
    await queryRunner.query(`ALTER TABLE \`import_batches\` DROP COLUMN \`issue_totals\``);
  }
}
