import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReviewPeriodsPublishedCuts1796193832576 implements MigrationInterface {
  name = 'ReviewPeriodsPublishedCuts1796193832576';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`closed_periods\` (\`id\` int NOT NULL AUTO_INCREMENT, \`policy_id\` int NOT NULL, \`year\` smallint NOT NULL, \`period\` varchar(12) NOT NULL, \`closed_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`closed_by\` varchar(200) NOT NULL, UNIQUE INDEX \`uq_closed_periods_policy_year_period\` (\`policy_id\`, \`year\`, \`period\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`published_cuts\` (\`id\` int NOT NULL AUTO_INCREMENT, \`policy_id\` int NOT NULL, \`cut\` date NOT NULL, \`title\` varchar(300) NOT NULL, \`published_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`published_by\` varchar(200) NOT NULL, \`snapshot\` mediumtext NOT NULL, \`source_checksum\` char(64) NOT NULL, \`source_reports_updated_at\` datetime(3) NULL, \`source_max_report_id\` int NOT NULL DEFAULT '0', INDEX \`ix_published_cuts_policy_cut\` (\`policy_id\`, \`cut\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`policies\` ADD \`review_required\` tinyint NOT NULL DEFAULT 1`);
    await queryRunner.query(`ALTER TABLE \`progress_reports\` ADD \`review_status\` enum ('PENDING', 'APPROVED', 'RETURNED') NOT NULL DEFAULT 'APPROVED'`);
    await queryRunner.query(`ALTER TABLE \`progress_reports\` ADD \`approved_value\` double NULL`);
    await queryRunner.query(`ALTER TABLE \`progress_reports\` ADD \`review_comment\` text NULL`);
    await queryRunner.query(`ALTER TABLE \`progress_reports\` ADD \`reviewed_at\` datetime(3) NULL`);
    await queryRunner.query(`ALTER TABLE \`progress_reports\` ADD \`reviewed_by\` varchar(200) NULL`);
    await queryRunner.query(`ALTER TABLE \`progress_reports\` ADD \`review_version\` int NOT NULL DEFAULT '0'`);
    // Reports stored before review existed were counted as they came: approved, at their value.
    await queryRunner.query(`UPDATE \`progress_reports\` SET \`approved_value\` = \`value\``);
    await queryRunner.query(`ALTER TABLE \`result_reports\` ADD \`review_status\` enum ('PENDING', 'APPROVED', 'RETURNED') NOT NULL DEFAULT 'APPROVED'`);
    await queryRunner.query(`ALTER TABLE \`result_reports\` ADD \`approved_value\` double NULL`);
    await queryRunner.query(`ALTER TABLE \`result_reports\` ADD \`review_comment\` text NULL`);
    await queryRunner.query(`ALTER TABLE \`result_reports\` ADD \`reviewed_at\` datetime(3) NULL`);
    await queryRunner.query(`ALTER TABLE \`result_reports\` ADD \`reviewed_by\` varchar(200) NULL`);
    await queryRunner.query(`ALTER TABLE \`result_reports\` ADD \`review_version\` int NOT NULL DEFAULT '0'`);
    // Reports stored before review existed were counted as they came: approved, at their value.
    await queryRunner.query(`UPDATE \`result_reports\` SET \`approved_value\` = \`value\``);
    await queryRunner.query(`ALTER TABLE \`closed_periods\` ADD CONSTRAINT \`FK_c2dc6539cf2bc1283662cc063ed\` FOREIGN KEY (\`policy_id\`) REFERENCES \`policies\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`published_cuts\` ADD CONSTRAINT \`FK_0cca43cc6f9211f0bc779ab4351\` FOREIGN KEY (\`policy_id\`) REFERENCES \`policies\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`published_cuts\` DROP FOREIGN KEY \`FK_0cca43cc6f9211f0bc779ab4351\``);
    await queryRunner.query(`ALTER TABLE \`closed_periods\` DROP FOREIGN KEY \`FK_c2dc6539cf2bc1283662cc063ed\``);
    await queryRunner.query(`ALTER TABLE \`result_reports\` DROP COLUMN \`review_version\``);
    await queryRunner.query(`ALTER TABLE \`result_reports\` DROP COLUMN \`reviewed_by\``);
    await queryRunner.query(`ALTER TABLE \`result_reports\` DROP COLUMN \`reviewed_at\``);
    await queryRunner.query(`ALTER TABLE \`result_reports\` DROP COLUMN \`review_comment\``);
    await queryRunner.query(`ALTER TABLE \`result_reports\` DROP COLUMN \`approved_value\``);
    await queryRunner.query(`ALTER TABLE \`result_reports\` DROP COLUMN \`review_status\``);
    await queryRunner.query(`ALTER TABLE \`progress_reports\` DROP COLUMN \`review_version\``);
    await queryRunner.query(`ALTER TABLE \`progress_reports\` DROP COLUMN \`reviewed_by\``);
    await queryRunner.query(`ALTER TABLE \`progress_reports\` DROP COLUMN \`reviewed_at\``);
    await queryRunner.query(`ALTER TABLE \`progress_reports\` DROP COLUMN \`review_comment\``);
    await queryRunner.query(`ALTER TABLE \`progress_reports\` DROP COLUMN \`approved_value\``);
    await queryRunner.query(`ALTER TABLE \`progress_reports\` DROP COLUMN \`review_status\``);
    await queryRunner.query(`ALTER TABLE \`policies\` DROP COLUMN \`review_required\``);
    await queryRunner.query(`DROP INDEX \`ix_published_cuts_policy_cut\` ON \`published_cuts\``);
    await queryRunner.query(`DROP TABLE \`published_cuts\``);
    await queryRunner.query(`DROP INDEX \`uq_closed_periods_policy_year_period\` ON \`closed_periods\``);
    await queryRunner.query(`DROP TABLE \`closed_periods\``);
  }
}
