import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Real plans (issue 9): results level (results, result_goals, result_reports; products.result_id),
 * withdrawn products (status, withdrawn_from), quality flags, every SDP periodicity (period codes up to
 * 12 characters), and values stored as DOUBLE so a cell's number round-trips exactly. Generated, then
 * the DROP/ADD pairs of changed columns were turned into MODIFY so stored data is converted, not lost
 * (DECIMAL → DOUBLE keeps every stored value; MySQL 8 and MariaDB 10.11 both accept MODIFY).
 */
export class RealPlansResultsDoubles1796192549032 implements MigrationInterface {
  name = 'RealPlansResultsDoubles1796192549032';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`results\` (\`id\` int NOT NULL AUTO_INCREMENT, \`policy_id\` int NOT NULL, \`objective_id\` int NOT NULL, \`code\` varchar(50) NOT NULL, \`name\` text NOT NULL, \`indicator\` text NOT NULL, \`unit\` varchar(100) NULL, \`annualization_type\` enum ('SUMA', 'CONSTANTE', 'CRECIENTE', 'DECRECIENTE') NOT NULL, \`periodicity\` enum ('MENSUAL', 'BIMESTRAL', 'TRIMESTRAL', 'CUATRIMESTRAL', 'SEMESTRAL', 'ANUAL', 'BIENAL', 'TRIENAL', 'CUATRIENAL', 'QUINQUENAL') NOT NULL, \`baseline_value\` double NULL, \`final_goal\` double NULL, \`weight\` double NULL, \`responsible_entity_id\` int NULL, \`quality_flags\` varchar(500) NOT NULL DEFAULT '', INDEX \`IDX_bca62b54e32dc90eb773dc86db\` (\`objective_id\`), INDEX \`IDX_cbf89cc893f931d48b60c76443\` (\`responsible_entity_id\`), UNIQUE INDEX \`uq_results_policy_code\` (\`policy_id\`, \`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`result_goals\` (\`id\` int NOT NULL AUTO_INCREMENT, \`result_id\` int NOT NULL, \`year\` smallint NOT NULL, \`period\` varchar(12) NOT NULL DEFAULT '', \`value\` double NOT NULL, UNIQUE INDEX \`uq_result_goals_result_year_period\` (\`result_id\`, \`year\`, \`period\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`result_reports\` (\`id\` int NOT NULL AUTO_INCREMENT, \`result_id\` int NOT NULL, \`year\` smallint NOT NULL, \`period\` varchar(12) NOT NULL, \`value\` double NOT NULL, \`qualitative\` text NULL, \`difficulties\` text NULL, \`evidence\` varchar(2000) NULL, \`reported_by\` varchar(300) NULL, \`import_batch_id\` int NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), INDEX \`IDX_bc63060781bfe9c11415c6aa43\` (\`import_batch_id\`), UNIQUE INDEX \`uq_result_reports_result_year_period\` (\`result_id\`, \`year\`, \`period\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`products\` ADD \`result_id\` int NULL`);
    await queryRunner.query(`ALTER TABLE \`products\` ADD \`status\` enum ('VIGENTE', 'NO_VIGENTE') NOT NULL DEFAULT 'VIGENTE'`);
    await queryRunner.query(`ALTER TABLE \`products\` ADD \`withdrawn_from\` date NULL`);
    await queryRunner.query(`ALTER TABLE \`products\` ADD \`quality_flags\` varchar(500) NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE \`products\` CHANGE \`periodicity\` \`periodicity\` enum ('MENSUAL', 'BIMESTRAL', 'TRIMESTRAL', 'CUATRIMESTRAL', 'SEMESTRAL', 'ANUAL', 'BIENAL', 'TRIENAL', 'CUATRIENAL', 'QUINQUENAL') NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`products\` MODIFY \`baseline_value\` double NULL`);
    await queryRunner.query(`ALTER TABLE \`products\` MODIFY \`final_goal\` double NULL`);
    await queryRunner.query(`ALTER TABLE \`products\` MODIFY \`weight\` double NULL`);
    await queryRunner.query(`ALTER TABLE \`goals\` MODIFY \`period\` varchar(12) NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE \`goals\` MODIFY \`value\` double NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`progress_reports\` MODIFY \`period\` varchar(12) NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`progress_reports\` MODIFY \`value\` double NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`progress_report_changes\` MODIFY \`previous_value\` double NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`progress_report_changes\` MODIFY \`new_value\` double NOT NULL`);
    await queryRunner.query(`CREATE INDEX \`IDX_f9d42af8da93e100d9498f309e\` ON \`products\` (\`result_id\`)`);
    await queryRunner.query(`ALTER TABLE \`results\` ADD CONSTRAINT \`FK_f081422434b34bd79d018013781\` FOREIGN KEY (\`policy_id\`) REFERENCES \`policies\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`results\` ADD CONSTRAINT \`FK_bca62b54e32dc90eb773dc86db4\` FOREIGN KEY (\`objective_id\`) REFERENCES \`objectives\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`results\` ADD CONSTRAINT \`FK_cbf89cc893f931d48b60c764432\` FOREIGN KEY (\`responsible_entity_id\`) REFERENCES \`entities\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`products\` ADD CONSTRAINT \`FK_f9d42af8da93e100d9498f309e1\` FOREIGN KEY (\`result_id\`) REFERENCES \`results\`(\`id\`) ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`result_goals\` ADD CONSTRAINT \`FK_f87acb3f7c31137fb878fde4dda\` FOREIGN KEY (\`result_id\`) REFERENCES \`results\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`result_reports\` ADD CONSTRAINT \`FK_a62dac54207b57cf20e02441cea\` FOREIGN KEY (\`result_id\`) REFERENCES \`results\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`result_reports\` ADD CONSTRAINT \`FK_bc63060781bfe9c11415c6aa436\` FOREIGN KEY (\`import_batch_id\`) REFERENCES \`import_batches\`(\`id\`) ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`result_reports\` DROP FOREIGN KEY \`FK_bc63060781bfe9c11415c6aa436\``);
    await queryRunner.query(`ALTER TABLE \`result_reports\` DROP FOREIGN KEY \`FK_a62dac54207b57cf20e02441cea\``);
    await queryRunner.query(`ALTER TABLE \`result_goals\` DROP FOREIGN KEY \`FK_f87acb3f7c31137fb878fde4dda\``);
    await queryRunner.query(`ALTER TABLE \`products\` DROP FOREIGN KEY \`FK_f9d42af8da93e100d9498f309e1\``);
    await queryRunner.query(`ALTER TABLE \`results\` DROP FOREIGN KEY \`FK_cbf89cc893f931d48b60c764432\``);
    await queryRunner.query(`ALTER TABLE \`results\` DROP FOREIGN KEY \`FK_bca62b54e32dc90eb773dc86db4\``);
    await queryRunner.query(`ALTER TABLE \`results\` DROP FOREIGN KEY \`FK_f081422434b34bd79d018013781\``);
    await queryRunner.query(`DROP INDEX \`IDX_f9d42af8da93e100d9498f309e\` ON \`products\``);
    await queryRunner.query(`ALTER TABLE \`progress_report_changes\` MODIFY \`new_value\` decimal(20,6) NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`progress_report_changes\` MODIFY \`previous_value\` decimal(20,6) NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`progress_reports\` MODIFY \`value\` decimal(20,6) NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`progress_reports\` MODIFY \`period\` varchar(5) NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`goals\` MODIFY \`value\` decimal(20,6) NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`goals\` MODIFY \`period\` varchar(5) NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE \`products\` MODIFY \`weight\` decimal(10,6) NULL`);
    await queryRunner.query(`ALTER TABLE \`products\` MODIFY \`final_goal\` decimal(20,6) NULL`);
    await queryRunner.query(`ALTER TABLE \`products\` MODIFY \`baseline_value\` decimal(20,6) NULL`);
    await queryRunner.query(`ALTER TABLE \`products\` CHANGE \`periodicity\` \`periodicity\` enum ('MENSUAL', 'TRIMESTRAL', 'SEMESTRAL', 'ANUAL') NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`products\` DROP COLUMN \`quality_flags\``);
    await queryRunner.query(`ALTER TABLE \`products\` DROP COLUMN \`withdrawn_from\``);
    await queryRunner.query(`ALTER TABLE \`products\` DROP COLUMN \`status\``);
    await queryRunner.query(`ALTER TABLE \`products\` DROP COLUMN \`result_id\``);
    await queryRunner.query(`DROP INDEX \`uq_result_reports_result_year_period\` ON \`result_reports\``);
    await queryRunner.query(`DROP INDEX \`IDX_bc63060781bfe9c11415c6aa43\` ON \`result_reports\``);
    await queryRunner.query(`DROP TABLE \`result_reports\``);
    await queryRunner.query(`DROP INDEX \`uq_result_goals_result_year_period\` ON \`result_goals\``);
    await queryRunner.query(`DROP TABLE \`result_goals\``);
    await queryRunner.query(`DROP INDEX \`uq_results_policy_code\` ON \`results\``);
    await queryRunner.query(`DROP INDEX \`IDX_cbf89cc893f931d48b60c76443\` ON \`results\``);
    await queryRunner.query(`DROP INDEX \`IDX_bca62b54e32dc90eb773dc86db\` ON \`results\``);
    await queryRunner.query(`DROP TABLE \`results\``);
  }
}
