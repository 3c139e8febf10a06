import { MigrationInterface, QueryRunner } from 'typeorm';

export class ApiTokensAndAudit1795549897613 implements MigrationInterface {
  name = 'ApiTokensAndAudit1795549897613';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`api_tokens\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(100) NOT NULL, \`role\` enum ('ADMIN', 'ENTITY', 'VIEWER') NOT NULL, \`entity_id\` int NULL, \`token_hash\` char(64) NOT NULL, \`prefix\` varchar(20) NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`expires_at\` datetime(3) NULL, \`last_used_at\` datetime(3) NULL, \`revoked_at\` datetime(3) NULL, \`created_by\` varchar(100) NOT NULL, INDEX \`IDX_40e32f893bcc898dbce3cfac2c\` (\`entity_id\`), UNIQUE INDEX \`uq_api_tokens_token_hash\` (\`token_hash\`), INDEX \`IDX_aed697fd8c31c122befe595971\` (\`prefix\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`audit_events\` (\`id\` int NOT NULL AUTO_INCREMENT, \`at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`actor\` varchar(200) NOT NULL, \`actor_token_id\` int NULL, \`action\` varchar(50) NOT NULL, \`subject\` varchar(300) NOT NULL, \`details\` text NULL, INDEX \`IDX_3648e11676f1929b9875ee272b\` (\`at\`), INDEX \`IDX_31421321bd4455c6e47e126913\` (\`actor_token_id\`), INDEX \`ix_audit_events_action_at\` (\`action\`, \`at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`api_tokens\` ADD CONSTRAINT \`FK_40e32f893bcc898dbce3cfac2c1\` FOREIGN KEY (\`entity_id\`) REFERENCES \`entities\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`audit_events\` ADD CONSTRAINT \`FK_31421321bd4455c6e47e1269136\` FOREIGN KEY (\`actor_token_id\`) REFERENCES \`api_tokens\`(\`id\`) ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`audit_events\` DROP FOREIGN KEY \`FK_31421321bd4455c6e47e1269136\``);
    await queryRunner.query(`ALTER TABLE \`api_tokens\` DROP FOREIGN KEY \`FK_40e32f893bcc898dbce3cfac2c1\``);
    await queryRunner.query(`DROP INDEX \`ix_audit_events_action_at\` ON \`audit_events\``);
    await queryRunner.query(`DROP INDEX \`IDX_31421321bd4455c6e47e126913\` ON \`audit_events\``);
    await queryRunner.query(`DROP INDEX \`IDX_3648e11676f1929b9875ee272b\` ON \`audit_events\``);
    await queryRunner.query(`DROP TABLE \`audit_events\``);
    await queryRunner.query(`DROP INDEX \`IDX_aed697fd8c31c122befe595971\` ON \`api_tokens\``);
    await queryRunner.query(`DROP INDEX \`uq_api_tokens_token_hash\` ON \`api_tokens\``);
    await queryRunner.query(`DROP INDEX \`IDX_40e32f893bcc898dbce3cfac2c\` ON \`api_tokens\``);
    await queryRunner.query(`DROP TABLE \`api_tokens\``);
  }
}
